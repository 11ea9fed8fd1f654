/**
 * Assembles everything a case's page shows: officers, events, links, citation notices, the list
 * version it runs under against the current one, and what the caller may do.
 */
import type { TCase } from '../../contracts/cases.js';
import type { TCitationNotice } from '../../contracts/legal-sources.js';
import type { TPowerItem } from '../../contracts/power-list.js';
import type { OrgTree } from '../../domain/access/organisations.js';
import type { CaseState } from '../../domain/cases/case.js';
import { findCasesByIds, listCaseEvents, listCaseLinks } from '../../store/repositories/cases.repository.js';
import { findItem, latestVersionNo } from '../../store/repositories/power-lists.repository.js';
import type { ServiceContext } from '../context.js';
import { citationNoticesOf, registryCheckFor } from '../legal-sources/live-findings.js';
import { caseRolesOn, mayOn } from './case-access.js';
import type { CaseCalendar } from './case-calendar.js';
import { type CaseOfficer, loadCaseOfficers } from './case-officers.js';
import { caseRowToState } from './case-rows.js';
import { presentCase } from './present-case.js';

// A stored list version never changes, so its items are kept once parsed (a few, the busy ones).
const itemCache = new Map<string, TPowerItem>();

/** The item of the list version a case runs under. @throws Error when the version lost it (cannot happen: versions are immutable) */
export async function loadCaseItem(ctx: ServiceContext, state: CaseState): Promise<TPowerItem> {
  const key = `${state.listVersionId}|${state.itemNo}`;
  const cached = itemCache.get(key);
  if (cached) return cached;
  const row = await findItem(ctx.db, state.listVersionId, state.itemNo);
  if (!row) throw new Error(`item ${state.itemNo} of list version ${state.listVersionId} is missing`);
  const item = JSON.parse(row.item_json) as TPowerItem;
  if (itemCache.size >= 128) itemCache.clear();
  itemCache.set(key, item);
  return item;
}

/** What a write already loaded, so the view after it does not read it again. */
export interface LoadedForView {
  officers?: Map<string, CaseOfficer>;
  item?: TPowerItem;
}

// The registry's notices on an item depend only on the item (fixed in its list version), the
// registry revision and the date: kept per that key, so a busy case does not recompute them.
const noticeCache = new Map<string, TCitationNotice[]>();

async function staleNoticesOf(ctx: ServiceContext, state: CaseState, item: TPowerItem): Promise<TCitationNotice[]> {
  const check = await registryCheckFor(ctx);
  const key = `${state.listVersionId}|${state.itemNo}|${check?.current.revision.id ?? '-'}|${check?.asOf ?? '-'}`;
  let notices = noticeCache.get(key);
  if (!notices) {
    notices = citationNoticesOf([item], check).filter((n) => n.kind === 'stale');
    if (noticeCache.size > 256) noticeCache.clear();
    noticeCache.set(key, notices);
  }
  return notices;
}

/** The case as its page shows it to the context's actor. */
export async function buildCaseView(
  ctx: ServiceContext,
  state: CaseState,
  tree: OrgTree,
  calendar: CaseCalendar,
  loaded: LoadedForView = {},
): Promise<TCase> {
  const [officers, events, linkRows, current, item] = await Promise.all([
    loaded.officers ?? loadCaseOfficers(ctx.db, state.orgId, state.officerIds),
    listCaseEvents(ctx.db, state.id),
    listCaseLinks(ctx.db, state.id),
    latestVersionNo(ctx.db, state.orgId),
    loaded.item ?? loadCaseItem(ctx, state),
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
  const notices = await staleNoticesOf(ctx, state, item);
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
    currentListVersionNo: current > 0 ? current : null,
    today: calendar.localDateOf(ctx.clock()),
    calendar,
    permissions: {
      assign: canWrite && (roles.includes('officer') || roles.includes('head')),
      link: canWrite,
      open: mayOn(ctx, 'cases.write', state.orgId, tree) && roles.includes('officer'),
      extendDeadlines: canWrite && roles.includes('head'),
      suspendDeadlines: canWrite && (roles.includes('officer') || roles.includes('head')),
    },
  });
}
