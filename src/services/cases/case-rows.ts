/**
 * Mapping between the domain's case state and the case row: the state travels as JSON tagged with
 * its schema version, and the columns lists filter on (status, step, next due date, officers,
 * search text) are derived from it here, in one place.
 */
import { CASE_SCHEMA_VERSION, type CaseState, partyIdOf } from '../../domain/cases/case.js';
import type { CaseRow } from '../../store/repositories/cases.repository.js';

interface StoredState {
  schema_version: number;
  state: CaseState;
}

/** The case state a row holds. @throws Error for a schema version this release cannot read */
export function caseRowToState(row: CaseRow): CaseState {
  const stored = JSON.parse(row.state_json) as StoredState;
  if (stored.schema_version !== CASE_SCHEMA_VERSION) {
    throw new Error(`case ${row.id} has state schema version ${stored.schema_version}; this release reads ${CASE_SCHEMA_VERSION}`);
  }
  return stored.state;
}

function nextDue(state: CaseState): string | null {
  const dues = state.deadlines
    .filter((d) => d.state === 'running' && d.due !== null)
    .map((d) => (d.due as string).slice(0, 10))
    .sort();
  return dues[0] ?? null;
}

function searchText(state: CaseState): string {
  return [state.number, state.itemName, ...state.parties.map((p) => `${p.name} ${partyIdOf(p)}`)].join(' ').toLowerCase();
}

/** The columns of a row that change with the state. */
export function stateColumns(
  state: CaseState,
): Omit<
  CaseRow,
  | 'id'
  | 'org_id'
  | 'case_no'
  | 'number_kind'
  | 'number_year'
  | 'number_seq'
  | 'template_id'
  | 'item_no'
  | 'item_name'
  | 'list_version_id'
  | 'opened_at'
> {
  return {
    status: state.status,
    step: state.step,
    next_due: nextDue(state),
    search_text: searchText(state),
    officer_ids: JSON.stringify(state.officerIds),
    state_json: JSON.stringify({ schema_version: CASE_SCHEMA_VERSION, state } satisfies StoredState),
    schema_version: CASE_SCHEMA_VERSION,
    version: state.version,
    updated_at: state.updatedAt,
    closed_at: state.closedAt,
  };
}
