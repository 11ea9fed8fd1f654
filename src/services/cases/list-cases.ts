/**
 * The case list (the workbench and the supervisor's overview): cases of every organisation the
 * actor reaches for cases.read, filtered, newest change first; the read goes to the access log.
 */
import type { TCaseListQuery, TCaseListResponse } from '../../contracts/cases.js';
import { ZCaseListQuery } from '../../contracts/cases.js';
import { listCases as listCaseRows } from '../../store/repositories/cases.repository.js';
import { reachableOrgIdsOf, requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode } from '../organisations/load-org-tree.js';
import { caseRolesOn, recordCaseRead } from './case-access.js';
import { loadOfficersOf } from './case-officers.js';
import { caseRowToState } from './case-rows.js';
import { loadCaseCalendar } from './load-case-calendar.js';
import { presentCaseSummary } from './present-case.js';

/** A page of cases. `officer=me` lists the caller's own cases. */
export async function listCases(ctx: ServiceContext, query: TCaseListQuery): Promise<TCaseListResponse> {
  const input = ZCaseListQuery.parse(query);
  const tree = await requireAllowed(ctx, 'cases.read', null);
  let orgIds = reachableOrgIdsOf(ctx.actor, 'cases.read', tree);
  if (input.org) {
    const org = requireOrgByCode(tree, input.org);
    await requireAllowed(ctx, 'cases.read', org.id, tree);
    orgIds = [org.id];
  }
  const calendar = await loadCaseCalendar(ctx);
  const today = calendar.localDateOf(ctx.clock());
  const officers = await loadOfficersOf(ctx.db, orgIds);
  let officerId = input.officer;
  if (officerId === 'me') {
    const actorId = ctx.actor.id;
    officerId = [...officers.values()].find((o) => o.userId === actorId)?.id ?? '__none__';
  }
  // overdue: due before today (red); soon: due within two working days (yellow or red)
  const dueOnOrBefore =
    input.due === 'overdue' ? calendar.addDays(today, -1) : input.due === 'soon' ? (calendar.addWorkingDays(today, 2) ?? today) : undefined;
  const { total, rows } = await listCaseRows(ctx.db, {
    orgIds,
    status: input.status === 'all' ? undefined : input.status,
    step: input.step,
    itemNo: input.itemNo,
    officerId,
    dueOnOrBefore,
    q: input.q,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const names = new Map([...officers.values()].map((o) => [o.id, o.name]));
  const actorOrg = ctx.actor.kind === 'user' ? ctx.actor.orgId : (orgIds[0] ?? null);
  if (actorOrg)
    await recordCaseRead(ctx, actorOrg, null, 'case.list', { count: rows.length, total, filters: { ...input, page: input.page } });
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    cases: rows.map((row) => {
      const state = caseRowToState(row);
      return presentCaseSummary(state, tree, caseRolesOn(ctx, state.orgId, tree), names, today, calendar);
    }),
  };
}
