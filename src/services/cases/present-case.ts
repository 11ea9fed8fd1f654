/**
 * Presents the domain's case state on the wire (contracts/cases.ts): names instead of ids, the
 * template's steps with where the case is, deadlines with their yellow/red card, and the actions the
 * caller may take now (per-object permissions, each with its form's JSON Schema).
 */
import { z } from 'zod';
import type { TAvailableAction, TCase, TCaseDeadline, TCaseSummary } from '../../contracts/cases.js';
import type { TCitationNotice } from '../../contracts/legal-sources.js';
import { type EnforcementCertificate, isCertificateValidOn } from '../../domain/access/certificates.js';
import type { OrgTree } from '../../domain/access/organisations.js';
import type { RoleId } from '../../domain/access/roles.js';
import { mayTakeAction } from '../../domain/cases/advance-case.js';
import type { CaseDeadline, CaseState } from '../../domain/cases/case.js';
import { templateById } from '../../domain/procedure/templates.js';
import type { ActionDef, ProcedureTemplate, StepDef } from '../../domain/procedure/types.js';
import { SUPERVISION_RULES } from '../../domain/supervision/rules.js';
import type { CaseEventRow } from '../../store/repositories/cases.repository.js';
import type { CaseCalendar } from './case-calendar.js';

/** An officer as a case shows them. */
export interface OfficerView {
  id: string;
  userId: string;
  name: string;
  certificate: EnforcementCertificate | null;
}

const schemaCache = new Map<string, Record<string, unknown>>();

/** The JSON Schema of a zod schema (draft 2020-12), cached per template action. */
export function factsJsonSchema(key: string, schema: z.ZodType): Record<string, unknown> {
  let cached = schemaCache.get(key);
  if (!cached) {
    cached = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown>;
    schemaCache.set(key, cached);
  }
  return cached;
}

/** The rules an action triggers, for its form. */
export function rulesOfAction(step: StepDef, action: ActionDef) {
  return SUPERVISION_RULES.filter((r) => r.appliesTo(step, action)).map((r) => ({ id: r.id, title: r.title, severity: r.severity }));
}

/** An action as the caller's form needs it. */
export function presentAction(template: ProcedureTemplate, step: StepDef, action: ActionDef): TAvailableAction {
  return {
    id: action.id,
    label: action.label,
    help: action.help ?? null,
    factsSchema: factsJsonSchema(`${template.id}.${step.id}.${action.id}`, action.facts),
    rules: rulesOfAction(step, action),
    documents: (action.documents ?? []).map((d) => d.title),
    closesCase: action.to === 'closed',
  };
}

/** The deadline with its card: red when overdue or missed, yellow within 2 working days. */
export function presentDeadline(deadline: CaseDeadline, today: string, calendar: CaseCalendar): TCaseDeadline {
  let remaining: number | null = null;
  let card: TCaseDeadline['card'] = 'none';
  if (deadline.state === 'missed') card = 'red';
  if (deadline.state === 'running' && deadline.due !== null) {
    const due = deadline.due.slice(0, 10);
    remaining = calendar.remainingWorkingDays(today, due);
    if (today > due) card = 'red';
    else if (remaining !== null && remaining <= 2) card = 'yellow';
  }
  return {
    id: deadline.id,
    label: deadline.label,
    source: deadline.source,
    from: deadline.from,
    due: deadline.due,
    state: deadline.state,
    card,
    remainingWorkingDays: remaining,
    explanation: deadline.explanation,
    skipped: deadline.skipped,
    calendarComplete: deadline.calendarComplete,
    missingYears: deadline.missingYears,
  };
}

function stepRef(template: ProcedureTemplate, stepId: string | null) {
  if (stepId === null) return null;
  const step = template.steps.find((s) => s.id === stepId);
  return step ? { id: step.id, name: step.name, description: step.description } : null;
}

/** The actions the caller may take now on the case. */
export function availableActionsFor(state: CaseState, roles: readonly RoleId[]): TAvailableAction[] {
  if (state.status === 'closed' || state.step === null) return [];
  const template = templateById(state.templateId);
  const step = template.steps.find((s) => s.id === state.step);
  if (!step) return [];
  return step.actions.filter((a) => mayTakeAction(a, roles)).map((a) => presentAction(template, step, a));
}

/** The Chinese label of an event for the timeline. */
function eventLabel(row: CaseEventRow, payload: Record<string, unknown>): string {
  switch (row.type) {
    case 'case.opened':
      return `新建案件 ${String(payload.number ?? '')}`;
    case 'case.advanced':
      return String(payload.actionLabel ?? payload.action ?? '办理');
    case 'case.officers-assigned':
      return '指派承办执法人员';
    case 'case.linked':
      return `关联案件 ${String(payload.otherNumber ?? '')}`;
    case 'case.deadlines-recomputed':
      return '日历变更，重新计算期限';
    case 'case.deadline-adjusted': {
      const adjustment = payload.adjustment as { kind?: string } | undefined;
      return adjustment?.kind === 'extension' ? '经批准延长期限' : '中止期限计算';
    }
    default:
      return '其他办理记录';
  }
}

export interface PresentCaseInput {
  state: CaseState;
  tree: OrgTree;
  roles: readonly RoleId[];
  officers: readonly OfficerView[];
  events: readonly CaseEventRow[];
  links: TCase['links'];
  citationNotices: TCitationNotice[];
  currentListVersionNo: number | null;
  today: string;
  calendar: CaseCalendar;
  permissions: TCase['permissions'];
}

/** The whole case for its page. */
export function presentCase(input: PresentCaseInput): TCase {
  const { state } = input;
  const template = templateById(state.templateId);
  const org = input.tree.byId.get(state.orgId);
  const currentIndex = state.step === null ? template.steps.length : template.steps.findIndex((s) => s.id === state.step);
  const visited = new Set(input.events.map((e) => (JSON.parse(e.payload_json) as { stepFrom?: string }).stepFrom).filter(Boolean));
  return {
    id: state.id,
    number: state.number,
    organisation: { code: org?.code ?? '', name: org?.name ?? '' },
    item: { no: state.itemNo, name: state.itemName, category: state.category },
    template: { id: template.id, title: template.title },
    listVersion: {
      no: state.listVersionNo,
      currentNo: input.currentListVersionNo,
      isCurrent: input.currentListVersionNo === null || input.currentListVersionNo === state.listVersionNo,
    },
    status: state.status,
    outcome: state.outcome,
    step: stepRef(template, state.step),
    steps: template.steps.map((s, index) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      state: s.id === state.step ? 'current' : visited.has(s.id) ? 'done' : index < currentIndex ? 'skipped' : 'todo',
    })),
    parties: state.parties,
    officers: input.officers.map((o) => ({
      id: o.id,
      name: o.name,
      certificateNo: o.certificate?.number ?? null,
      certificateValidToday: o.certificate !== null && isCertificateValidOn(o.certificate, input.today),
    })),
    openingFacts: state.openingFacts,
    timeline: input.events.map((row) => {
      const payload = JSON.parse(row.payload_json) as Record<string, unknown>;
      const override = payload.override as { reason?: string } | null | undefined;
      return {
        seq: row.seq,
        type: row.type,
        label: eventLabel(row, payload),
        stepFrom: typeof payload.stepFrom === 'string' ? payload.stepFrom : null,
        stepTo: typeof payload.stepTo === 'string' ? payload.stepTo : null,
        at: row.at,
        recordedAt: row.recorded_at,
        actorName: row.actor_name,
        facts: (payload.facts ?? payload.openingFacts ?? {}) as Record<string, unknown>,
        overrideReason: override?.reason ?? null,
      };
    }),
    deadlines: state.deadlines.map((d) => presentDeadline(d, input.today, input.calendar)),
    findings: state.findings.map((f) => ({ ...f, stepName: stepRef(template, f.step)?.name ?? null })),
    links: input.links,
    citationNotices: input.citationNotices,
    availableActions: availableActionsFor(state, input.roles),
    permissions: input.permissions,
    version: state.version,
    openedAt: state.openedAt,
    openedBy: state.openedBy,
    updatedAt: state.updatedAt,
    closedAt: state.closedAt,
  };
}

/** A row of the case list. */
export function presentCaseSummary(
  state: CaseState,
  tree: OrgTree,
  roles: readonly RoleId[],
  officerNames: ReadonlyMap<string, string>,
  today: string,
  calendar: CaseCalendar,
): TCaseSummary {
  const template = templateById(state.templateId);
  const org = tree.byId.get(state.orgId);
  const running = state.deadlines
    .filter((d) => d.state === 'running' && d.due !== null)
    .sort((a, b) => (a.due as string).localeCompare(b.due as string));
  // the next thing to do: the first action of the step not yet taken (送达告知书 once served is done)
  const available = availableActionsFor(state, roles);
  const next = available.find((a) => (state.actionCounts[`${state.step}.${a.id}`] ?? 0) === 0) ?? available[0];
  return {
    id: state.id,
    number: state.number,
    organisation: { code: org?.code ?? '', name: org?.name ?? '' },
    item: { no: state.itemNo, name: state.itemName, category: state.category },
    status: state.status,
    outcome: state.outcome,
    step: stepRef(template, state.step),
    partyNames: state.parties.map((p) => p.name),
    officerNames: state.officerIds.map((id) => officerNames.get(id) ?? '（未知）'),
    nextDeadline: running[0] ? presentDeadline(running[0], today, calendar) : null,
    findingCount: state.findings.length,
    nextAction: next ? { id: next.id, label: next.label } : null,
    updatedAt: state.updatedAt,
    openedAt: state.openedAt,
  };
}
