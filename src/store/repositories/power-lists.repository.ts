/**
 * Power-list versions and their items. A version is written whole (version row, item rows and
 * search rows) inside the caller's transaction.
 */
import { sql } from 'kysely';
import type { TFinding, TPowerItem, TPowerList, TPowerListDiff } from '../../contracts/power-list.js';
import { type Db, dialectOf } from '../database.js';
import type { PowerListItemsTable, PowerListVersionsTable } from '../tables/schema.js';

export type VersionRow = PowerListVersionsTable;
export type VersionHeader = Omit<VersionRow, 'findings_json'>;
export type ItemRow = PowerListItemsTable;

const VERSION_HEADER_COLUMNS = [
  'id',
  'org_id',
  'version_no',
  'title',
  'source_name',
  'source_sha256',
  'source_format',
  'imported_at',
  'imported_by',
  'diff_json',
  'item_count',
  'finding_count',
] as const;

/** The highest version number of an organisation's list, 0 when none. */
export async function latestVersionNo(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('power_list_versions')
    .select((eb) => eb.fn.max('version_no').as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Headers (no list body) of every version, newest first. */
export function listVersionHeaders(db: Db, orgId: string): Promise<VersionHeader[]> {
  return db
    .selectFrom('power_list_versions')
    .select(VERSION_HEADER_COLUMNS)
    .where('org_id', '=', orgId)
    .orderBy('version_no', 'desc')
    .execute();
}

/** One version with its list, by number; the latest when `versionNo` is undefined. */
export async function findVersion(db: Db, orgId: string, versionNo?: number): Promise<VersionRow | undefined> {
  let query = db.selectFrom('power_list_versions').selectAll().where('org_id', '=', orgId);
  query = versionNo === undefined ? query.orderBy('version_no', 'desc').limit(1) : query.where('version_no', '=', versionNo);
  return query.executeTakeFirst();
}

/** One item of a version by its number. */
export function findItem(db: Db, versionId: string, itemNo: number): Promise<ItemRow | undefined> {
  return db.selectFrom('power_list_items').selectAll().where('version_id', '=', versionId).where('item_no', '=', itemNo).executeTakeFirst();
}

export interface ItemSearchOptions {
  versionId: string;
  /** substring to look for; undefined lists every item */
  text?: string;
  category?: string;
}

/** Items of a version, optionally those whose search text contains `text` (case-insensitive). */
export async function searchItems(db: Db, options: ItemSearchOptions): Promise<ItemRow[]> {
  let query = db.selectFrom('power_list_items').selectAll().where('version_id', '=', options.versionId);
  if (options.category) query = query.where('category', '=', options.category);
  if (options.text) {
    const pattern = `%${escapeLike(options.text)}%`;
    if (dialectOf(db) === 'sqlite') {
      // LIKE on the trigram FTS table uses the index for patterns of 3+ characters and scans otherwise.
      query = query.where('id', 'in', (eb) =>
        eb.selectFrom('power_list_items_fts').select('item_id').where(sql<boolean>`search_text LIKE ${pattern} ESCAPE '\\'`),
      );
    } else {
      query = query.where(sql<boolean>`search_text ILIKE ${pattern} ESCAPE '\\'`);
    }
  }
  return query.orderBy('item_no').execute();
}

export interface ItemAnyTermOptions {
  versionId: string;
  /** the item matches when its search text contains at least one of them (case-insensitive) */
  terms: readonly string[];
  category?: string | undefined;
  limit?: number;
}

/** Items of a version whose search text contains any of the terms, by item number. */
export async function searchItemsAnyTerm(db: Db, options: ItemAnyTermOptions): Promise<ItemRow[]> {
  if (options.terms.length === 0) return [];
  let query = db.selectFrom('power_list_items').selectAll().where('version_id', '=', options.versionId);
  if (options.category) query = query.where('category', '=', options.category);
  const patterns = options.terms.map((term) => `%${escapeLike(term)}%`);
  if (dialectOf(db) === 'sqlite') {
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('power_list_items_fts')
        .select('item_id')
        .where((inner) => inner.or(patterns.map((pattern) => sql<boolean>`search_text LIKE ${pattern} ESCAPE '\\'`))),
    );
  } else {
    query = query.where((eb) => eb.or(patterns.map((pattern) => sql<boolean>`search_text ILIKE ${pattern} ESCAPE '\\'`)));
  }
  query = query.orderBy('item_no');
  return options.limit ? query.limit(options.limit).execute() : query.execute();
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface NewVersion {
  version: VersionRow;
  items: ItemRow[];
}

/** Write a version, its items and their search rows. Call inside a transaction. */
export async function insertVersion(db: Db, { version, items }: NewVersion): Promise<void> {
  await db.insertInto('power_list_versions').values(version).execute();
  // Batches keep each statement under SQLite's variable limit on 10,000-item lists.
  for (let i = 0; i < items.length; i += 200) {
    const batch = items.slice(i, i + 200);
    await db.insertInto('power_list_items').values(batch).execute();
  }
  if (dialectOf(db) === 'sqlite') {
    // Copy inside SQLite rather than binding every search text a second time.
    await sql`INSERT INTO power_list_items_fts (item_id, search_text) SELECT id, search_text FROM power_list_items WHERE version_id = ${version.id}`.execute(
      db,
    );
  }
}

/** The whole list of a stored version: its items in order and its findings. */
export async function loadVersionList(db: Db, row: VersionRow): Promise<TPowerList> {
  const items = await db.selectFrom('power_list_items').select('item_json').where('version_id', '=', row.id).orderBy('item_no').execute();
  return {
    title: row.title,
    items: items.map((r) => JSON.parse(r.item_json) as TPowerItem),
    findings: JSON.parse(row.findings_json) as TFinding[],
  };
}

/** The findings stored with a version. */
export function versionFindings(row: VersionRow): TFinding[] {
  return JSON.parse(row.findings_json) as TFinding[];
}

/** Parse a stored version's diff. */
export function versionDiff(row: Pick<VersionRow, 'diff_json'>): TPowerListDiff | null {
  return row.diff_json ? (JSON.parse(row.diff_json) as TPowerListDiff) : null;
}

/** The items of a stored version, in list order. */
export async function loadVersionItems(db: Db, versionId: string): Promise<TPowerItem[]> {
  const rows = await db.selectFrom('power_list_items').select('item_json').where('version_id', '=', versionId).orderBy('item_no').execute();
  return rows.map((r) => JSON.parse(r.item_json) as TPowerItem);
}

/** The current (newest) version of every organisation that has a list, with the organisation's code and name. */
export function listCurrentVersionHeaders(db: Db): Promise<(VersionHeader & { org_code: string; org_name: string })[]> {
  return db
    .selectFrom('power_list_versions as v')
    .innerJoin('organisations as o', 'o.id', 'v.org_id')
    .select(VERSION_HEADER_COLUMNS.map((column) => `v.${column}` as const))
    .select(['o.code as org_code', 'o.name as org_name'])
    .where('v.version_no', '=', (eb) =>
      eb
        .selectFrom('power_list_versions as w')
        .select((w) => w.fn.max('w.version_no').as('m'))
        .whereRef('w.org_id', '=', 'v.org_id'),
    )
    .orderBy('o.code')
    .execute();
}
