/**
 * Read side of the published list: the current version (what the public sees), earlier versions,
 * one item, and the substring search. Every function resolves the organisation first and answers
 * not-found in plain Chinese when there is nothing to show.
 */
import type { TItemResponse, TPowerListResponse, TSearchResponse, TVersionSummary, TVersionsResponse } from '../../contracts/api.js';
import type { TPowerItem } from '../../contracts/power-list.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findOrganisationByCode, type OrganisationRow } from '../../store/repositories/organisations.repository.js';
import {
  findItem,
  findVersion,
  latestVersionNo,
  listVersionHeaders,
  searchItems,
  type VersionHeader,
  versionDiff,
  loadVersionList,
  versionFindings,
} from '../../store/repositories/power-lists.repository.js';
import type { ServiceContext } from '../context.js';
import { matchSnippets } from './search-text.js';

async function organisation(ctx: ServiceContext, orgCode: string): Promise<OrganisationRow> {
  const org = await findOrganisationByCode(ctx.db, orgCode);
  if (!org) throw new DomainError(ERROR_CODES.notFound, `机构代码 ${orgCode} 不存在。`);
  return org;
}

function summary(row: VersionHeader, latestNo: number): TVersionSummary {
  const diff = versionDiff(row);
  return {
    no: row.version_no,
    title: row.title,
    importedAt: row.imported_at,
    sourceName: row.source_name,
    sourceSha256: row.source_sha256,
    itemCount: row.item_count,
    findingCount: row.finding_count,
    isCurrent: row.version_no === latestNo,
    diffSummary: diff ? { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length } : null,
  };
}

async function version(ctx: ServiceContext, org: OrganisationRow, versionNo: number | undefined) {
  const row = await findVersion(ctx.db, org.id, versionNo);
  if (!row) {
    throw new DomainError(
      ERROR_CODES.notFound,
      versionNo === undefined ? `${org.name}尚未发布权责清单。` : `${org.name}的权责清单没有第 ${versionNo} 版。`,
    );
  }
  const latestNo = versionNo === undefined ? row.version_no : await latestVersionNo(ctx.db, org.id);
  return { row, summary: summary(row, latestNo) };
}

const orgRef = (org: OrganisationRow) => ({ code: org.code, name: org.name });

/** The whole list of a version (the current one when `versionNo` is undefined). */
export async function getPowerList(ctx: ServiceContext, orgCode: string, versionNo?: number): Promise<TPowerListResponse> {
  const org = await organisation(ctx, orgCode);
  const { row, summary: s } = await version(ctx, org, versionNo);
  return { organisation: orgRef(org), version: s, list: await loadVersionList(ctx.db, row), diff: versionDiff(row) };
}

/** Every version of the organisation's list, newest first. */
export async function listPowerListVersions(ctx: ServiceContext, orgCode: string): Promise<TVersionsResponse> {
  const org = await organisation(ctx, orgCode);
  const headers = await listVersionHeaders(ctx.db, org.id);
  const latestNo = headers[0]?.version_no ?? 0;
  return { organisation: orgRef(org), versions: headers.map((h) => summary(h, latestNo)) };
}

/** One item with its findings. */
export async function getPowerItem(ctx: ServiceContext, orgCode: string, itemNo: number, versionNo?: number): Promise<TItemResponse> {
  const org = await organisation(ctx, orgCode);
  const { row, summary: s } = await version(ctx, org, versionNo);
  const itemRow = await findItem(ctx.db, row.id, itemNo);
  if (!itemRow) throw new DomainError(ERROR_CODES.notFound, `第 ${s.no} 版清单中没有序号为 ${itemNo} 的事项。`);
  const findings = versionFindings(row).filter((f) => f.item === itemNo);
  return { organisation: orgRef(org), version: s, item: JSON.parse(itemRow.item_json) as TPowerItem, findings };
}

export interface SearchPowerItemsOptions {
  q?: string | undefined;
  category?: string | undefined;
  versionNo?: number | undefined;
}

/** Items matching a substring (names, duties, citation texts), optionally of one category. */
export async function searchPowerItems(ctx: ServiceContext, orgCode: string, options: SearchPowerItemsOptions): Promise<TSearchResponse> {
  const org = await organisation(ctx, orgCode);
  const { row, summary: s } = await version(ctx, org, options.versionNo);
  const q = options.q?.trim() || undefined;
  const rows = await searchItems(ctx.db, { versionId: row.id, text: q, category: options.category || undefined });
  const items = rows.map((r) => {
    const item = JSON.parse(r.item_json) as TPowerItem;
    return {
      no: item.no,
      category: item.category,
      name: item.name,
      subItem: item.subItem,
      matches: q ? matchSnippets(item, q) : [],
      findingCount: r.finding_count,
    };
  });
  return { organisation: orgRef(org), version: s, q: q ?? null, total: items.length, items };
}
