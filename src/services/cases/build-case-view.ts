/**
 * Assembles everything a case's page shows: officers, events, links, citation notices, the list
 * version it runs under against the current one, and what the caller may do.
 */
import type { TCase } from '../../contracts/cases.js';
import type { TPowerItem } from '../../contracts/power-list.js';
import type { OrgTree } from '../../domain/access/organisations.js';
import type { CaseState } from '../../domain/cases/case.js';
import { findCasesByIds, listCaseEvents, listCaseLinks } from '../../store/repositories/cases.repository.js';
import { findItem, findVersion } from '../../store/repositories/power-lists.repository.js';
import type { ServiceContext } from '../context.js';
import { citationNotices } from '../legal-sources/citation-notices.js';
import { caseRolesOn, mayOn } from './case-access.js';
import type { CaseCalendar } from './case-calendar.js';
import { loadOfficersOf } from './case-officers.js';
import { caseRowToState } from './case-rows.js';
import { presentCase } from './present-case.js';

/** The item of the list version a case runs under. @throws Error when the version lost it (cannot happen: versions are immutable) */
export async function loadCaseItem(ctx: ServiceContext, state: CaseState): Promise<TPowerItem> {
  const row = await findItem(ctx.db, state.listVersionId, state.itemNo);
  if (!row) throw new Error(`item ${state.itemNo} of list version ${state.listVersionId} is missing`);
  return JSON.parse(row.item_json) as TPowerItem;
}

/** The case as its page shows it to the context's actor. */
export async function buildCaseView(ctx: ServiceContext, state: CaseState, tree: OrgTree, calendar: CaseCalendar): Promise<TCase> {
  const [officers, events, linkRows, current, item] = await Promise.all([
    loadOfficersOf(ctx.db, [state.orgId]),
    listCaseEvents(ctx.db, state.id),
    listCaseLinks(ctx.db, state.id),
    findVersion(ctx.db, state.orgId),
    loadCaseItem(ctx, state),
  ]);
  const otherIds = linkRows.map((l) => (l.from_case_id === state.id ? l.to_case_id : l.from_case_id));
  const others = new Map((await findCasesByIds(ctx.db, otherIds)).map((row) => [row.id, caseRowToState(row)]));
  const links: TCase['links'] = linkRows.flatMap((l) => {
    const outgoing = l.from_case_id === state.id;
    const other = others.get(outgoing ? l.to_case_id : l.from_case_id);
    if (!other) return [];
    return [
      {
        caseId: other.id,
        number: other.number,
        itemNo: other.itemNo,
        itemName: other.itemName,
        direction: outgoing ? 'to' : 'from',
        status: other.status,
      },
    ];
  });
  const roles = caseRolesOn(ctx, state.orgId, tree);
  const canWrite = roles.length > 0 && state.status === 'open';
  const notices = (await citationNotices(ctx, [item])).filter((n) => n.kind === 'stale');
  return presentCase({
    state,
    tree,
    roles,
    officers: state.officerIds.flatMap((id) => {
      const officer = officers.get(id);
      return officer ? [officer] : [];
    }),
    events,
    links,
    citationNotices: notices,
    currentListVersionNo: current ? Number(current.version_no) : null,
    today: calendar.localDateOf(ctx.clock()),
    calendar,
    permissions: {
      assign: canWrite && (roles.includes('officer') || roles.includes('head')),
      link: canWrite,
      open: mayOn(ctx, 'cases.write', state.orgId, tree) && roles.includes('officer'),
    },
  });
}
