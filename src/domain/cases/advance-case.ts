/**
 * The case engine: `advanceCase(state, action, facts, at) → next state + event + findings | refusals`.
 * Pure — the clock, ids, calendar and officers come in as values — so every rule and branch is
 * testable with plain data, and the service only loads, locks and stores.
 */
import type { TPowerItem } from '../../contracts/power-list.js';
import { type RoleId, roleLabel } from '../access/roles.js';
import type { ActionDef, DeadlineStart, ProcedureTemplate, RuleId, StepDef } from '../procedure/types.js';
import { findAction, stepOf } from '../procedure/types.js';
import { type ClauseRef, findClause } from '../supervision/clauses.js';
import { type OfficerOnCase, type RuleInput, SUPERVISION_RULES, type SupervisionCalendar } from '../supervision/rules.js';
import { type CaseDeadline, type CaseEvent, type CaseFinding, type CaseState, factsKey, type RuleOverride } from './case.js';

/** Computes a deadline the procedure starts (the service binds it to the working calendar). */
export interface DeadlineCalculator {
  /**
   * The deadline `start` counted from `from` (a date or an instant), or with the explicit `due` date;
   * suspensions stop the clock, an approved extension adds days of the rule's own kind.
   */
  start(request: {
    start: DeadlineStart;
    from: string;
    due: string | null;
    suspensions?: readonly { from: string; to: string; reason: string }[];
    extensionDays?: number;
  }): CaseDeadline;
}

/** A rule's refusal, quoting the list's own clause and basis. */
export interface Refusal {
  rule: RuleId;
  title: string;
  message: string;
  clause: ClauseRef | null;
  /** the list names no clause for this rule (a gap in the list) */
  gap: boolean;
  /** a person may go ahead with a recorded reason */
  overridable: boolean;
}

export interface AdvanceInput {
  template: ProcedureTemplate;
  state: CaseState;
  item: TPowerItem;
  actionId: string;
  facts: unknown;
  /** the effective time of the action (defaults to now in the service) */
  at: Date;
  now: Date;
  actor: { userId: string; name: string; roles: readonly RoleId[]; officerId: string | null };
  officers: readonly OfficerOnCase[];
  calendar: SupervisionCalendar;
  deadlines: DeadlineCalculator;
  /** the local date and hour (Asia/Shanghai) of an instant */
  localDateOf(instant: Date): string;
  localHourOf(instant: Date): number;
  nightWindow: { startHour: number; endHour: number };
  investigatorUserIds: readonly string[];
  override: RuleOverride | null;
  newId: () => string;
}

export type AdvanceResult =
  | { ok: true; state: CaseState; event: Extract<CaseEvent, { type: 'case.advanced' }>; findings: CaseFinding[] }
  | { ok: false; kind: 'invalid-transition'; message: string }
  | { ok: false; kind: 'forbidden'; message: string }
  | { ok: false; kind: 'validation'; message: string; issues: { path: (string | number)[]; message: string }[] }
  | { ok: false; kind: 'rule-violated'; message: string; refusals: Refusal[] };

/** How far back an officer may record something that happened earlier. */
export const MAX_BACKDATE_DAYS = 30;
/** Clock skew tolerated for `at` in the future. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** The actions the step allows, for messages and the UI. */
export function availableActions(template: ProcedureTemplate, state: CaseState): { step: StepDef; actions: readonly ActionDef[] } | null {
  if (state.status === 'closed' || state.step === null) return null;
  const step = stepOf(template, state.step);
  return { step, actions: step.actions };
}

/** Whether an account with these roles may take the action (per-object permissions for the UI). */
export function mayTakeAction(action: ActionDef, roles: readonly RoleId[]): boolean {
  return action.roles.some((role) => roles.includes(role));
}

function checkAt(input: AdvanceInput): { path: string[]; message: string } | null {
  const at = input.at.getTime();
  if (Number.isNaN(at)) return { path: ['at'], message: '时间格式不正确' };
  if (at > input.now.getTime() + FUTURE_TOLERANCE_MS) return { path: ['at'], message: '不能记录将来发生的事项' };
  if (at < input.now.getTime() - MAX_BACKDATE_DAYS * 86_400_000)
    return { path: ['at'], message: `补录事项最多追溯 ${MAX_BACKDATE_DAYS} 天` };
  if (input.state.lastActionAt !== null && at < Date.parse(input.state.lastActionAt))
    return { path: ['at'], message: '补录时间不能早于本案上一环节的办理时间' };
  return null;
}

/** Evaluates the supervision rules of the action: refusals block, findings are recorded. */
function supervise(input: AdvanceInput, step: StepDef, action: ActionDef, facts: Record<string, unknown>) {
  const atIso = input.at.toISOString();
  const ruleInput: RuleInput = {
    template: input.template,
    step,
    action,
    facts,
    state: input.state,
    item: input.item,
    officers: input.officers,
    actor: { userId: input.actor.userId, officerId: input.actor.officerId },
    atDate: input.localDateOf(input.at),
    atHour: input.localHourOf(input.at),
    at: atIso,
    atDateOf: (instant) => input.localDateOf(new Date(instant)),
    calendar: input.calendar,
    nightWindow: input.nightWindow,
    investigatorUserIds: input.investigatorUserIds,
  };
  const refusals: Refusal[] = [];
  const findings: CaseFinding[] = [];
  for (const rule of SUPERVISION_RULES) {
    if (!rule.appliesTo(step, action)) continue;
    const violation = rule.check(ruleInput);
    if (!violation) continue;
    const clause = findClause(input.item, rule.clauseKeywords);
    const overridden = rule.severity === 'overridable' && input.override !== null && input.override.rules.includes(rule.id);
    if (rule.severity === 'finding' || overridden) {
      findings.push({
        id: input.newId(),
        rule: rule.id,
        title: rule.title,
        severity: rule.id === 'deadline-missed' ? 'violation' : 'warning',
        message: violation.message,
        clause,
        gap: clause === null,
        step: step.id,
        action: action.id,
        at: atIso,
        overrideReason: overridden ? (input.override?.reason ?? null) : null,
        actorName: input.actor.name,
      });
    } else {
      refusals.push({
        rule: rule.id,
        title: rule.title,
        message: violation.message,
        clause,
        gap: clause === null,
        overridable: rule.severity === 'overridable',
      });
    }
  }
  return { refusals, findings };
}

function nextDeadlines(input: AdvanceInput, action: ActionDef, facts: Record<string, unknown>, atIso: string): CaseDeadline[] {
  const atDate = input.localDateOf(input.at);
  const stops = new Set(action.stops ?? []);
  const ends = action.to === 'closed';
  const deadlines = input.state.deadlines.map((d): CaseDeadline => {
    if (d.state !== 'running') return d;
    if (stops.has(d.id)) {
      const late = d.due !== null && atDate > d.due.slice(0, 10);
      return { ...d, state: late ? 'missed' : 'met', endedAt: atIso };
    }
    if (ends) return { ...d, state: 'stopped', endedAt: atIso };
    return d;
  });
  if (ends) return deadlines;
  for (const start of action.starts ?? []) {
    const fromFact = start.fromFact ? facts[start.fromFact] : undefined;
    const due = start.dueFact ? facts[start.dueFact] : undefined;
    if (start.dueFact && typeof due !== 'string') continue; // no explicit due date given: nothing to watch
    const from = typeof fromFact === 'string' ? fromFact : atIso;
    const started = input.deadlines.start({ start, from, due: typeof due === 'string' ? due : null });
    const index = deadlines.findIndex((d) => d.id === start.id);
    if (index >= 0) deadlines[index] = started;
    else deadlines.push(started);
  }
  return deadlines;
}

/**
 * Takes `actionId` on the case: checks the step allows it, the actor's role, the facts, the time,
 * and the supervision rules; returns the next state and the event to append, or why not.
 */
export function advanceCase(input: AdvanceInput): AdvanceResult {
  const current = availableActions(input.template, input.state);
  if (current === null) return { ok: false, kind: 'invalid-transition', message: '案件已结案，不能再办理。' };
  const { step } = current;
  const action = findAction(step, input.actionId);
  if (!action) {
    const labels = step.actions.map((a) => `“${a.label}”`).join('、');
    return { ok: false, kind: 'invalid-transition', message: `当前环节（${step.name}）不能进行该操作；可以进行：${labels}。` };
  }
  if (!mayTakeAction(action, input.actor.roles)) {
    return { ok: false, kind: 'forbidden', message: `“${action.label}”须由${action.roles.map(roleLabel).join('或')}办理。` };
  }
  const parsed = action.facts.safeParse(input.facts ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: ['facts', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      message: i.message,
    }));
    return { ok: false, kind: 'validation', message: '办理事项填写不完整或有误，详见 errors。', issues };
  }
  const atProblem = checkAt(input);
  if (atProblem) return { ok: false, kind: 'validation', message: atProblem.message, issues: [atProblem] };

  const facts = parsed.data;
  const { refusals, findings } = supervise(input, step, action, facts);
  if (refusals.length > 0) {
    const message = refusals.map((r) => r.message).join(' ');
    return { ok: false, kind: 'rule-violated', message, refusals };
  }

  const atIso = input.at.toISOString();
  const nowIso = input.now.toISOString();
  const key = factsKey(step.id, action.id);
  const closes = action.to === 'closed';
  const stepTo = closes ? null : action.to === 'same' ? step.id : action.to;
  const state: CaseState = {
    ...input.state,
    facts: { ...input.state.facts, [key]: facts },
    actionCounts: { ...input.state.actionCounts, [key]: (input.state.actionCounts[key] ?? 0) + 1 },
    deadlines: nextDeadlines(input, action, facts, atIso),
    findings: [...input.state.findings, ...findings],
    step: stepTo,
    status: closes ? 'closed' : 'open',
    // the first branch outcome (移交处理, 不予立案 …) stays; a plain 结案 only fills an empty one
    outcome: input.state.outcome ?? action.outcome ?? null,
    closedAt: closes ? nowIso : null,
    version: input.state.version + 1,
    updatedAt: nowIso,
    lastActionAt: input.state.lastActionAt === null || atIso > input.state.lastActionAt ? atIso : input.state.lastActionAt,
  };
  const event: Extract<CaseEvent, { type: 'case.advanced' }> = {
    type: 'case.advanced',
    action: action.id,
    actionLabel: action.label,
    stepFrom: step.id,
    stepTo,
    facts,
    at: atIso,
    override: input.override && findings.some((f) => f.overrideReason !== null) ? input.override : null,
    findingIds: findings.map((f) => f.id),
    outcome: action.outcome ?? null,
  };
  return { ok: true, state, event, findings };
}
