/**
 * Opening a case (立案登记 / 收件): the first state and event, from the template the item binds to.
 */
import type { ProcedureTemplate, TemplateId } from '../procedure/types.js';
import type { DeadlineCalculator } from './advance-case.js';
import type { CaseEvent, CaseState, Party } from './case.js';

export interface OpenCaseInput {
  id: string;
  orgId: string;
  number: string;
  template: ProcedureTemplate;
  item: { no: number; name: string; category: string };
  listVersion: { id: string; no: number };
  parties: Party[];
  openingFacts: unknown;
  officerIds: string[];
  now: Date;
  actorName: string;
  deadlines: DeadlineCalculator;
}

export type OpenCaseResult =
  | { ok: true; state: CaseState; event: Extract<CaseEvent, { type: 'case.opened' }> }
  | { ok: false; issues: { path: (string | number)[]; message: string }[] };

/** The state of a newly opened case, or the opening facts' validation issues. */
export function openCaseState(input: OpenCaseInput): OpenCaseResult {
  const parsed = input.template.openingFacts.safeParse(input.openingFacts ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: ['facts', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        message: i.message,
      })),
    };
  }
  const nowIso = input.now.toISOString();
  const facts = parsed.data;
  const deadlines = (input.template.startsOnOpen ?? []).map((start) => {
    const from = start.fromFact ? facts[start.fromFact] : undefined;
    return input.deadlines.start({ start, from: typeof from === 'string' ? from : nowIso, due: null });
  });
  const state: CaseState = {
    id: input.id,
    orgId: input.orgId,
    number: input.number,
    templateId: input.template.id as TemplateId,
    itemNo: input.item.no,
    itemName: input.item.name,
    category: input.item.category,
    listVersionId: input.listVersion.id,
    listVersionNo: input.listVersion.no,
    status: 'open',
    outcome: null,
    step: input.template.initialStep,
    parties: input.parties,
    officerIds: input.officerIds,
    openingFacts: facts,
    facts: {},
    actionCounts: {},
    deadlines,
    findings: [],
    version: 1,
    openedAt: nowIso,
    openedBy: input.actorName,
    updatedAt: nowIso,
    closedAt: null,
    lastActionAt: null,
  };
  const event: Extract<CaseEvent, { type: 'case.opened' }> = {
    type: 'case.opened',
    templateId: state.templateId,
    itemNo: state.itemNo,
    listVersionNo: state.listVersionNo,
    number: state.number,
    parties: state.parties,
    openingFacts: facts,
    officerIds: state.officerIds,
  };
  return { ok: true, state, event };
}
