/**
 * Cases through HTTP on every dialect: each of the seven items of the bundled list walked from start
 * to close, with at least one branch per item, supervision refusals quoting the list's clauses, the
 * access rules (another organisation gets 404, administrators nothing), stale versions, and gapless
 * numbers under concurrent creation.
 *
 * The server's clock stands still at 2026-10-20 10:00 (Asia/Shanghai); steps that happened earlier
 * are recorded with `at`, as an officer records a notice served days ago.
 */

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import type { TCase, TCaseListResponse, TProcedure, TRefusal } from '../src/contracts/cases.js';
import { importCalendarOverrides } from '../src/services/calendar/import-calendar-overrides.js';
import { importPowerList } from '../src/services/catalog/import-power-list.js';
import { lockCase } from '../src/store/repositories/cases.repository.js';
import { createAccount, ensureOrganisation, signIn, systemContext } from './helpers/access-fixtures.js';
import { act, api, type CaseTeam, createCaseTeam } from './helpers/case-fixtures.js';
import { dialectsUnderTest } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const NOW = new Date('2026-10-20T02:00:00Z');
const clock = () => NOW;
const COMPANY = { kind: 'organisation', name: '某科技有限公司', creditCode: '91110108MA01XY7K9D' } as const;
const PERSON = { kind: 'person', name: '王某', idNumber: '11010420120101006X' } as const;

interface Problem {
  code?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
  refusals?: TRefusal[];
}

describe.each(dialectsUnderTest())('cases over HTTP (%s)', (dialect) => {
  let server: TestServer;
  let team: CaseTeam;
  let officerA: CaseTeam['officers'][number];
  let officerB: CaseTeam['officers'][number];

  beforeAll(async () => {
    server = await startTestServer({ dialect, clock });
    team = await createCaseTeam(server, 'lz', clock);
    [officerA, officerB] = team.officers as [CaseTeam['officers'][number], CaseTeam['officers'][number]];
  });
  afterAll(() => server?.close());

  async function open(
    itemNo: number,
    facts: Record<string, unknown>,
    parties: unknown[] = [COMPANY],
    officerIds = [officerA.id, officerB.id],
  ): Promise<TCase> {
    const response = await api<TCase>(server, 'POST', '/api/v1/cases', officerA.session, { itemNo, parties, facts, officerIds });
    if (response.status !== 201) throw new Error(`open ${itemNo} → ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function refused(
    kase: TCase,
    action: string,
    facts: Record<string, unknown>,
    at: string,
    session = officerA.session,
  ): Promise<Problem> {
    const response = await api<Problem>(server, 'POST', `/api/v1/cases/${kase.id}/transitions`, session, {
      action,
      expectedVersion: kase.version,
      facts,
      at,
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('rule-violated');
    return response.body;
  }

  it('lists the procedures of all seven items with their coverage tables', async () => {
    const list = await api<{
      procedures: { item: { no: number }; template: { id: string } | null; coverage: { covered: number; total: number } | null }[];
    }>(server, 'GET', '/api/v1/procedures', officerA.session);
    expect(list.status).toBe(200);
    expect(list.body.procedures.map((p) => [p.item.no, p.template?.id])).toEqual([
      [1, 'penalty'],
      [2, 'network-leak-coercion'],
      [3, 'hazard-coercion'],
      [4, 'secrecy-inspection'],
      [5, 'leak-investigation'],
      [6, 'publication-confirmation'],
      [7, 'system-approval'],
    ]);
    const item1 = await api<TProcedure>(server, 'GET', '/api/v1/procedures/1', officerA.session);
    expect(item1.body.steps.map((s) => [s.name, s.dutyNos, s.standard])).toEqual([
      ['立案', [1], false],
      ['调查取证', [2], false],
      ['登记', [], true],
      ['审理', [3], false],
      ['告知', [], true],
      ['听证', [], true],
      ['决定', [], true],
      ['送达', [], true],
      ['执行', [], true],
      ['结案', [], true],
    ]);
    const certified = item1.body.coverage.clauses.find((c) => c.no === 3);
    expect(certified?.rules.map((r) => r.id)).toContain('two-certified-officers');
    expect(item1.body.coverage.gaps.map((g) => g.id)).toEqual([]);
    expect(item1.body.legalBases.map((b) => b.label)).toEqual([
      '《中华人民共和国保守国家秘密法》第四十五条',
      '《中华人民共和国保守国家秘密法实施条例》第三十六条',
    ]);
    const schema = item1.body.steps[2]?.actions[0]?.factsSchema as {
      properties: { carriers: { items: { properties: Record<string, { title?: string }> } } };
    };
    expect(schema.properties.carriers.items.properties.level?.title).toBe('密级');
  });

  it('item 1 行政处罚: filed, refused with one certified officer, reviewed, noticed, decided after the window, served, executed, closed', async () => {
    let kase = await open(
      1,
      { source: '监督检查发现', summary: '某公司员工私自留存涉密文件', discoveredOn: '2026-09-20' },
      [COMPANY],
      [officerA.id],
    );
    expect(kase.number).toMatch(/^柳保罚〔2026〕\d+号$/);
    expect(kase.step?.name).toBe('立案');
    expect(kase.availableActions.map((a) => a.id)).toEqual(['file', 'not-file']);
    kase = await act(server, officerA.session, kase, 'file', { filedOn: '2026-09-21', approvedBy: '局长' }, { at: '2026-09-21T02:00:00Z' });
    expect(kase.deadlines.find((d) => d.id === 'decision')?.due).toBe('2026-12-21'); // 12-20 is a Sunday: rolled forward

    const investigation = { investigatedOn: '2026-09-22', certificatesShown: true, records: '询问笔录两份、检查笔录一份' };
    const problem = await refused(kase, 'record-investigation', investigation, '2026-09-22T02:00:00Z');
    expect(problem.refusals?.map((r) => [r.rule, r.clause?.no, r.clause?.text, r.clause?.basis])).toEqual([
      ['two-certified-officers', 3, '不具备行政执法资格实施行政强制的；', '《中华人民共和国行政强制法》第六十一条'],
    ]);
    const assigned = await api<TCase>(server, 'POST', `/api/v1/cases/${kase.id}/assignments`, officerA.session, {
      expectedVersion: kase.version,
      officerIds: [officerA.id, officerB.id],
    });
    expect(assigned.status).toBe(200);
    kase = assigned.body;
    kase = await act(server, officerA.session, kase, 'record-investigation', investigation, { at: '2026-09-22T02:00:00Z' });
    kase = await act(
      server,
      officerA.session,
      kase,
      'register-carriers',
      {
        carriers: [{ title: '某项目设计方案', level: '机密', quantity: 2, source: '原工作单位', spread: '未发现扩散', measure: '封存' }],
        inventoryIssuedOn: '2026-09-22',
      },
      { at: '2026-09-22T06:00:00Z' },
    );
    // an officer holds no reviewer role: the review is not among their actions
    expect(kase.availableActions.map((a) => a.id)).toEqual([]);
    kase = await act(
      server,
      team.reviewer,
      kase,
      'review',
      { reviewedOn: '2026-09-24', proposal: '拟给予行政处罚', opinion: '事实清楚，证据确凿，程序合法' },
      { at: '2026-09-24T02:00:00Z' },
    );
    kase = await act(
      server,
      officerA.session,
      kase,
      'notify-party',
      { servedAt: '2026-09-25T02:00:00Z', method: '直接送达', proposedPenalty: '收缴国家秘密载体，警告', rightsStated: true },
      { at: '2026-09-25T02:00:00Z' },
    );
    const window = kase.deadlines.find((d) => d.id === 'statement-window');
    expect(window?.due).toBe('2026-10-09'); // five working days across National Day
    expect(window?.explanation).toContain('国庆');
    const early = await refused(kase, 'proceed-to-decision', { partyWaived: false }, '2026-10-09T02:00:00Z');
    expect(early.refusals?.[0]?.rule).toBe('decision-after-notice');
    kase = await act(server, officerA.session, kase, 'proceed-to-decision', { partyWaived: false }, { at: '2026-10-12T02:00:00Z' });
    kase = await act(
      server,
      team.head,
      kase,
      'decide',
      {
        decidedOn: '2026-10-13',
        outcome: '给予行政处罚',
        penalty: '收缴国家秘密载体二件，警告',
        basisIndex: 0,
        reasons: '当事人非法持有国家秘密载体，事实清楚',
      },
      { at: '2026-10-13T02:00:00Z' },
    );
    expect(kase.deadlines.find((d) => d.id === 'decision')?.state).toBe('met');
    kase = await act(
      server,
      officerA.session,
      kase,
      'serve-decision',
      { servedAt: '2026-10-14T02:00:00Z', method: '直接送达' },
      { at: '2026-10-14T02:00:00Z' },
    );
    kase = await act(
      server,
      officerA.session,
      kase,
      'record-execution',
      { executedAt: '2026-10-15T02:00:00Z', how: '载体已收缴入库' },
      { at: '2026-10-15T02:00:00Z' },
    );
    kase = await act(
      server,
      officerA.session,
      kase,
      'close',
      { summary: '案件办结', archivedOn: '2026-10-16' },
      { at: '2026-10-16T02:00:00Z' },
    );
    expect([kase.status, kase.outcome, kase.step]).toEqual(['closed', '结案', null]);
    expect(kase.timeline.map((t) => t.label)).toContain('作出处罚决定');
    expect(kase.listVersion).toEqual({ no: 1, currentNo: 1, isCurrent: true });
  });

  it('item 1 branch: 不予立案 closes the case with its reasons', async () => {
    let kase = await open(1, { source: '举报', summary: '举报某人持有涉密文件', discoveredOn: '2026-10-19' });
    kase = await act(server, officerA.session, kase, 'not-file', { reasons: '经核查，所涉文件不属于国家秘密载体', basisIndex: 0 });
    expect([kase.status, kase.outcome]).toEqual(['closed', '不予立案']);
  });

  it('item 2 行政强制 (network leak): registered, notified, operator refused → transferred, closed', async () => {
    let kase = await open(2, { foundOn: '2026-10-12', source: '网络巡查' });
    expect(kase.number).toMatch(/^柳保强〔2026〕\d+号$/);
    kase = await act(
      server,
      officerA.session,
      kase,
      'register-finding',
      {
        platform: '某论坛',
        operator: '某网络科技有限公司',
        locator: 'https://forum.example.invalid/t/123',
        summary: '帖子附件疑含涉密文件',
        contentWithheld: true,
      },
      { at: '2026-10-12T02:00:00Z' },
    );
    kase = await act(
      server,
      officerB.session,
      kase,
      'notify-operator',
      { servedAt: '2026-10-12T03:00:00Z', method: '电子送达', deleteBy: '2026-10-13', keepRecords: true },
      { at: '2026-10-12T03:00:00Z' },
    );
    kase = await act(
      server,
      officerA.session,
      kase,
      'transfer',
      { transferredTo: '公安机关', transferredOn: '2026-10-15', reasons: '运营者拒不删除' },
      { at: '2026-10-15T02:00:00Z' },
    );
    // the deletion deadline (10-13) passed before the transfer: a red finding quoting 玩忽职守 or the procedure clause
    expect(kase.findings.map((f) => f.rule)).toEqual(['deadline-missed']);
    kase = await act(
      server,
      officerA.session,
      kase,
      'close',
      { summary: '已移交公安机关处理', archivedOn: '2026-10-16' },
      { at: '2026-10-16T02:00:00Z' },
    );
    expect([kase.status, kase.outcome]).toEqual(['closed', '移交处理']);
  });

  it('item 4 inspection opens an item 3 hazard case; coercion at night needs an urgency reason; rectification fails once', async () => {
    let inspection = await open(4, { plannedOn: '2026-09-24', content: '保密工作责任制和涉密设备管理' }, [
      { ...COMPANY, name: '某研究所', creditCode: '12440300000000019G' },
    ]);
    expect(inspection.number).toMatch(/^柳保检〔2026〕\d+号$/);
    inspection = await act(
      server,
      officerA.session,
      inspection,
      'send-notice',
      { noticeAt: '2026-09-22T02:00:00Z', method: '书面通知', inspectionOn: '2026-09-24', inspectors: '执法员甲、执法员乙' },
      { at: '2026-09-22T02:00:00Z' },
    );
    inspection = await act(
      server,
      officerA.session,
      inspection,
      'inspect',
      {
        inspectedOn: '2026-09-24',
        certificatesShown: true,
        items: ['信息系统和信息设备管理', '涉密人员管理'],
        findings: '一台涉密计算机连接互联网',
        opinion: '立即断网并整改',
        rectificationRequired: true,
        rectifyBy: '2026-10-30',
        seriousHazard: true,
      },
      { at: '2026-09-24T02:00:00Z' },
    );
    let hazard = await open(3, { foundOn: '2026-09-24', unit: '某研究所' }, [
      { ...COMPANY, name: '某研究所', creditCode: '12440300000000019G' },
    ]);
    const linked = await api<TCase>(server, 'POST', `/api/v1/cases/${hazard.id}/links`, officerA.session, {
      otherCaseId: inspection.id,
      expectedVersion: hazard.version,
    });
    expect(linked.status).toBe(200);
    hazard = linked.body;
    expect(hazard.links.map((l) => [l.number, l.direction])).toEqual([[inspection.number, 'to']]);
    const back = await api<TCase>(server, 'GET', `/api/v1/cases/${inspection.id}`, officerA.session);
    expect(back.body.links.map((l) => [l.number, l.direction])).toEqual([[hazard.number, 'from']]);

    hazard = await act(
      server,
      officerA.session,
      hazard,
      'record-hazard',
      { hazardType: '设备', description: '涉密计算机连接互联网', inspectedOn: '2026-09-24', certificatesShown: true },
      { at: '2026-09-24T03:00:00Z' },
    );
    hazard = await act(
      server,
      officerA.session,
      hazard,
      'notify-unit',
      {
        servedAt: '2026-09-24T04:00:00Z',
        method: '直接送达',
        measure: '责令停止使用',
        reasons: '存在泄密隐患',
        basisIndex: 0,
        rightsStated: true,
      },
      { at: '2026-09-24T04:00:00Z' },
    );
    const measure = {
      executedAt: '2026-09-24T15:00:00Z',
      measure: '责令停止使用',
      basisIndex: 0,
      certificatesShown: true,
      rectifyBy: '2026-10-16',
    };
    const night = await refused(hazard, 'apply-measure', measure, '2026-09-24T15:00:00Z');
    expect(night.refusals?.map((r) => [r.rule, r.overridable])).toEqual([['coercion-night-holiday', true]]);
    hazard = await act(server, officerA.session, hazard, 'apply-measure', measure, {
      at: '2026-09-24T15:00:00Z',
      override: { reason: '设备正在外传数据，情况紧急', rules: ['coercion-night-holiday'] },
    });
    expect(hazard.findings.map((f) => [f.rule, f.overrideReason])).toEqual([['coercion-night-holiday', '设备正在外传数据，情况紧急']]);
    hazard = await act(
      server,
      officerA.session,
      hazard,
      'rectification-failed',
      { verifiedOn: '2026-10-09', result: '仍未断网' },
      { at: '2026-10-09T02:00:00Z' },
    );
    expect(hazard.step?.name).toBe('执行');
    hazard = await act(
      server,
      officerA.session,
      hazard,
      'apply-measure',
      { ...measure, executedAt: '2026-10-09T03:00:00Z', rectifyBy: '2026-10-16' },
      { at: '2026-10-09T03:00:00Z' },
    );
    hazard = await act(
      server,
      officerA.session,
      hazard,
      'verify-rectified',
      { verifiedOn: '2026-10-15', result: '已断网整改' },
      { at: '2026-10-15T02:00:00Z' },
    );
    hazard = await act(
      server,
      officerA.session,
      hazard,
      'close',
      { summary: '隐患已消除', archivedOn: '2026-10-16' },
      { at: '2026-10-16T02:00:00Z' },
    );
    expect(hazard.status).toBe('closed');

    inspection = (await api<TCase>(server, 'GET', `/api/v1/cases/${inspection.id}`, officerA.session)).body;
    inspection = await act(
      server,
      officerA.session,
      inspection,
      'reinspect',
      { reinspectedOn: '2026-10-16', certificatesShown: true, result: '已整改部分问题' },
      { at: '2026-10-16T03:00:00Z' },
    );
    inspection = await act(
      server,
      officerA.session,
      inspection,
      'rectification-failed',
      { checkedOn: '2026-10-17', result: '制度未完善', rectifyBy: '2026-11-30' },
      { at: '2026-10-17T02:00:00Z' },
    );
    expect(inspection.step?.name).toBe('督促整改');
    inspection = await act(
      server,
      officerA.session,
      inspection,
      'reinspect',
      { reinspectedOn: '2026-10-19', certificatesShown: true, result: '已完善制度' },
      { at: '2026-10-19T02:00:00Z' },
    );
    inspection = await act(
      server,
      officerA.session,
      inspection,
      'confirm-rectified',
      { confirmedOn: '2026-10-19', result: '整改完成' },
      { at: '2026-10-19T03:00:00Z' },
    );
    inspection = await act(server, officerA.session, inspection, 'close', { summary: '检查工作结束', archivedOn: '2026-10-20' });
    expect(inspection.status).toBe('closed');
  });

  it('item 5 leak investigation: a violation leads to a recommendation and a written reply; no violation closes early', async () => {
    let kase = await open(5, { receivedAt: '2026-10-08T02:00:00Z', source: '机关单位报告', unit: '某局' }, [PERSON]);
    kase = await act(
      server,
      officerA.session,
      kase,
      'register-lead',
      { summary: '某局工作人员疑将涉密文件带出' },
      { at: '2026-10-08T03:00:00Z' },
    );
    kase = await act(
      server,
      officerA.session,
      kase,
      'investigate',
      {
        mode: '直接调查',
        concludedOn: '2026-10-12',
        certificatesShown: true,
        findings: '查实违规携带涉密文件外出',
        violationEstablished: true,
      },
      { at: '2026-10-12T02:00:00Z' },
    );
    kase = await act(
      server,
      officerA.session,
      kase,
      'send-recommendation',
      { sentAt: '2026-10-13T02:00:00Z', recommendation: '建议对责任人给予处分', basisIndex: 0, replyBy: '2026-11-13' },
      { at: '2026-10-13T02:00:00Z' },
    );
    kase = await act(
      server,
      officerA.session,
      kase,
      'record-unit-reply',
      { receivedOn: '2026-10-19', inWriting: true, handling: '给予警告处分' },
      { at: '2026-10-19T02:00:00Z' },
    );
    kase = await act(server, officerA.session, kase, 'close', { summary: '案件办结', archivedOn: '2026-10-20' });
    expect(kase.status).toBe('closed');

    let other = await open(5, { receivedAt: '2026-10-19T02:00:00Z', source: '群众举报', unit: '某公司' });
    other = await act(server, officerA.session, other, 'register-lead', { summary: '举报某公司泄密' });
    other = await act(server, officerA.session, other, 'no-violation', { concludedOn: '2026-10-20', reasons: '经调查未发现泄密事实' });
    other = await act(server, officerA.session, other, 'close', { summary: '经调查未查实', archivedOn: '2026-10-20' });
    expect([other.status, other.outcome]).toEqual(['closed', '未查实']);
  });

  it('item 6 confirmation: per-item decisions by the head, answered by document', async () => {
    let kase = await open(6, { receivedAt: '2026-10-14T02:00:00Z', requestNo: '柳政办函〔2026〕15号' }, [
      { kind: 'organisation', name: '某市人民政府办公室', creditCode: '914403000000004570' },
    ]);
    kase = await act(
      server,
      officerA.session,
      kase,
      'register-request',
      { informationItems: ['2026年重点项目清单', '应急预案全文'] },
      { at: '2026-10-14T03:00:00Z' },
    );
    const missingReasons = await api<Problem>(server, 'POST', `/api/v1/cases/${kase.id}/transitions`, team.head, {
      action: 'decide-items',
      expectedVersion: kase.version,
      facts: { decidedOn: '2026-10-16', decisions: [{ item: '应急预案全文', decision: '部分公开' }], basisIndex: 0 },
    });
    expect(missingReasons.status).toBe(400);
    expect(missingReasons.body.errors?.map((e) => e.path)).toEqual(['facts.decisions.0.reasons']);
    kase = await act(
      server,
      team.head,
      kase,
      'decide-items',
      {
        decidedOn: '2026-10-16',
        decisions: [
          { item: '2026年重点项目清单', decision: '可以公开', reasons: '不涉及国家秘密' },
          { item: '应急预案全文', decision: '部分公开', reasons: '附件三涉及秘密级事项' },
        ],
        basisIndex: 0,
      },
      { at: '2026-10-16T02:00:00Z' },
    );
    kase = await act(
      server,
      officerA.session,
      kase,
      'answer',
      { sentAt: '2026-10-19T02:00:00Z', documentNo: '柳保函〔2026〕8号' },
      { at: '2026-10-19T02:00:00Z' },
    );
    kase = await act(server, officerA.session, kase, 'close', { archivedOn: '2026-10-20' });
    expect(kase.status).toBe('closed');
  });

  it('item 7 approval: a second 补正 request is a finding; accepted, reviewed, approved, licence issued; a refusal needs reasons', async () => {
    let kase = await open(7, { receivedAt: '2026-10-09T02:00:00Z', systemName: '某单位涉密办公网' });
    expect(kase.deadlines.find((d) => d.id === 'completeness-notice')?.due).toBe('2026-10-15'); // the 调休 Saturday 10-10 counts
    kase = await act(
      server,
      officerA.session,
      kase,
      'request-correction',
      { noticeAt: '2026-10-12T02:00:00Z', missing: ['测评报告'] },
      { at: '2026-10-12T02:00:00Z' },
    );
    kase = await act(
      server,
      officerA.session,
      kase,
      'request-correction',
      { noticeAt: '2026-10-13T02:00:00Z', missing: ['初审意见'] },
      { at: '2026-10-13T02:00:00Z' },
    );
    expect(kase.findings.map((f) => [f.rule, f.clause?.no])).toEqual([['second-correction-request', 1]]);
    kase = await act(
      server,
      officerA.session,
      kase,
      'accept',
      { acceptedOn: '2026-10-14', checklistComplete: true },
      { at: '2026-10-14T02:00:00Z' },
    );
    kase = await act(
      server,
      officerB.session,
      kase,
      'pass-review',
      {
        evaluationInstitution: '某测评中心',
        evaluationReportNo: 'CP-2026-001',
        preliminaryOpinion: '符合要求',
        writtenReview: '材料齐全',
        onSiteReviewOn: '2026-10-15',
        certificatesShown: true,
      },
      { at: '2026-10-15T02:00:00Z' },
    );
    kase = await act(
      server,
      team.head,
      kase,
      'decide',
      { decidedOn: '2026-10-16', decidedBy: '自治区保密局审批组', outcome: '通过', basisIndex: 0, reasons: '审查合格' },
      { at: '2026-10-16T02:00:00Z' },
    );
    kase = await act(
      server,
      officerA.session,
      kase,
      'issue-licence',
      { servedAt: '2026-10-19T02:00:00Z', licenceNo: 'GX-XK-2026-01' },
      { at: '2026-10-19T02:00:00Z' },
    );
    kase = await act(server, officerA.session, kase, 'close', { archivedOn: '2026-10-20' });
    expect([kase.status, kase.outcome]).toEqual(['closed', '办结']);

    const other = await open(7, { receivedAt: '2026-10-19T02:00:00Z', systemName: '另一涉密系统' });
    const thin = await refused(other, 'refuse', { refusedOn: '2026-10-20', reasons: '材料不符合要求', basisIndex: 0 }, NOW.toISOString());
    expect(thin.refusals?.[0]).toMatchObject({ rule: 'refusal-reasons', clause: { no: 1, text: '对符合法定条件的不予受理、许可的；' } });
  });

  it('rejects parties with wrong check digits, naming the field', async () => {
    const bad = await api<Problem>(server, 'POST', '/api/v1/cases', officerA.session, {
      itemNo: 1,
      parties: [COMPANY, { kind: 'person', name: '李某', idNumber: '110103201602290150' }],
      facts: { source: '举报', summary: '测试当事人校验', discoveredOn: '2026-10-19' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toEqual(['body.parties.1.idNumber']);
  });

  it('answers a stale version with 409 and an action the step does not allow with 409 invalid-transition', async () => {
    const kase = await open(1, { source: '举报', summary: '并发测试', discoveredOn: '2026-10-19' });
    const first = await api(server, 'POST', `/api/v1/cases/${kase.id}/transitions`, officerA.session, {
      action: 'file',
      expectedVersion: kase.version,
      facts: { filedOn: '2026-10-20', approvedBy: '局长' },
    });
    expect(first.status).toBe(200);
    const second = await api<Problem>(server, 'POST', `/api/v1/cases/${kase.id}/transitions`, officerB.session, {
      action: 'file',
      expectedVersion: kase.version,
      facts: { filedOn: '2026-10-20', approvedBy: '局长' },
    });
    expect([second.status, second.body.code]).toEqual([409, 'stale-version']);
    const wrong = await api<Problem>(server, 'POST', `/api/v1/cases/${kase.id}/transitions`, officerA.session, {
      action: 'decide',
      expectedVersion: kase.version + 1,
      facts: {},
    });
    expect([wrong.status, wrong.body.code]).toEqual([409, 'invalid-transition']);
  });

  it('numbers concurrent creations without gaps', async () => {
    const facts = { plannedOn: '2026-10-30', content: '并发立案' };
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        api<TCase>(server, 'POST', '/api/v1/cases', officerA.session, { itemNo: 6 - 2, facts, parties: [] }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const seqs = results.map((r) => Number(/〔2026〕(\d+)号/.exec(r.body.number)?.[1])).sort((a, b) => a - b);
    const first = seqs[0] as number;
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => first + i));
  });

  it('keeps cases to their organisation: another bureau gets 404 (audited), administrators nothing, a supervisor reads only', async () => {
    const ctx = systemContext(server.db, { clock });
    await ensureOrganisation(ctx, 'bs', 'gx', '百色市国家保密局');
    const stranger = await signIn(ctx, await createAccount(ctx, { orgCode: 'bs', grants: [{ role: 'officer', orgCode: 'bs' }] }));
    const admin = await signIn(ctx, await createAccount(ctx, { orgCode: 'lz', grants: [{ role: 'system-admin', orgCode: 'lz' }] }));
    const kase = await open(6, { receivedAt: '2026-10-20T01:00:00Z', requestNo: '测试〔2026〕1号' });

    const foreign = await api<Problem>(server, 'GET', `/api/v1/cases/${kase.id}`, stranger);
    expect(foreign.status).toBe(404);
    const audited = await server.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'case.access-refused')
      .execute();
    expect(audited.map((a) => a.target_id)).toContain(kase.id);
    // a write from outside is checked inside its transaction: refused as not found, audited, nothing written
    const foreignWrite = await api<Problem>(server, 'POST', `/api/v1/cases/${kase.id}/transitions`, stranger, {
      action: 'accept',
      expectedVersion: kase.version,
      facts: {},
    });
    expect(foreignWrite.status).toBe(404);
    const refusedWrites = await server.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'case.access-refused')
      .where('target_id', '=', kase.id)
      .execute();
    expect(refusedWrites.map((r) => JSON.parse(r.details).policy)).toContain('cases.write');
    const events = await server.db.selectFrom('case_events').select('seq').where('case_id', '=', kase.id).execute();
    expect(events).toHaveLength(1);
    expect((await api(server, 'GET', `/api/v1/cases/${kase.id}`, admin)).status).toBe(403);
    expect((await api(server, 'GET', '/api/v1/cases', null)).status).toBe(401);

    const read = await api<TCase>(server, 'GET', `/api/v1/cases/${kase.id}`, team.supervisor);
    expect(read.status).toBe(200);
    expect(read.body.availableActions).toEqual([]);
    const write = await api<Problem>(server, 'POST', `/api/v1/cases/${kase.id}/transitions`, team.supervisor, {
      action: 'register-request',
      expectedVersion: read.body.version,
      facts: { informationItems: ['x'] },
    });
    expect(write.status).toBe(403);
    const list = await api<TCaseListResponse>(
      server,
      'GET',
      `/api/v1/cases?status=all&q=${encodeURIComponent(kase.number)}`,
      team.supervisor,
    );
    expect(list.body.cases.map((c) => c.id)).toEqual([kase.id]);
    // reads are kept in the access log, not on the audit chain
    const reads = await server.db.selectFrom('read_log').select(['action', 'target_id']).where('target_id', '=', kase.id).execute();
    expect(reads.map((r) => r.action)).toEqual(['case.read']);
  });

  it('keeps reads off the audit chain: 30 concurrent case-list reads add 30 read-log rows and no chain record; the auditor sees them', async () => {
    const chainBefore = await server.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const readsBefore = await server.db
      .selectFrom('read_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'case.list')
      .executeTakeFirstOrThrow();
    const responses = await Promise.all(Array.from({ length: 30 }, () => api(server, 'GET', '/api/v1/cases?status=all', officerB.session)));
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([200]));
    const chainAfter = await server.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const readsAfter = await server.db
      .selectFrom('read_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'case.list')
      .executeTakeFirstOrThrow();
    expect(Number(chainAfter.n)).toBe(Number(chainBefore.n));
    expect(Number(readsAfter.n) - Number(readsBefore.n)).toBe(30);

    const ctx = systemContext(server.db, { clock });
    const auditor = await signIn(ctx, await createAccount(ctx, { orgCode: 'lz', grants: [{ role: 'security-auditor', orgCode: 'lz' }] }));
    const reads = await api<{ total: number; reads: { action: string; actorId: string | null }[] }>(
      server,
      'GET',
      `/api/v1/audit/reads?org=lz&targetType=case&actor=${officerB.userId}&limit=500`,
      auditor,
    );
    expect(reads.status).toBe(200);
    expect(reads.body.reads.filter((r) => r.action === 'case.list').length).toBeGreaterThanOrEqual(30);
  });

  it('extends a deadline with a head’s approval and suspends one while waiting for the applicant, recounting and recording both', async () => {
    let kase = await open(7, { receivedAt: '2026-10-09T02:00:00Z', systemName: '期限调整测试系统' });
    expect(kase.deadlines.find((d) => d.id === 'completeness-notice')?.due).toBe('2026-10-15');
    const byOfficer = await api<Problem>(server, 'POST', `/api/v1/cases/${kase.id}/deadlines/completeness-notice`, officerA.session, {
      kind: 'extension',
      expectedVersion: kase.version,
      days: 3,
      reason: '材料较多',
    });
    expect(byOfficer.status).toBe(403);
    const suspended = await api<TCase>(server, 'POST', `/api/v1/cases/${kase.id}/deadlines/completeness-notice`, officerA.session, {
      kind: 'suspension',
      expectedVersion: kase.version,
      from: '2026-10-12',
      to: '2026-10-13',
      reason: '等待申请单位说明系统边界',
    });
    expect(suspended.status).toBe(200);
    kase = suspended.body;
    // two working days stood still: 10-15 → 10-19 (10-17, 10-18 are a weekend)
    const afterSuspension = kase.deadlines.find((d) => d.id === 'completeness-notice');
    expect(afterSuspension?.due).toBe('2026-10-19');
    expect(afterSuspension?.skipped.map((s) => s.date)).toEqual(expect.arrayContaining(['2026-10-12', '2026-10-13']));
    const extended = await api<TCase>(server, 'POST', `/api/v1/cases/${kase.id}/deadlines/completeness-notice`, team.head, {
      kind: 'extension',
      expectedVersion: kase.version,
      days: 2,
      reason: '经负责人批准延长',
    });
    expect(extended.status).toBe(200);
    expect(extended.body.deadlines.find((d) => d.id === 'completeness-notice')?.due).toBe('2026-10-21');
    expect(extended.body.timeline.map((t) => t.type).filter((t) => t === 'case.deadline-adjusted')).toHaveLength(2);
  });

  it('keeps a running case on the list version it was opened under when a new version is published, and says so', async () => {
    const kase = await open(6, { receivedAt: '2026-10-19T02:00:00Z', requestNo: '版本测试〔2026〕1号' });
    expect(kase.listVersion.isCurrent).toBe(true);
    const bundled = fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv'), 'utf8');
    const revised = bundled.replace('柳州市国家保密局权责清单', '柳州市国家保密局权责清单（2026年修订）');
    await importPowerList(systemContext(server.db, { clock }), {
      orgCode: 'lz',
      fileName: 'revised.tsv',
      bytes: new TextEncoder().encode(revised),
    });
    const after = (await api<TCase>(server, 'GET', `/api/v1/cases/${kase.id}`, officerA.session)).body;
    expect(after.listVersion).toEqual({ no: kase.listVersion.no, currentNo: kase.listVersion.no + 1, isCurrent: false });
    expect(after.availableActions.map((a) => a.id)).toEqual(['register-request']);
  });

  // last: it declares 2027 covered for this server's calendar
  it('says "calendar data missing" for a deadline reaching 2027, and recounts running deadlines when 2027 is imported', async () => {
    let kase = await open(1, { source: '举报', summary: '跨年期限测试', discoveredOn: '2026-10-19' });
    kase = await act(server, officerA.session, kase, 'file', { filedOn: '2026-10-20', approvedBy: '局长' });
    const before = kase.deadlines.find((d) => d.id === 'decision');
    expect(before).toMatchObject({ due: null, calendarComplete: false, missingYears: [2027] });
    expect(before?.explanation).toContain('2027');

    const lockedCalendar = () => server.db.transaction().execute(async (trx) => (await lockCase(trx, kase.id))?.calendar_revision_id);
    const newestImport = async () =>
      (await server.db.selectFrom('calendar_revisions').select('id').orderBy('revision_no', 'desc').limit(1).executeTakeFirst())?.id ??
      null;
    expect(await lockedCalendar()).toBe(await newestImport());
    const ctx = systemContext(server.db, { clock });
    const result = await importCalendarOverrides(ctx, {
      entries: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      coveredYears: [2027],
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
    });
    expect(result.followUps?.map((f) => f.message).join('')).toMatch(/重新计算了 \d+ 个案件的期限/);
    const after = (await api<TCase>(server, 'GET', `/api/v1/cases/${kase.id}`, officerA.session)).body;
    expect(after.deadlines.find((d) => d.id === 'decision')).toMatchObject({ due: '2027-01-18', calendarComplete: true });
    expect(after.timeline.at(-1)?.label).toBe('日历变更，重新计算期限');
    // every case write reads the newest import with the case row itself: none counts with an older calendar
    const imported = await newestImport();
    expect(imported).not.toBeNull();
    expect(await lockedCalendar()).toBe(imported);
  });
});
