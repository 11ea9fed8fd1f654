/**
 * Findings about citations, computed against the registry as it stands when a list is read: a new
 * edition recorded a minute ago flags the items citing the old one on the next request. Stored
 * versions keep only the list linter's findings; these are added at read time.
 *
 * Counting them for a whole version means reading all its items, so the per-item counts are kept
 * in a small in-process cache. Its key names the version and the registry revision, both of which
 * never change once written, so a cached count is never stale — a new revision simply misses.
 */
import type { TCitationNotice, TLegalRegistry } from '../../contracts/legal-sources.js';
import type { TFinding, TPowerItem } from '../../contracts/power-list.js';
import { findStaleCitations, staleCitationNotices } from '../../domain/legal-sources/stale-citations.js';
import type { Db } from '../../store/database.js';
import type { RegistryRevisionHeader } from '../../store/repositories/legal-registry.repository.js';
import { loadVersionItems } from '../../store/repositories/power-lists.repository.js';
import type { ServiceContext } from '../context.js';
import { type CurrentRegistry, loadCurrentRegistry } from './current-registry.js';
import { registryDate } from './registry-date.js';

/** The registry a read checks citations against, and the local date it checks them on. */
export interface RegistryCheck {
  current: CurrentRegistry;
  registry: TLegalRegistry;
  /** YYYY-MM-DD, Asia/Shanghai */
  asOf: string;
}

/** The current registry and today's date, or null before the registry is seeded. */
export async function registryCheckFor(ctx: ServiceContext): Promise<RegistryCheck | null> {
  const current = await loadCurrentRegistry(ctx.db);
  return current === null ? null : { current, registry: current.registry, asOf: registryDate(ctx) };
}

/** The registry's findings about the items' citations; none before the registry is seeded. */
export function registryFindingsOf(items: readonly TPowerItem[], check: RegistryCheck | null): TFinding[] {
  return check === null ? [] : findStaleCitations(items, check.registry, check.asOf);
}

/** The registry's notices about the items' citations (for the item page); none before the registry is seeded. */
export function citationNoticesOf(items: readonly TPowerItem[], check: RegistryCheck | null): TCitationNotice[] {
  return check === null ? [] : staleCitationNotices(items, check.registry, check.asOf);
}

/** How many registry findings a version has, in all and per item number. */
export interface RegistryFindingCounts {
  total: number;
  byItem: ReadonlyMap<number, number>;
}

const NO_COUNTS: RegistryFindingCounts = { total: 0, byItem: new Map() };

/** What identifies a stored version for the cache. */
export interface VersionKey {
  id: string;
  source_sha256: string;
  imported_at: string;
}

const CACHE_SIZE = 32;
const countCache = new Map<string, RegistryFindingCounts>();

function cacheKey(version: VersionKey, revision: RegistryRevisionHeader): string {
  // Ids alone would do in production (UUID v7); the other parts keep test databases with
  // hand-made ids from ever sharing an entry.
  return [version.id, version.source_sha256, version.imported_at, revision.id, revision.revision_no, revision.changed_at].join('|');
}

function remember(key: string, counts: RegistryFindingCounts): RegistryFindingCounts {
  countCache.delete(key);
  countCache.set(key, counts);
  while (countCache.size > CACHE_SIZE) {
    const oldest = countCache.keys().next().value;
    if (oldest === undefined) break;
    countCache.delete(oldest);
  }
  return counts;
}

/** Count registry findings per item. (The count does not depend on the date, only the wording does.) */
export function countRegistryFindings(findings: readonly TFinding[]): RegistryFindingCounts {
  const byItem = new Map<number, number>();
  for (const finding of findings) if (finding.item !== null) byItem.set(finding.item, (byItem.get(finding.item) ?? 0) + 1);
  return { total: findings.length, byItem };
}

/**
 * The registry findings of a version, counted: from the cache, else by reading the version's items.
 * Pass `findings` when they were just computed for the whole version, to fill the cache for free.
 */
export async function registryFindingCounts(
  db: Db,
  version: VersionKey,
  check: RegistryCheck | null,
  findings?: readonly TFinding[],
): Promise<RegistryFindingCounts> {
  if (check === null) return NO_COUNTS;
  const key = cacheKey(version, check.current.revision);
  if (findings !== undefined) return remember(key, countRegistryFindings(findings));
  const cached = countCache.get(key);
  if (cached !== undefined) return remember(key, cached);
  const items = await loadVersionItems(db, version.id);
  return remember(key, countRegistryFindings(registryFindingsOf(items, check)));
}

/**
 * Fill the cache for a version under a registry revision, from findings computed anyway (by an
 * import, or by a registry write that read every current list): the next public read after a
 * registry change then need not read the whole list again. Priming for a write that later rolls
 * back is harmless — its version or revision is never looked up.
 */
export function primeRegistryFindingCounts(version: VersionKey, revision: RegistryRevisionHeader, findings: readonly TFinding[]): void {
  remember(cacheKey(version, revision), countRegistryFindings(findings));
}

/** Fill the cache with counts made elsewhere (the import's worker counts them as it checks the list). */
export function primeRegistryCounts(version: VersionKey, revision: RegistryRevisionHeader, counts: RegistryFindingCounts): void {
  remember(cacheKey(version, revision), counts);
}
