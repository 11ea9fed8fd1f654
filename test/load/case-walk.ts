/**
 * The requests of one inspection case (bundled item 4, 保密监督检查) walked from opening to closing
 * over HTTP: the bodies of the opening and of its seven transitions. Dated from `today` only, with a
 * same-day oral notice (reason recorded), so no step depends on the working-day calendar of the
 * day the test happens to run — a written notice would need a working day 1–2 days ahead, which
 * a run before a long holiday would not find.
 */

import type { TOpenCaseRequest } from '../../src/contracts/cases.js';

export const INSPECTION_ITEM_NO = 4;

export interface CaseStep {
  action: string;
  facts: Record<string, unknown>;
}

/** YYYY-MM-DD plus `days` calendar days. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The body of POST /api/v1/cases for an inspection case. */
export function openInspectionBody(today: string, officerIds: string[]): TOpenCaseRequest {
  return { itemNo: INSPECTION_ITEM_NO, parties: [], officerIds, facts: { plannedOn: today, content: '负载测试检查' } };
}

/**
 * The seven transitions of a case that needs rectification twice: notice, inspection, re-inspection,
 * rectification not done, re-inspection, rectified, closed. `noticeAt` is an instant of `today`
 * (Shanghai) that has passed, e.g. the moment the steps are built.
 */
export function inspectionSteps(today: string, noticeAt: string): CaseStep[] {
  const certified = { certificatesShown: true };
  const rectifyBy = addDays(today, 30);
  return [
    {
      action: 'send-notice',
      facts: {
        noticeAt,
        method: '当日口头通知',
        oralReason: '受检单位临时调整工作安排',
        inspectionOn: today,
        inspectors: '执法员甲、执法员乙',
      },
    },
    {
      action: 'inspect',
      facts: {
        inspectedOn: today,
        ...certified,
        items: ['涉密人员管理'],
        findings: '制度不健全',
        opinion: '限期整改',
        rectificationRequired: true,
        rectifyBy,
        seriousHazard: true,
      },
    },
    { action: 'reinspect', facts: { reinspectedOn: today, ...certified, result: '已整改部分问题' } },
    { action: 'rectification-failed', facts: { checkedOn: today, result: '尚未完成', rectifyBy } },
    { action: 'reinspect', facts: { reinspectedOn: today, ...certified, result: '已全部完成整改' } },
    { action: 'confirm-rectified', facts: { confirmedOn: today, result: '整改完成' } },
    { action: 'close', facts: { summary: '检查工作结束', archivedOn: today } },
  ];
}
