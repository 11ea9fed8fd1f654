/**
 * Electronic supervision (电子监察): the list's accountability circumstances (追责情形) as checks run on
 * every transition (DOMAIN.md §4). Each rule names the clause it enforces by what the clause says.
 *
 * Severities:
 * - `blocking`: the law forbids it outright — the transition is refused (422), no override;
 * - `overridable`: a person may go ahead with a recorded reason — refused until they do, then a
 *   finding is left on the case;
 * - `finding`: never refuses, leaves a finding (a second 补正 request, a missed deadline).
 */
import type { TPowerItem } from '../../contracts/power-list.js';
import { type EnforcementCertificate, isCertificateValidOn } from '../access/certificates.js';
import type { CaseDeadline, CaseState, Party } from '../cases/case.js';
import { factsKey, partyIdOf } from '../cases/case.js';
import type { ActionDef, ProcedureTemplate, RuleId, StepDef } from '../procedure/types.js';

/** An assigned officer as the rules see them. */
export interface OfficerOnCase {
  id: string;
  userId: string;
  name: string;
  certificate: EnforcementCertificate | null;
  /** party ids (credit code / ID number) the officer declared a conflict with */
  conflictPartyIds: readonly string[];
}

/** What the rules need of the working calendar (the service adapts src/domain/calendar to it). */
export interface SupervisionCalendar {
  /** the kind of a day; 'unknown' for a year the calendar data does not cover */
  dayKind(date: string): { kind: 'workday' | 'weekend' | 'holiday' | 'adjusted-workday' | 'unknown'; name?: string };
  /** working days after `from` up to and including `to` (0 when the same day); null when a year is not covered */
  workingDaysBetween(from: string, to: string): number | null;
}

/** Everything a rule may look at when an action is taken. */
export interface RuleInput {
  template: ProcedureTemplate;
  step: StepDef;
  action: ActionDef;
  facts: Record<string, unknown>;
  state: CaseState;
  item: TPowerItem;
  officers: readonly OfficerOnCase[];
  /** the acting account and, when they are an officer, their officer id */
  actor: { userId: string; officerId: string | null };
  /** the action's effective local date and hour (Asia/Shanghai) */
  atDate: string;
  atHour: number;
  /** the action's effective instant (ISO) */
  at: string;
  /** the local date (Asia/Shanghai) of an instant written in the facts */
  atDateOf(instant: string): string;
  calendar: SupervisionCalendar;
  /** coercive execution is refused in this window unless urgent (default 22:00–06:00) */
  nightWindow: { startHour: number; endHour: number };
  /** the users who took investigation steps on this case (for the independent-review rule) */
  investigatorUserIds: readonly string[];
}

/** A rule firing: what is wrong, in Chinese. */
export interface Violation {
  message: string;
}

export interface SupervisionRule {
  id: RuleId;
  /** Chinese title: 执法人员不少于两人且持有效执法证 */
  title: string;
  /** Chinese explanation for the procedure page */
  explanation: string;
  severity: 'blocking' | 'overridable' | 'finding';
  /** words of the 追责情形 this rule enforces */
  clauseKeywords: readonly string[];
  /** whether the rule looks at this action at all */
  appliesTo(step: StepDef, action: ActionDef): boolean;
  check(input: RuleInput): Violation | null;
}

const SHOWN_FACT = 'certificatesShown';

function validOfficers(input: RuleInput): OfficerOnCase[] {
  return input.officers.filter((o) => o.certificate !== null && isCertificateValidOn(o.certificate, input.atDate));
}

function isNight(hour: number, window: { startHour: number; endHour: number }): boolean {
  return window.startHour > window.endHour
    ? hour >= window.startHour || hour < window.endHour
    : hour >= window.startHour && hour < window.endHour;
}

function partyIds(parties: readonly Party[]): string[] {
  return parties.map(partyIdOf);
}

function noticeFacts(state: CaseState): Record<string, unknown> | undefined {
  return state.facts[factsKey('notice', 'notify-party')];
}

function deadline(state: CaseState, id: string): CaseDeadline | undefined {
  return state.deadlines.find((d) => d.id === id);
}

/** Every supervision rule, in the order refusals are listed. */
export const SUPERVISION_RULES: readonly SupervisionRule[] = [
  {
    id: 'two-certified-officers',
    title: '执法人员不少于两人且持有效执法证',
    explanation:
      '调查取证、检查和行政强制等执法环节须由两名以上持有当日有效执法证的执法人员实施（行政处罚法第四十二条、行政强制法第十八条）。',
    severity: 'blocking',
    clauseKeywords: ['不具备行政执法资格', '执法资格', '少于两人', '两名以上'],
    appliesTo: (step, action) => step.needsTwoOfficers === true || action.isOnSite === true || action.isCoercive === true,
    check(input) {
      const valid = validOfficers(input);
      if (valid.length >= 2) return null;
      const invalid = input.officers.filter((o) => !valid.includes(o)).map((o) => o.name);
      const detail = invalid.length ? `；${invalid.join('、')}的执法证在 ${input.atDate} 无效或未登记` : '';
      return { message: `该环节须由至少两名持有效执法证的执法人员实施，目前仅有 ${valid.length} 名符合条件${detail}。` };
    },
  },
  {
    id: 'certificates-shown',
    title: '现场执法出示执法证件',
    explanation: '现场检查、调查和实施强制措施时，执法人员应当向当事人或者有关人员出示执法证件，并在记录中载明。',
    severity: 'blocking',
    clauseKeywords: ['不出示', '执法证件'],
    appliesTo: (_step, action) => action.isOnSite === true,
    check(input) {
      return input.facts[SHOWN_FACT] === true ? null : { message: '现场执法须向当事人出示执法证件，请确认已出示后再提交。' };
    },
  },
  {
    id: 'recusal',
    title: '与当事人有利害关系的应当回避',
    explanation: '已申报与当事人存在利害关系的执法人员不得参与办理该案件（行政处罚法第四十三条）。',
    severity: 'blocking',
    clauseKeywords: ['回避', '利害关系'],
    appliesTo: () => true,
    check(input) {
      const ids = partyIds(input.state.parties);
      const conflicted = input.officers.filter((o) => o.conflictPartyIds.some((p) => ids.includes(p)));
      if (conflicted.length === 0) return null;
      return { message: `${conflicted.map((o) => o.name).join('、')}已申报与本案当事人存在利害关系，应当回避，请先调整承办人员。` };
    },
  },
  {
    id: 'decision-after-notice',
    title: '先告知、后决定',
    explanation:
      '作出处罚决定前须告知当事人拟作出的决定和权利，并等陈述申辩及听证申请期限（5 个工作日）届满；当事人明确放弃或已听证的除外（行政处罚法第四十四条、第六十二条、第六十四条）。',
    severity: 'blocking',
    clauseKeywords: ['违反法定程序'],
    appliesTo: (_step, action) => action.rules?.includes('decision-after-notice') === true,
    check(input) {
      const notice = noticeFacts(input.state);
      if (!notice) return { message: '尚未向当事人送达事先告知书，不能作出决定。' };
      if (notice.rightsStated !== true) return { message: '事先告知未载明当事人陈述、申辩和要求听证的权利，不能作出决定。' };
      const heard = input.state.facts[factsKey('hearing', 'hold-hearing')] !== undefined;
      const waived = input.facts.partyWaived === true || input.state.facts[factsKey('notice', 'proceed-to-decision')]?.partyWaived === true;
      if (heard || waived) return null;
      const window = deadline(input.state, 'statement-window');
      if (!window || window.due === null) return { message: '无法确定陈述申辩期限（节假日数据缺失），请先补充日历数据。' };
      if (input.atDate > window.due) return null;
      return { message: `陈述、申辩和听证申请期限至 ${window.due} 届满，期限内不能作出决定（当事人明确放弃的除外）。` };
    },
  },
  {
    id: 'independent-review',
    title: '审理与调查分离',
    explanation: '审理、法制审核由调查人员以外的人员进行（行政处罚法第五十八条）。',
    severity: 'blocking',
    clauseKeywords: ['违反法定程序'],
    appliesTo: (_step, action) => action.isReview === true,
    check(input) {
      const isInvestigator =
        (input.actor.officerId !== null && input.state.officerIds.includes(input.actor.officerId)) ||
        input.investigatorUserIds.includes(input.actor.userId);
      return isInvestigator ? { message: '您是本案的调查人员，不能审理本案；审理须由调查人员以外的人员进行。' } : null;
    },
  },
  {
    id: 'decision-basis',
    title: '决定须有法定依据',
    explanation: '每一项决定都须引用本事项实施依据中的一项法律依据，不得无法定依据或者超越法定权限作出决定。',
    severity: 'blocking',
    clauseKeywords: ['无法定依据', '超越法定权限', '超越职权'],
    appliesTo: (_step, action) => action.isDecision === true || action.isRefusal === true,
    check(input) {
      const index = input.facts.basisIndex;
      if (input.item.legalBases.length === 0) return { message: '本事项的权责清单未列明实施依据，不能作出决定。' };
      if (typeof index !== 'number' || index < 0 || index >= input.item.legalBases.length) {
        return { message: '请从本事项的实施依据中选择作出决定的法律依据。' };
      }
      return null;
    },
  },
  {
    id: 'coercion-night-holiday',
    title: '不得在夜间或法定节假日实施行政强制执行',
    explanation: '在夜间（默认 22:00 至次日 6:00）或法定节假日实施行政强制，须记录情况紧急的理由（行政强制法第四十三条）。',
    severity: 'overridable',
    clauseKeywords: ['夜间', '法定节假日'],
    appliesTo: (_step, action) => action.isCoercive === true,
    check(input) {
      const day = input.calendar.dayKind(input.atDate);
      const night = isNight(input.atHour, input.nightWindow);
      if (day.kind === 'holiday')
        return { message: `${input.atDate}为法定节假日（${day.name ?? '节假日'}），实施行政强制须记录情况紧急的理由。` };
      if (night) return { message: `实施时间为夜间（${input.atHour} 时），实施行政强制须记录情况紧急的理由。` };
      if (day.kind === 'unknown')
        return { message: `${input.atDate.slice(0, 4)} 年的节假日数据缺失，无法确认是否为法定节假日，请补充日历数据或记录理由。` };
      return null;
    },
  },
  {
    id: 'refusal-reasons',
    title: '不予立案、不予受理须说明理由和依据',
    explanation: '对符合法定条件的不得不予受理；作出不予立案、不予受理等决定须写明理由并引用依据。',
    severity: 'blocking',
    clauseKeywords: ['不予受理', '不予立案'],
    appliesTo: (_step, action) => action.isRefusal === true,
    check(input) {
      const reasons = typeof input.facts.reasons === 'string' ? input.facts.reasons.trim() : '';
      if (reasons.length < 10) return { message: '不予立案、不予受理的理由至少写明 10 个字，说明事实和理由。' };
      return null;
    },
  },
  {
    id: 'second-correction-request',
    title: '补正材料应一次性告知',
    explanation: '申请材料不齐全的，应当一次性告知需要补正的全部内容；同一申请第二次要求补正记为监察发现。',
    severity: 'finding',
    clauseKeywords: ['不予受理', '怠于履行'],
    appliesTo: (_step, action) => action.rules?.includes('second-correction-request') === true,
    check(input) {
      const key = factsKey(input.step.id, input.action.id);
      const count = input.state.actionCounts[key] ?? 0;
      return count >= 1 ? { message: `同一申请第 ${count + 1} 次要求补正材料，未做到一次性告知。` } : null;
    },
  },
  {
    id: 'inspection-advance-notice',
    title: '检查前 1 至 2 个工作日书面通知',
    explanation: '保密检查应当提前 1 至 2 个工作日书面通知被检查单位；特殊情况下可当日口头通知，并记录理由。',
    severity: 'overridable',
    clauseKeywords: ['违反法定程序'],
    appliesTo: (_step, action) => action.rules?.includes('inspection-advance-notice') === true,
    check(input) {
      const noticeAt = typeof input.facts.noticeAt === 'string' ? input.atDateOf(input.facts.noticeAt) : null;
      const inspectionOn = typeof input.facts.inspectionOn === 'string' ? input.facts.inspectionOn : null;
      if (noticeAt === null || inspectionOn === null) return null;
      if (input.facts.method === '当日口头通知') {
        const reason = typeof input.facts.oralReason === 'string' ? input.facts.oralReason.trim() : '';
        return reason.length >= 4 ? null : { message: '当日口头通知须记录特殊情况的理由。' };
      }
      const days = input.calendar.workingDaysBetween(noticeAt, inspectionOn);
      if (days === null) return { message: '节假日数据缺失，无法计算通知提前的工作日数。' };
      if (days < 1) return { message: `书面通知（${noticeAt}）距检查日（${inspectionOn}）不足 1 个工作日。` };
      if (days > 2) return { message: `书面通知（${noticeAt}）距检查日（${inspectionOn}）${days} 个工作日，超过 1 至 2 个工作日的要求。` };
      return null;
    },
  },
  {
    id: 'hearing-notice-period',
    title: '听证七日前通知',
    explanation: '行政机关应当在举行听证的七日（工作日）前通知当事人听证的时间、地点（行政处罚法第六十四条、第八十五条）。',
    severity: 'blocking',
    clauseKeywords: ['违反法定程序'],
    appliesTo: (_step, action) => action.rules?.includes('hearing-notice-period') === true,
    check(input) {
      const served = input.facts.noticeServedOn;
      const held = input.facts.heldOn;
      if (typeof served !== 'string' || typeof held !== 'string') return null;
      const days = input.calendar.workingDaysBetween(served, held);
      if (days === null) return { message: '节假日数据缺失，无法计算听证通知提前的工作日数。' };
      return days >= 7 ? null : { message: `听证通知（${served}）距听证日（${held}）仅 ${days} 个工作日，应当至少提前 7 个工作日。` };
    },
  },
  {
    id: 'deadline-missed',
    title: '按期履行职责',
    explanation: '法定期限和承诺时限按工作日计算：到期前 2 个工作日亮黄牌，逾期亮红牌并记为监察发现。',
    severity: 'finding',
    clauseKeywords: ['拖延', '贻误', '推诿', '怠于履行', '玩忽职守'],
    appliesTo: (_step, action) => (action.stops?.length ?? 0) > 0,
    check(input) {
      const late = (input.action.stops ?? [])
        .map((id) => deadline(input.state, id))
        .filter((d): d is CaseDeadline => d !== undefined && d.state === 'running' && d.due !== null && input.atDate > d.due.slice(0, 10));
      if (late.length === 0) return null;
      return { message: late.map((d) => `${d.label}已于 ${d.due?.slice(0, 10)} 届满，逾期办理。`).join('') };
    },
  },
];

/** The rule with this id. */
export function ruleById(id: RuleId): SupervisionRule {
  const rule = SUPERVISION_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown supervision rule ${id}`);
  return rule;
}
