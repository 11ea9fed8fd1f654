/**
 * The case engine and its supervision rules on plain values: each rule once where it fires and once
 * where it does not, refusals quoting the bundled list's own clauses, overrides leaving findings.
 * The working calendar here is a small explicit fixture (National Day 2026, weekends); the real
 * calendar is tested in src/domain/calendar and through the HTTP scenarios.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TPowerItem } from '../../contracts/power-list.js';
import { readPowerListTsv } from '../../io/power-list-tsv.js';
import type { RoleId } from '../access/roles.js';
import { templateById } from '../procedure/templates.js';
import type { SupervisionCalendar } from '../supervision/rules.js';
import { type AdvanceInput, type AdvanceResult, advanceCase, type DeadlineCalculator } from './advance-case.js';
import type { CaseDeadline, CaseState } from './case.js';
import { openCaseState } from './open-case.js';

const ITEMS: TPowerItem[] = readPowerListTsv(
  readFileSync(new URL('../../../data/powerlists/liuzhou-secrecy-bureau.tsv', import.meta.url)),
).items;
const item = (no: number) => ITEMS.find((i) => i.no === no) as TPowerItem;

// ── fixture calendar: weekends, National Day 2026 (10-01…10-07), 调休 working Saturday 10-10 ──
const HOLIDAYS = new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
const ADJUSTED = new Set(['2026-10-10']);
function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const calendar: SupervisionCalendar = {
  dayKind(date) {
    if (date.startsWith('2027')) return { kind: 'unknown' };
    if (HOLIDAYS.has(date)) return { kind: 'holiday', name: '国庆节' };
    if (ADJUSTED.has(date)) return { kind: 'adjusted-workday', name: '国庆节调休' };
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day === 0 || day === 6 ? { kind: 'weekend' } : { kind: 'workday' };
  },
  workingDaysBetween(from, to) {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
      const kind = calendar.dayKind(d).kind;
      if (kind === 'unknown') return null;
      if (kind === 'workday' || kind === 'adjusted-workday') n++;
    }
    return n;
  },
};
function addWorkingDays(from: string, n: number): string {
  let d = from;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    const kind = calendar.dayKind(d).kind;
    if (kind === 'workday' || kind === 'adjusted-workday') left--;
  }
  return d;
}
const shanghaiDate = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const shanghaiHour = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).getUTCHours();
const deadlines: DeadlineCalculator = {
  start({ start, from, due }) {
    const fromDate = from.length > 10 ? shanghaiDate(new Date(from)) : from;
    const days = start.ruleId === 'penalty-decision-90-days' ? null : 5;
    const computed = due ?? (days === null ? addDays(fromDate, 90) : addWorkingDays(fromDate, days));
    return {
      id: start.id,
      ruleId: start.ruleId,
      label: start.id,
      source: 'fixture',
      from,
      due: computed,
      state: 'running',
      endedAt: null,
      explanation: '',
      skipped: [],
      calendarComplete: true,
      missingYears: [],
      suspensions: [],
      extensionDays: 0,
    } satisfies CaseDeadline;
  },
};

// ── people: two officers with valid certificates, one without, a reviewer, a head ──
const CERT = (no: string, validTo = '2030-12-31') => ({
  number: no,
  issuingBody: '广西壮族自治区人民政府',
  validFrom: '2020-01-01',
  validTo,
});
const OFFICER_A = { id: 'off-a', userId: 'user-a', name: '张三', certificate: CERT('GX-1'), conflictPartyIds: [] as string[] };
const OFFICER_B = { id: 'off-b', userId: 'user-b', name: '李四', certificate: CERT('GX-2'), conflictPartyIds: [] as string[] };
const OFFICER_EXPIRED = {
  id: 'off-c',
  userId: 'user-c',
  name: '王五',
  certificate: CERT('GX-3', '2025-12-31'),
  conflictPartyIds: [] as string[],
};
const PARTY = { kind: 'organisation' as const, name: '某科技有限公司', creditCode: '91110108MA01XY7K9D' };

let ids = 0;
const newId = () => `id-${++ids}`;

function open(itemNo: number, openingFacts: Record<string, unknown>, now = new Date('2026-09-01T02:00:00Z')): CaseState {
  const it = item(itemNo);
  const template = templateById(
    (
      {
        1: 'penalty',
        2: 'network-leak-coercion',
        3: 'hazard-coercion',
        4: 'secrecy-inspection',
        5: 'leak-investigation',
        6: 'publication-confirmation',
        7: 'system-approval',
      } as const
    )[itemNo as 1],
  );
  const result = openCaseState({
    id: newId(),
    orgId: 'org-lz',
    number: '柳保罚〔2026〕1号',
    template,
    item: it,
    listVersion: { id: 'v1', no: 1 },
    parties: [PARTY],
    openingFacts,
    officerIds: [OFFICER_A.id, OFFICER_B.id],
    now,
    actorName: '张三',
    deadlines,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.state;
}

interface Step {
  action: string;
  facts?: Record<string, unknown>;
  at?: string;
  roles?: RoleId[];
  userId?: string;
  officers?: (typeof OFFICER_A)[];
  override?: AdvanceInput['override'];
  investigators?: string[];
}

function take(state: CaseState, itemNo: number, step: Step): AdvanceResult {
  const at = new Date(step.at ?? '2026-09-02T02:00:00Z');
  return advanceCase({
    template: templateById(state.templateId),
    state,
    item: item(itemNo),
    actionId: step.action,
    facts: step.facts ?? {},
    at,
    now: new Date(Math.max(at.getTime(), Date.parse(state.lastActionAt ?? state.openedAt)) + 60_000),
    actor: {
      userId: step.userId ?? 'user-a',
      name: '张三',
      roles: step.roles ?? ['officer'],
      officerId: step.userId === 'user-r' ? null : 'off-a',
    },
    officers: step.officers ?? [OFFICER_A, OFFICER_B],
    calendar,
    deadlines,
    localDateOf: shanghaiDate,
    localHourOf: shanghaiHour,
    nightWindow: { startHour: 22, endHour: 6 },
    investigatorUserIds: step.investigators ?? [],
    override: step.override ?? null,
    newId,
  });
}

function ok(result: AdvanceResult): CaseState {
  if (!result.ok) throw new Error(`expected success, got ${result.kind}: ${result.message}`);
  return result.state;
}

function refusedBy(result: AdvanceResult): string[] {
  if (result.ok || result.kind !== 'rule-violated') throw new Error(`expected refusal, got ${result.ok ? 'success' : result.kind}`);
  return result.refusals.map((r) => r.rule);
}

const PENALTY_OPENING = { source: '监督检查发现', summary: '某公司员工私自留存涉密文件', discoveredOn: '2026-08-30' };

/** Item 1 walked to the notice step, the notice served on `servedAt`. */
function penaltyAtNotice(servedAt = '2026-09-25T02:00:00Z'): CaseState {
  let s = open(1, PENALTY_OPENING);
  s = ok(take(s, 1, { action: 'file', facts: { filedOn: '2026-09-01', approvedBy: '局长' }, at: '2026-09-01T03:00:00Z' }));
  s = ok(
    take(s, 1, {
      action: 'record-investigation',
      facts: { investigatedOn: '2026-09-02', certificatesShown: true, records: '询问笔录两份，检查笔录一份' },
      at: '2026-09-02T01:00:00Z',
    }),
  );
  s = ok(
    take(s, 1, {
      action: 'register-carriers',
      facts: {
        carriers: [{ title: '某项目设计方案', level: '机密', quantity: 1, source: '原单位', spread: '未扩散', measure: '封存' }],
        inventoryIssuedOn: '2026-09-02',
      },
      at: '2026-09-02T03:00:00Z',
    }),
  );
  s = ok(
    take(s, 1, {
      action: 'review',
      roles: ['legal-reviewer'],
      userId: 'user-r',
      facts: { reviewedOn: '2026-09-03', proposal: '拟给予行政处罚', opinion: '事实清楚，证据确凿' },
      at: '2026-09-03T03:00:00Z',
    }),
  );
  return ok(
    take(s, 1, {
      action: 'notify-party',
      facts: { servedAt, method: '直接送达', proposedPenalty: '收缴载体并警告', rightsStated: true },
      at: servedAt,
    }),
  );
}

describe('advanceCase: the engine', () => {
  it('opens item 1 at 立案 and files it, starting the 90-day decision deadline', () => {
    const s = open(1, PENALTY_OPENING);
    expect(s.step).toBe('filing');
    const filed = ok(take(s, 1, { action: 'file', facts: { filedOn: '2026-09-01', approvedBy: '局长' } }));
    expect(filed.step).toBe('investigation');
    expect(filed.version).toBe(2);
    expect(filed.deadlines.map((d) => [d.id, d.due])).toEqual([['decision', '2026-11-30']]);
  });

  it('refuses an action the step does not allow, naming the ones it does', () => {
    const result = take(open(1, PENALTY_OPENING), 1, { action: 'decide' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.kind).toBe('invalid-transition');
      expect(result.message).toContain('决定立案');
    }
  });

  it('refuses a role that may not take the action', () => {
    const result = take(open(1, PENALTY_OPENING), 1, {
      action: 'file',
      roles: ['supervisor'],
      facts: { filedOn: '2026-09-01', approvedBy: '局长' },
    });
    expect(!result.ok && result.kind).toBe('forbidden');
  });

  it('answers bad facts with field paths', () => {
    let s = open(1, PENALTY_OPENING);
    s = ok(take(s, 1, { action: 'file', facts: { filedOn: '2026-09-01', approvedBy: '局长' } }));
    s = ok(
      take(s, 1, { action: 'record-investigation', facts: { investigatedOn: '2026-09-02', certificatesShown: true, records: '笔录两份' } }),
    );
    const result = take(s, 1, {
      action: 'register-carriers',
      facts: {
        carriers: [{ title: 'x', level: '绝密级', quantity: 0, source: 'a', spread: 'b', measure: 'c' }],
        inventoryIssuedOn: '2026-09-03',
      },
    });
    expect(!result.ok && result.kind).toBe('validation');
    if (!result.ok && result.kind === 'validation') {
      expect(result.issues.map((i) => i.path.join('.')).sort()).toEqual(['facts.carriers.0.level', 'facts.carriers.0.quantity']);
    }
  });

  it('bounds back-dating: not in the future, not before the last step', () => {
    const s = ok(
      take(open(1, PENALTY_OPENING), 1, {
        action: 'file',
        facts: { filedOn: '2026-09-01', approvedBy: '局长' },
        at: '2026-09-05T02:00:00Z',
      }),
    );
    const earlier = take(s, 1, {
      action: 'record-investigation',
      facts: { investigatedOn: '2026-09-02', certificatesShown: true, records: '笔录两份' },
      at: '2026-09-04T02:00:00Z',
    });
    expect(!earlier.ok && earlier.kind).toBe('validation');
  });

  it('closes the case and stops running deadlines at 结案', () => {
    let s = open(2, { foundOn: '2026-09-01', source: '网络巡查' });
    s = ok(
      take(s, 2, {
        action: 'register-finding',
        facts: {
          platform: '某论坛',
          operator: '某网络公司',
          locator: 'https://example.invalid/p/1',
          summary: '帖子含涉密文件截图',
          contentWithheld: true,
        },
      }),
    );
    s = ok(
      take(s, 2, {
        action: 'notify-operator',
        facts: { servedAt: '2026-09-02T03:00:00Z', method: '电子送达', deleteBy: '2026-09-04', keepRecords: true },
        at: '2026-09-02T03:00:00Z',
      }),
    );
    expect(s.deadlines.find((d) => d.id === 'deletion')?.due).toBe('2026-09-04');
    s = ok(
      take(s, 2, {
        action: 'transfer',
        facts: { transferredTo: '公安机关', transferredOn: '2026-09-05', reasons: '运营者拒不删除' },
        at: '2026-09-05T03:00:00Z',
      }),
    );
    expect(s.outcome).toBe('移交处理');
    expect(s.deadlines.find((d) => d.id === 'deletion')?.state).toBe('missed');
    s = ok(take(s, 2, { action: 'close', facts: { summary: '已移交公安机关', archivedOn: '2026-09-06' }, at: '2026-09-06T03:00:00Z' }));
    expect([s.status, s.step, s.outcome]).toEqual(['closed', null, '移交处理']);
    const after = take(s, 2, { action: 'close' });
    expect(!after.ok && after.kind).toBe('invalid-transition');
  });
});

describe('supervision rules: each fires, and each stays quiet when the law is kept', () => {
  it('two-certified-officers: refuses with one valid certificate, quoting item 1 clause 3 (执法资格)', () => {
    const s = ok(take(open(1, PENALTY_OPENING), 1, { action: 'file', facts: { filedOn: '2026-09-01', approvedBy: '局长' } }));
    const facts = { investigatedOn: '2026-09-02', certificatesShown: true, records: '笔录两份' };
    const refused = take(s, 1, { action: 'record-investigation', facts, officers: [OFFICER_A, OFFICER_EXPIRED] });
    expect(refusedBy(refused)).toEqual(['two-certified-officers']);
    if (!refused.ok && refused.kind === 'rule-violated') {
      const refusal = refused.refusals[0];
      expect(refusal?.message).toContain('王五');
      expect(refusal?.clause).toMatchObject({
        no: 3,
        text: '不具备行政执法资格实施行政强制的；',
        basis: '《中华人民共和国行政强制法》第六十一条',
        isFallback: false,
      });
    }
    expect(take(s, 1, { action: 'record-investigation', facts }).ok).toBe(true);
  });

  it('certificates-shown: refuses an on-site step without the certificates shown', () => {
    const s = ok(take(open(1, PENALTY_OPENING), 1, { action: 'file', facts: { filedOn: '2026-09-01', approvedBy: '局长' } }));
    const refused = take(s, 1, {
      action: 'record-investigation',
      facts: { investigatedOn: '2026-09-02', certificatesShown: false, records: '笔录两份' },
    });
    expect(refusedBy(refused)).toEqual(['certificates-shown']);
  });

  it('certificates-shown: item 4 quotes its own clause 2 (不出示法定行政执法证件)', () => {
    let s = open(4, { plannedOn: '2026-09-10', content: '保密工作责任制落实情况' });
    s = ok(
      take(s, 4, {
        action: 'send-notice',
        facts: { noticeAt: '2026-09-08T02:00:00Z', method: '书面通知', inspectionOn: '2026-09-10', inspectors: '张三、李四' },
        at: '2026-09-08T02:00:00Z',
      }),
    );
    const refused = take(s, 4, {
      action: 'inspect-no-issues',
      facts: { inspectedOn: '2026-09-10', certificatesShown: false, items: ['保密制度建设'], opinion: '未发现问题' },
      at: '2026-09-10T02:00:00Z',
    });
    expect(!refused.ok && refused.kind === 'rule-violated' && refused.refusals[0]?.clause?.no).toBe(2);
  });

  it('recusal: refuses while an assigned officer declared a conflict with the party', () => {
    const conflicted = { ...OFFICER_B, conflictPartyIds: [PARTY.creditCode] };
    const refused = take(open(1, PENALTY_OPENING), 1, {
      action: 'file',
      facts: { filedOn: '2026-09-01', approvedBy: '局长' },
      officers: [OFFICER_A, conflicted],
    });
    expect(refusedBy(refused)).toEqual(['recusal']);
    if (!refused.ok && refused.kind === 'rule-violated') {
      // item 1 names no 回避 clause: the rule falls back to 违反法定程序 (clause 2)
      expect(refused.refusals[0]?.clause).toMatchObject({ no: 2, isFallback: true });
    }
  });

  it('decision-after-notice: no decision inside the 5-working-day window, yes after it or when waived', () => {
    const s = penaltyAtNotice('2026-09-25T02:00:00Z');
    // 5 working days after Fri 09-25 cross National Day: 09-28, 09-29, 09-30, (10-01…10-07 holiday), 10-08, 10-09
    expect(s.deadlines.find((d) => d.id === 'statement-window')?.due).toBe('2026-10-09');
    const early = take(s, 1, { action: 'proceed-to-decision', facts: { partyWaived: false }, at: '2026-10-09T02:00:00Z' });
    expect(refusedBy(early)).toEqual(['decision-after-notice']);
    expect(take(s, 1, { action: 'proceed-to-decision', facts: { partyWaived: false }, at: '2026-10-10T02:00:00Z' }).ok).toBe(true);
    expect(take(s, 1, { action: 'proceed-to-decision', facts: { partyWaived: true }, at: '2026-09-26T02:00:00Z' }).ok).toBe(true);
  });

  it('independent-review: an investigator may not review', () => {
    let s = ok(take(open(1, PENALTY_OPENING), 1, { action: 'file', facts: { filedOn: '2026-09-01', approvedBy: '局长' } }));
    s = ok(
      take(s, 1, { action: 'record-investigation', facts: { investigatedOn: '2026-09-02', certificatesShown: true, records: '笔录两份' } }),
    );
    s = ok(
      take(s, 1, {
        action: 'register-carriers',
        facts: {
          carriers: [{ title: '文件', level: '秘密', quantity: 2, source: '某处', spread: '无', measure: '封存' }],
          inventoryIssuedOn: '2026-09-02',
        },
      }),
    );
    const facts = { reviewedOn: '2026-09-03', proposal: '拟给予行政处罚', opinion: '事实清楚' };
    const byInvestigator = take(s, 1, {
      action: 'review',
      roles: ['legal-reviewer', 'officer'],
      userId: 'user-b',
      investigators: ['user-b'],
      facts,
    });
    expect(refusedBy(byInvestigator)).toEqual(['independent-review']);
    expect(take(s, 1, { action: 'review', roles: ['legal-reviewer'], userId: 'user-r', investigators: ['user-b'], facts }).ok).toBe(true);
  });

  it('decision-basis: a decision must cite one of the item 实施依据', () => {
    const s = ok(
      take(penaltyAtNotice('2026-09-04T02:00:00Z'), 1, {
        action: 'proceed-to-decision',
        facts: { partyWaived: true },
        at: '2026-09-05T02:00:00Z',
      }),
    );
    const facts = { decidedOn: '2026-09-07', outcome: '给予行政处罚', penalty: '收缴', reasons: '事实清楚，证据确凿' };
    const refused = take(s, 1, {
      action: 'decide',
      roles: ['head'],
      userId: 'user-h',
      facts: { ...facts, basisIndex: 9 },
      at: '2026-09-07T02:00:00Z',
    });
    expect(refusedBy(refused)).toEqual(['decision-basis']);
    if (!refused.ok && refused.kind === 'rule-violated') expect(refused.refusals[0]?.clause?.no).toBe(1); // 无法定依据或者超越法定权限
    const decided = ok(
      take(s, 1, { action: 'decide', roles: ['head'], userId: 'user-h', facts: { ...facts, basisIndex: 0 }, at: '2026-09-07T02:00:00Z' }),
    );
    expect(decided.deadlines.find((d) => d.id === 'decision')?.state).toBe('met');
  });

  it('coercion-night-holiday: refused at night until an urgency reason is recorded, which leaves a finding', () => {
    let s = open(3, { foundOn: '2026-09-01', unit: '某研究所' });
    s = ok(
      take(s, 3, {
        action: 'record-hazard',
        facts: { hazardType: '设备', description: '涉密计算机连接互联网', inspectedOn: '2026-09-01', certificatesShown: true },
      }),
    );
    s = ok(
      take(s, 3, {
        action: 'notify-unit',
        facts: {
          servedAt: '2026-09-02T02:00:00Z',
          method: '直接送达',
          measure: '责令停止使用',
          reasons: '存在泄密隐患',
          basisIndex: 0,
          rightsStated: true,
        },
      }),
    );
    const facts = { executedAt: '2026-09-02T15:00:00Z', measure: '责令停止使用', basisIndex: 0, certificatesShown: true };
    const night = take(s, 3, { action: 'apply-measure', facts, at: '2026-09-02T15:00:00Z' }); // 23:00 in Shanghai
    expect(refusedBy(night)).toEqual(['coercion-night-holiday']);
    if (!night.ok && night.kind === 'rule-violated') {
      expect(night.refusals[0]).toMatchObject({ overridable: true, gap: false, clause: { no: 2, isFallback: true } });
    }
    const overridden = ok(
      take(s, 3, {
        action: 'apply-measure',
        facts,
        at: '2026-09-02T15:00:00Z',
        override: { reason: '设备正在外传涉密数据，情况紧急', rules: ['coercion-night-holiday'] },
      }),
    );
    expect(overridden.findings.map((f) => [f.rule, f.overrideReason])).toEqual([
      ['coercion-night-holiday', '设备正在外传涉密数据，情况紧急'],
    ]);
    expect(
      take(s, 3, { action: 'apply-measure', facts: { ...facts, executedAt: '2026-09-03T02:00:00Z' }, at: '2026-09-03T02:00:00Z' }).ok,
    ).toBe(true);
    const holiday = take(s, 3, { action: 'apply-measure', facts, at: '2026-10-02T02:00:00Z' });
    expect(refusedBy(holiday)).toEqual(['coercion-night-holiday']);
    if (!holiday.ok && holiday.kind === 'rule-violated') expect(holiday.refusals[0]?.message).toContain('国庆节');
  });

  it('refusal-reasons: a 不予立案 needs reasons of substance', () => {
    const s = open(1, PENALTY_OPENING);
    expect(refusedBy(take(s, 1, { action: 'not-file', facts: { reasons: '不立案了', basisIndex: 0 } }))).toEqual(['refusal-reasons']);
    const closed = ok(take(s, 1, { action: 'not-file', facts: { reasons: '经核查，当事人持有的文件不属于国家秘密载体', basisIndex: 0 } }));
    expect([closed.status, closed.outcome]).toEqual(['closed', '不予立案']);
  });

  it('second-correction-request: the second 补正 of one application is a finding (quoting item 7 clause 1)', () => {
    let s = open(7, { receivedAt: '2026-09-01T02:00:00Z', systemName: '某单位涉密办公网' });
    const request = { noticeAt: '2026-09-02T02:00:00Z', missing: ['测评报告'] };
    s = ok(take(s, 7, { action: 'request-correction', facts: request, at: '2026-09-02T02:00:00Z' }));
    expect(s.findings).toEqual([]);
    s = ok(
      take(s, 7, { action: 'request-correction', facts: { ...request, noticeAt: '2026-09-03T02:00:00Z' }, at: '2026-09-03T02:00:00Z' }),
    );
    expect(s.findings.map((f) => [f.rule, f.clause?.no])).toEqual([['second-correction-request', 1]]);
  });

  it('inspection-advance-notice: written notice 1–2 working days ahead, same-day oral notice with a reason', () => {
    const s = open(4, { plannedOn: '2026-09-10', content: '保密工作检查' });
    const written = (noticeAt: string, inspectionOn: string) =>
      take(s, 4, { action: 'send-notice', facts: { noticeAt, method: '书面通知', inspectionOn, inspectors: '张三、李四' }, at: noticeAt });
    expect(written('2026-09-08T02:00:00Z', '2026-09-10').ok).toBe(true);
    expect(refusedBy(written('2026-09-10T01:00:00Z', '2026-09-10'))).toEqual(['inspection-advance-notice']);
    // Tuesday 09-29 → Friday 10-09: only 09-30 and 10-08 and 10-09 are working days in between → 3 > 2
    expect(refusedBy(written('2026-09-29T02:00:00Z', '2026-10-09'))).toEqual(['inspection-advance-notice']);
    const oral = (oralReason?: string) =>
      take(s, 4, {
        action: 'send-notice',
        facts: {
          noticeAt: '2026-09-10T01:00:00Z',
          method: '当日口头通知',
          inspectionOn: '2026-09-10',
          inspectors: '张三',
          ...(oralReason ? { oralReason } : {}),
        },
        at: '2026-09-10T01:00:00Z',
      });
    expect(refusedBy(oral())).toEqual(['inspection-advance-notice']);
    expect(oral('接群众举报，需突击检查防止转移').ok).toBe(true);
  });

  it('hearing-notice-period: the hearing notice at least 7 working days before', () => {
    const s = ok(
      take(penaltyAtNotice('2026-09-04T02:00:00Z'), 1, {
        action: 'request-hearing',
        facts: { requestedOn: '2026-09-07' },
        at: '2026-09-07T02:00:00Z',
      }),
    );
    const hold = (noticeServedOn: string) =>
      take(s, 1, {
        action: 'hold-hearing',
        facts: { noticeServedOn, heldOn: '2026-09-18', host: '赵六', record: '当事人陈述申辩' },
        at: '2026-09-18T02:00:00Z',
      });
    expect(refusedBy(hold('2026-09-14'))).toEqual(['hearing-notice-period']);
    expect(hold('2026-09-08').ok).toBe(true);
  });

  it('deadline-missed: meeting a deadline after its due date leaves a red finding', () => {
    let s = open(2, { foundOn: '2026-09-01', source: '网络巡查' });
    s = ok(
      take(s, 2, {
        action: 'register-finding',
        facts: { platform: '某论坛', operator: '某公司', locator: 'p/1', summary: '帖子含涉密文件截图', contentWithheld: true },
      }),
    );
    s = ok(
      take(s, 2, {
        action: 'notify-operator',
        facts: { servedAt: '2026-09-02T03:00:00Z', method: '电子送达', deleteBy: '2026-09-04', keepRecords: true },
        at: '2026-09-02T03:00:00Z',
      }),
    );
    const onTime = ok(
      take(s, 2, {
        action: 'confirm-deleted',
        facts: { verifiedAt: '2026-09-04T03:00:00Z', how: '已核实删除' },
        at: '2026-09-04T03:00:00Z',
      }),
    );
    expect(onTime.findings).toEqual([]);
    const late = ok(
      take(s, 2, {
        action: 'confirm-deleted',
        facts: { verifiedAt: '2026-09-07T03:00:00Z', how: '已核实删除' },
        at: '2026-09-07T03:00:00Z',
      }),
    );
    expect(late.findings.map((f) => [f.rule, f.severity])).toEqual([['deadline-missed', 'violation']]);
  });
});
