/**
 * Read side of the published list: the current version (what the public sees), earlier versions,
 * one item, and the substring search. Every function resolves the organisation first and answers
 * not-found in plain Chinese when there is nothing to show.
 *
 * Findings are the list linter's, stored with the version, merged with the legal-source registry's
 * (stale, unresolved and status-unknown citations), computed against the registry as it stands at
 * the time of the read — so a new edition recorded through the API flags the items citing the old
 * one at once, in every version. Finding counts include both.
 */
import type { TItemResponse, TPowerListResponse, TSearchResponse, TVersionSummary, TVersionsResponse } from '../../contracts/api.js';
import type { TFinding, TPowerItem } from '../../contracts/power-list.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { isRegistryFinding, mergeFindings } from '../../domain/legal-sources/registry-findings.js';
import { findOrganisationByCode, type OrganisationRow } from '../../store/repositories/organisations.repository.js';
import {
  findItem,
  findVersion,
  findVersionFindings,
  findVersionHeader,
  type ItemRow,
  latestVersionNo,
  listVersionHeaders,
  loadVersionList,
  searchItems,
  searchItemsAnyTerm,
  type VersionHeader,
  versionDiff,
} from '../../store/repositories/power-lists.repository.js';
import type { ServiceContext } from '../context.js';
import {
  citationNoticesOf,
  type RegistryCheck,
  type RegistryFindingCounts,
  registryCheckFor,
  registryFindingCounts,
  registryFindingsOf,
} from '../legal-sources/live-findings.js';
import { allPieces, expandTerms, queryTerms, scoreText, suggestNames } from './search-terms.js';
import { matchSnippets } from './search-text.js';

async function organisation(ctx: ServiceContext, orgCode: string): Promise<OrganisationRow> {
  const org = await findOrganisationByCode(ctx.db, orgCode);
  if (!org) throw new DomainError(ERROR_CODES.notFound, `机构代码 ${orgCode} 不存在。`);
  return org;
}

/** The linter's findings stored with a version (older rows may hold registry findings too: they are recomputed). */
function storedLintFindings(findings: readonly TFinding[]): TFinding[] {
  return findings.filter((finding) => !isRegistryFinding(finding));
}

function summary(row: VersionHeader, latestNo: number, registryCounts: RegistryFindingCounts): TVersionSummary {
  const diff = versionDiff(row);
  return {
    no: row.version_no,
    title: row.title,
    importedAt: row.imported_at,
    sourceName: row.source_name,
    sourceSha256: row.source_sha256,
    itemCount: row.item_count,
    findingCount: row.finding_count + registryCounts.total,
    isCurrent: row.version_no === latestNo,
    diffSummary: diff ? { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length } : null,
  };
}

/** A version's header (not its findings: megabytes on a 10,000-item list) with its finding counts. */
async function version(ctx: ServiceContext, org: OrganisationRow, versionNo: number | undefined, check: RegistryCheck | null) {
  const row = await findVersionHeader(ctx.db, org.id, versionNo);
  if (!row) throw versionNotFound(org, versionNo);
  const latestNo = versionNo === undefined ? row.version_no : await latestVersionNo(ctx.db, org.id);
  const counts = await registryFindingCounts(ctx.db, row, check);
  return { row, counts, summary: summary(row, latestNo, counts) };
}

function versionNotFound(org: OrganisationRow, versionNo: number | undefined): DomainError {
  return new DomainError(
    ERROR_CODES.notFound,
    versionNo === undefined ? `${org.name}尚未发布权责清单。` : `${org.name}的权责清单没有第 ${versionNo} 版。`,
  );
}

const orgRef = (org: OrganisationRow) => ({ code: org.code, name: org.name });

/** The whole list of a version (the current one when `versionNo` is undefined). */
export async function getPowerList(ctx: ServiceContext, orgCode: string, versionNo?: number): Promise<TPowerListResponse> {
  const org = await organisation(ctx, orgCode);
  const check = await registryCheckFor(ctx);
  const row = await findVersion(ctx.db, org.id, versionNo);
  if (!row) throw versionNotFound(org, versionNo);
  const latestNo = versionNo === undefined ? row.version_no : await latestVersionNo(ctx.db, org.id);
  const stored = await loadVersionList(ctx.db, row);
  const registryFindings = registryFindingsOf(stored.items, check);
  // The whole list is at hand: count from it rather than reading the items a second time.
  const counts = await registryFindingCounts(ctx.db, row, check, registryFindings);
  const findings = mergeFindings(stored.items, storedLintFindings(stored.findings), registryFindings);
  return {
    organisation: orgRef(org),
    version: { ...summary(row, latestNo, counts), findingCount: findings.length },
    list: { ...stored, findings },
    diff: versionDiff(row),
  };
}

/** Every version of the organisation's list, newest first. */
export async function listPowerListVersions(ctx: ServiceContext, orgCode: string): Promise<TVersionsResponse> {
  const org = await organisation(ctx, orgCode);
  const headers = await listVersionHeaders(ctx.db, org.id);
  const latestNo = headers[0]?.version_no ?? 0;
  const check = await registryCheckFor(ctx);
  const versions: TVersionSummary[] = [];
  for (const header of headers) versions.push(summary(header, latestNo, await registryFindingCounts(ctx.db, header, check)));
  return { organisation: orgRef(org), versions };
}

/**
 * One item with its findings (the linter's and the registry's) and the registry's notice on each
 * citation it has something to say about: stale, with the current edition and article, or unknown.
 */
export async function getPowerItem(ctx: ServiceContext, orgCode: string, itemNo: number, versionNo?: number): Promise<TItemResponse> {
  const org = await organisation(ctx, orgCode);
  const check = await registryCheckFor(ctx);
  const { row, summary: s } = await version(ctx, org, versionNo, check);
  const itemRow = await findItem(ctx.db, row.id, itemNo);
  if (!itemRow) throw new DomainError(ERROR_CODES.notFound, `第 ${s.no} 版清单中没有序号为 ${itemNo} 的事项。`);
  const item = JSON.parse(itemRow.item_json) as TPowerItem;
  const lint = storedLintFindings(await itemLintFindings(ctx, itemRow));
  const findings = mergeFindings([item], lint, registryFindingsOf([item], check));
  return { organisation: orgRef(org), version: s, item, findings, citationNotices: citationNoticesOf([item], check) };
}

/** The linter's findings of one item: stored with it, or (items stored before 20261203T1330) with its version. */
async function itemLintFindings(ctx: ServiceContext, itemRow: ItemRow): Promise<TFinding[]> {
  if (itemRow.findings_json !== null) return JSON.parse(itemRow.findings_json) as TFinding[];
  if (itemRow.finding_count === 0) return [];
  return (await findVersionFindings(ctx.db, itemRow.version_id)).filter((f) => f.item === itemRow.item_no);
}

export interface SearchPowerItemsOptions {
  q?: string | undefined;
  category?: string | undefined;
  versionNo?: number | undefined;
}

/**
 * Items matching what people typed (names, duties, citation texts), optionally of one category:
 * terms are matched separately and items ranked by how many they contain (search-terms.ts); when
 * nothing matches, the closest item names are suggested.
 */
export async function searchPowerItems(ctx: ServiceContext, orgCode: string, options: SearchPowerItemsOptions): Promise<TSearchResponse> {
  const org = await organisation(ctx, orgCode);
  const check = await registryCheckFor(ctx);
  const { row, counts, summary: s } = await version(ctx, org, options.versionNo, check);
  const q = options.q?.trim() || undefined;
  const category = options.category || undefined;
  const present = (r: { item_json: string; finding_count: number }, matched: string[]) => {
    const item = JSON.parse(r.item_json) as TPowerItem;
    return {
      no: item.no,
      category: item.category,
      name: item.name,
      subItem: item.subItem,
      // One snippet per term and field (a field may hold both terms far apart), at most four in all.
      matches: matched
        .flatMap((term) => matchSnippets(item, term))
        .filter((m, i, all) => all.findIndex((o) => o.snippet === m.snippet) === i)
        .slice(0, 4),
      findingCount: r.finding_count + (counts.byItem.get(item.no) ?? 0),
      matchedTerms: matched,
    };
  };
  if (!q) {
    const rows = await searchItems(ctx.db, { versionId: row.id, category });
    const items = rows.map((r) => ({ ...present(r, []), matchedTerms: [] }));
    return { organisation: orgRef(org), version: s, q: null, total: items.length, items };
  }
  // A Chinese phrase no item contains is looked for as its two-character words instead.
  const typed = queryTerms(q);
  const witnesses: string[] = [];
  for (const term of typed) {
    const [hit] = await searchItemsAnyTerm(ctx.db, { versionId: row.id, terms: [term], limit: 1 });
    if (hit) witnesses.push(hit.search_text);
  }
  const terms = expandTerms(q, witnesses);
  const rows = await searchItemsAnyTerm(ctx.db, { versionId: row.id, terms: allPieces(terms), category });
  const scored = rows
    .map((r) => ({ r, score: scoreText(r.search_text, terms) }))
    .filter((entry) => entry.score.terms > 0)
    .sort((a, b) => b.score.terms - a.score.terms || b.score.matched.length - a.score.matched.length || a.r.item_no - b.r.item_no);
  const items = scored.map(({ r, score }) => present(r, score.matched));
  const suggestions =
    items.length === 0
      ? suggestNames(
          q,
          (await searchItems(ctx.db, { versionId: row.id })).map((r) => (JSON.parse(r.item_json) as TPowerItem).name),
        )
      : [];
  return { organisation: orgRef(org), version: s, q, total: items.length, items, terms: allPieces(terms), suggestions };
}
