/**
 * Which list items a registry write affects: the items, in the current version of every
 * organisation's list, whose citations the write touches — so an administrator sees the effect of
 * recording a new edition before and after making it.
 */
import type { TCitationLocation, TLegalRegistry, TRegistryChange } from '../../contracts/legal-sources.js';
import type { TAffectedItem } from '../../contracts/legal-sources-api.js';
import type { TPowerItem } from '../../contracts/power-list.js';
import { affectedCitations, eachCitation } from '../../domain/legal-sources/registry.js';
import { findStaleCitations, staleCitationNotices } from '../../domain/legal-sources/stale-citations.js';
import type { Db } from '../../store/database.js';
import type { RegistryRevisionHeader } from '../../store/repositories/legal-registry.repository.js';
import { listCurrentVersionHeaders, loadVersionItems } from '../../store/repositories/power-lists.repository.js';
import { primeRegistryFindingCounts, type VersionKey } from './live-findings.js';

/** The current version of one organisation's list, with its items. */
export interface CurrentList {
  /** what identifies the stored version (for the finding-count cache) */
  version: VersionKey;
  organisation: { code: string; name: string };
  versionNo: number;
  items: TPowerItem[];
}

/** The current list of every organisation that has one. */
export async function loadCurrentLists(db: Db): Promise<CurrentList[]> {
  const headers = await listCurrentVersionHeaders(db);
  const lists: CurrentList[] = [];
  for (const header of headers) {
    lists.push({
      version: { id: header.id, source_sha256: header.source_sha256, imported_at: header.imported_at },
      organisation: { code: header.org_code, name: header.org_name },
      versionNo: header.version_no,
      items: await loadVersionItems(db, header.id),
    });
  }
  return lists;
}

function groupByItem(list: CurrentList, locations: readonly TCitationLocation[]): TAffectedItem[] {
  const byNo = new Map(list.items.map((item) => [item.no, item]));
  const grouped = new Map<number, TCitationLocation[]>();
  for (const location of locations) grouped.set(location.item, [...(grouped.get(location.item) ?? []), location]);
  return [...grouped].flatMap(([no, citations]) => {
    const item = byNo.get(no);
    if (item === undefined) return [];
    return [
      { organisation: list.organisation, versionNo: list.versionNo, item: { no, category: item.category, name: item.name }, citations },
    ];
  });
}

/**
 * The citations of a list for which replacing the registry changes what is said about them: a
 * notice appears, disappears, or says something else (another status, current edition or article).
 */
function changedNoticeLocations(
  list: CurrentList,
  before: TLegalRegistry | null,
  after: TLegalRegistry,
  asOf: string,
): TCitationLocation[] {
  const said = (registry: TLegalRegistry | null) => {
    const byLocation = new Map<string, string>();
    if (registry === null) return byLocation;
    for (const { item, field, entry, sameAs: _, ...body } of staleCitationNotices(list.items, registry, asOf)) {
      byLocation.set(`${item}|${field}|${entry}`, JSON.stringify(body));
    }
    return byLocation;
  };
  const was = said(before);
  const is = said(after);
  return eachCitation(list.items)
    .filter(({ item, field, entry }) => {
      const key = `${item.no}|${field}|${entry}`;
      return was.get(key) !== is.get(key);
    })
    .map(({ item, field, entry, citation }) => ({ item: item.no, field, entry, sameAs: citation.sameAs, articles: citation.articles }));
}

/** Both sets of locations, each once, in list order (item, field, entry). */
function unionInListOrder(list: CurrentList, a: readonly TCitationLocation[], b: readonly TCitationLocation[]): TCitationLocation[] {
  const keyOf = (location: TCitationLocation) => `${location.item}|${location.field}|${location.entry}`;
  const wanted = new Map([...a, ...b].map((location) => [keyOf(location), location]));
  return eachCitation(list.items).flatMap(({ item, field, entry }) => wanted.get(`${item.no}|${field}|${entry}`) ?? []);
}

/**
 * The items an administrator's change affects: the citations it touches directly (of the edition
 * it supersedes, sets or maps, judged against the registry before it), and every citation whose
 * notice it changes — a new edition in force also moves the "current article" of citations of
 * older editions of the same source.
 */
export function itemsAffectedByChange(
  lists: readonly CurrentList[],
  change: TRegistryChange,
  before: TLegalRegistry,
  after: TLegalRegistry,
  asOf: string,
): TAffectedItem[] {
  return lists.flatMap((list) =>
    groupByItem(
      list,
      unionInListOrder(list, affectedCitations(list.items, change, before), changedNoticeLocations(list, before, after, asOf)),
    ),
  );
}

/** The items for which replacing the whole registry (an import) changes what is said about a citation. */
export function itemsAffectedByReplacement(
  lists: readonly CurrentList[],
  before: TLegalRegistry | null,
  after: TLegalRegistry,
  asOf: string,
): TAffectedItem[] {
  return lists.flatMap((list) => groupByItem(list, changedNoticeLocations(list, before, after, asOf)));
}

/**
 * After a registry write, count the registry findings of every current list under the new
 * revision, so the first public reads after the change find the counts ready.
 */
export function primeCurrentLists(
  lists: readonly CurrentList[],
  revision: RegistryRevisionHeader,
  registry: TLegalRegistry,
  asOf: string,
): void {
  for (const list of lists) primeRegistryFindingCounts(list.version, revision, findStaleCitations(list.items, registry, asOf));
}
