/**
 * What the audit log records of each case event, typed per event, and which policy action each one
 * exercises — one vocabulary: the event type is the audit action, its policy row is `cases.write`.
 */
import type { Action } from '../access/policies.js';
import type { CaseEvent, CaseEventType, CaseState } from './case.js';

/** The audit details of each case event (never the facts' free text: that stays in the case). */
export type CaseAuditDetails = {
  'case.opened': { number: string; itemNo: number; templateId: string; listVersionNo: number; partyCount: number };
  'case.advanced': {
    number: string;
    action: string;
    stepFrom: string;
    stepTo: string | null;
    at: string;
    backdated: boolean;
    overrideReason: string | null;
    findingRules: string[];
    version: number;
  };
  'case.officers-assigned': { number: string; officerIds: string[]; previous: string[]; version: number };
  'case.linked': { number: string; otherCaseId: string; otherNumber: string };
  'case.deadlines-recomputed': { number: string; changes: { id: string; before: string | null; after: string | null }[] };
  'case.deadline-adjusted': {
    number: string;
    deadlineId: string;
    kind: 'extension' | 'suspension';
    reason: string;
    before: string | null;
    after: string | null;
  };
};

/** The policy action every case event exercises. */
export const CASE_EVENT_POLICY: Record<CaseEventType, Action> = {
  'case.opened': 'cases.write',
  'case.advanced': 'cases.write',
  'case.officers-assigned': 'cases.write',
  'case.linked': 'cases.write',
  'case.deadlines-recomputed': 'cases.write',
  'case.deadline-adjusted': 'cases.write',
};

/** The audit details of an event on a case. */
export function auditDetailsOf<E extends CaseEvent>(event: E, state: CaseState, recordedAt: string): CaseAuditDetails[E['type']] {
  switch (event.type) {
    case 'case.opened':
      return {
        number: state.number,
        itemNo: event.itemNo,
        templateId: event.templateId,
        listVersionNo: event.listVersionNo,
        partyCount: event.parties.length,
      } as CaseAuditDetails[E['type']];
    case 'case.advanced':
      return {
        number: state.number,
        action: event.action,
        stepFrom: event.stepFrom,
        stepTo: event.stepTo,
        at: event.at,
        backdated: Date.parse(recordedAt) - Date.parse(event.at) > 60_000,
        overrideReason: event.override?.reason ?? null,
        findingRules: state.findings.filter((f) => event.findingIds.includes(f.id)).map((f) => f.rule),
        version: state.version,
      } as CaseAuditDetails[E['type']];
    case 'case.officers-assigned':
      return {
        number: state.number,
        officerIds: event.officerIds,
        previous: event.previous,
        version: state.version,
      } as CaseAuditDetails[E['type']];
    case 'case.linked':
      return { number: state.number, otherCaseId: event.otherCaseId, otherNumber: event.otherNumber } as CaseAuditDetails[E['type']];
    case 'case.deadlines-recomputed':
      return { number: state.number, changes: event.changes } as CaseAuditDetails[E['type']];
    case 'case.deadline-adjusted':
      return {
        number: state.number,
        deadlineId: event.deadlineId,
        kind: event.adjustment.kind,
        reason: event.adjustment.reason,
        before: event.before,
        after: event.after,
      } as CaseAuditDetails[E['type']];
  }
  throw new Error('unknown case event');
}
