/**
 * A case (案件) as the domain sees it: the projection of its events. The store keeps the events
 * append-only and this state as the case row; services present it on the wire (contracts/cases.ts).
 */
import type { RuleId, TemplateId } from '../procedure/types.js';
import type { ClauseRef } from '../supervision/clauses.js';

/** The version of the JSON documents a case row and its events carry (schema_version). */
export const CASE_SCHEMA_VERSION = 1;

/** A party (当事人): a body with its 统一社会信用代码, or a person with a 居民身份证号. */
export type Party = { kind: 'organisation'; name: string; creditCode: string } | { kind: 'person'; name: string; idNumber: string };

/** The id officers declare conflicts against: the credit code or the ID number. */
export function partyIdOf(party: Party): string {
  return party.kind === 'organisation' ? party.creditCode : party.idNumber;
}

/** A deadline running (or finished) on a case, with how it was computed. */
export interface CaseDeadline {
  /** the id the template gives it: decision, statement-window, rectification … */
  id: string;
  ruleId: string;
  /** Chinese: 作出处罚决定期限 */
  label: string;
  /** the article it comes from */
  source: string;
  /** what it was counted from: a date (YYYY-MM-DD) or an instant */
  from: string;
  /** the last day (YYYY-MM-DD) — or instant for limits in hours; null when the calendar cannot tell */
  due: string | null;
  state: 'running' | 'met' | 'missed' | 'stopped';
  /** when it was met or stopped */
  endedAt: string | null;
  /** every day that counted / was skipped, and why */
  explanation: string;
  skipped: { date: string; reason: string }[];
  calendarComplete: boolean;
  missingYears: number[];
  suspensions: { from: string; to: string; reason: string }[];
  extensionDays: number;
}

/** A supervision finding recorded on a case (电子监察发现). */
export interface CaseFinding {
  id: string;
  rule: RuleId;
  /** Chinese title of the rule */
  title: string;
  severity: 'violation' | 'warning';
  message: string;
  /** the list's own clause and basis; null when the list names none (then `gap` is true) */
  clause: ClauseRef | null;
  gap: boolean;
  step: string | null;
  action: string | null;
  at: string;
  /** the reason a person gave to go ahead despite the rule */
  overrideReason: string | null;
  actorName: string;
}

/** Facts recorded by each action, latest first per action, keyed `step.action`. */
export type CaseFacts = Record<string, Record<string, unknown>>;

/** The state of a case. */
export interface CaseState {
  id: string;
  orgId: string;
  /** 柳保罚〔2026〕12号 */
  number: string;
  templateId: TemplateId;
  itemNo: number;
  itemName: string;
  category: string;
  /** the list version the case runs under (kept when a new list is imported) */
  listVersionId: string;
  listVersionNo: number;
  status: 'open' | 'closed';
  outcome: string | null;
  /** the current step, null once closed */
  step: string | null;
  parties: Party[];
  /** the assigned officers (officers table ids) */
  officerIds: string[];
  openingFacts: Record<string, unknown>;
  facts: CaseFacts;
  /** how many times each action was taken, keyed `step.action` (a second 补正 request is a finding) */
  actionCounts: Record<string, number>;
  deadlines: CaseDeadline[];
  findings: CaseFinding[];
  version: number;
  openedAt: string;
  openedBy: string;
  updatedAt: string;
  closedAt: string | null;
  /** effective time of the newest transition: a back-dated action may not go before it; null before the first */
  lastActionAt: string | null;
}

/** The key of an action's facts. */
export function factsKey(step: string, action: string): string {
  return `${step}.${action}`;
}

/** An override of overridable rules, with the reason a person recorded. */
export interface RuleOverride {
  reason: string;
  rules: RuleId[];
}

/** The events of a case (append-only), one union typed per event. */
export type CaseEvent =
  | {
      type: 'case.opened';
      templateId: TemplateId;
      itemNo: number;
      listVersionNo: number;
      number: string;
      parties: Party[];
      openingFacts: Record<string, unknown>;
      officerIds: string[];
    }
  | {
      type: 'case.advanced';
      action: string;
      actionLabel: string;
      stepFrom: string;
      stepTo: string | null;
      facts: Record<string, unknown>;
      /** the effective time (may be earlier than recording, bounded) */
      at: string;
      override: RuleOverride | null;
      findingIds: string[];
      outcome: string | null;
    }
  | { type: 'case.officers-assigned'; officerIds: string[]; previous: string[] }
  | { type: 'case.linked'; otherCaseId: string; otherNumber: string; relation: CaseLinkRelation }
  | { type: 'case.deadlines-recomputed'; reason: string; changes: { id: string; before: string | null; after: string | null }[] }
  | {
      type: 'case.deadline-adjusted';
      deadlineId: string;
      /** an approved extension (延长) in days of the rule's kind, or a suspension (中止) of the clock */
      adjustment:
        | { kind: 'extension'; days: number; reason: string; approvedBy: string }
        | { kind: 'suspension'; from: string; to: string; reason: string };
      before: string | null;
      after: string | null;
    };

/** How two cases relate: an inspection opened a hazard case, a hazard case a leak case … */
export type CaseLinkRelation = 'opened-from' | 'related';

/** The event type names, for the audit vocabulary. */
export type CaseEventType = CaseEvent['type'];
