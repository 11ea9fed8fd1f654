/** Reading one case (its page); the read goes to the case access log. */
import type { TCase } from '../../contracts/cases.js';
import type { ServiceContext } from '../context.js';
import { buildCaseView } from './build-case-view.js';
import { loadCaseFor, recordCaseRead } from './case-access.js';
import { caseRowToState } from './case-rows.js';
import { loadCaseCalendar } from './load-case-calendar.js';

/** The case, when the actor may read it. @throws DomainError 'not-found' (also for a case out of reach) */
export async function getCase(ctx: ServiceContext, caseId: string): Promise<TCase> {
  const { row, tree } = await loadCaseFor(ctx, 'cases.read', caseId);
  const state = caseRowToState(row);
  await recordCaseRead(ctx, row.org_id, row.id, 'case.read', { number: row.case_no });
  return buildCaseView(ctx, state, tree, await loadCaseCalendar(ctx));
}
