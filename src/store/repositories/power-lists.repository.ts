/**
 * Power-list versions and their items. An import writes a version as 'staging' — its row first,
 * then its items and their search rows in short batches — and publishes it by flipping its state;
 * every read here looks at published versions only, so a half-written version is never seen.
 */
import { sql } from 'kysely';
import type { TFinding, TPowerItem, TPowerList, TPowerListDiff } from '../../contracts/power-list.js';
import { type Db, dialectOf } from '../database.js';
import { preparedQuery } from '../prepared-query.js';
import type { PowerListItemsTable, PowerListVersionsTable } from '../tables/schema.js';

export type VersionRow = PowerListVersionsTable;
export type VersionHeader = Omit<VersionRow, 'findings_json' | 'state'>;
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

/** The highest published version number of an organisation's list, 0 when none. */
export async function latestVersionNo(db: Db, orgId: string): Promise<number> {
  const [row] = await newestPublishedNo(db, { orgId });
  return Number(row?.n ?? 0);
}

// every case page asks it (is the case on the current list?): compiled once per dialect
const newestPublishedNo = preparedQuery<{ orgId: string }, { n: number | null }>((db, p) =>
  db
    .selectFrom('power_list_versions')
    .select((eb) => eb.fn.max<number | null>('version_no').as('n'))
    .where('org_id', '=', p('orgId'))
    .where('state', '=', 'published'),
);

/** Headers (no list body) of every version, newest first. */
export function listVersionHeaders(db: Db, orgId: string): Promise<VersionHeader[]> {
  return db
    .selectFrom('power_list_versions')
    .select(VERSION_HEADER_COLUMNS)
    .where('org_id', '=', orgId)
    .where('state', '=', 'published')
    .orderBy('version_no', 'desc')
    .execute();
}

/** One published version with its findings, by number; the latest when `versionNo` is undefined. */
export async function findVersion(db: Db, orgId: string, versionNo?: number): Promise<VersionRow | undefined> {
  let query = db.selectFrom('power_list_versions').selectAll().where('org_id', '=', orgId).where('state', '=', 'published');
  query = versionNo === undefined ? query.orderBy('version_no', 'desc').limit(1) : query.where('version_no', '=', versionNo);
  return query.executeTakeFirst();
}

/** Like findVersion, without the findings (for reads of one item: a 10,000-item list has megabytes of them). */
export async function findVersionHeader(db: Db, orgId: string, versionNo?: number): Promise<VersionHeader | undefined> {
  let query = db
    .selectFrom('power_list_versions')
    .select(VERSION_HEADER_COLUMNS)
    .where('org_id', '=', orgId)
    .where('state', '=', 'published');
  query = versionNo === undefined ? query.orderBy('version_no', 'desc').limit(1) : query.where('version_no', '=', versionNo);
  return query.executeTakeFirst();
}

/** The findings stored with a version, by its id (the fallback for items stored without their own). */
export async function findVersionFindings(db: Db, versionId: string): Promise<TFinding[]> {
  const row = await db.selectFrom('power_list_versions').select('findings_json').where('id', '=', versionId).executeTakeFirst();
  return row ? (JSON.parse(row.findings_json) as TFinding[]) : [];
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

/** Write the row of a version about to be imported, as 'staging': no read sees it or its items. */
export async function insertStagedVersion(db: Db, version: Omit<VersionRow, 'state'>): Promise<void> {
  await db
    .insertInto('power_list_versions')
    .values({ ...version, state: 'staging' })
    .execute();
}

/** Rows per INSERT: keeps each statement under SQLite's variable limit. */
const INSERT_BATCH = 200;

/** Write items of a staged version. One call is one short write. */
export async function insertItems(db: Db, items: readonly ItemRow[]): Promise<void> {
  for (let i = 0; i < items.length; i += INSERT_BATCH) {
    await db
      .insertInto('power_list_items')
      .values(items.slice(i, i + INSERT_BATCH))
      .execute();
  }
}

/**
 * (SQLite) Add stored items to the search index — a write of its own: indexing costs more than
 * storing the items, and an import spaces the two out. PostgreSQL indexes the column itself.
 */
export async function indexItems(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length > 0 && dialectOf(db) === 'sqlite') {
    // Copy inside SQLite rather than binding every search text a second time.
    for (let i = 0; i < ids.length; i += INSERT_BATCH) {
      const batch = ids.slice(i, i + INSERT_BATCH);
      await sql`INSERT INTO power_list_items_fts (item_id, search_text) SELECT id, search_text FROM power_list_items WHERE id IN (${sql.join(batch)})`.execute(
        db,
      );
    }
  }
}

/** Store the findings of a staged version (made last, after its items). */
export async function setStagedFindings(db: Db, versionId: string, findingsJson: string): Promise<void> {
  await db
    .updateTable('power_list_versions')
    .set({ findings_json: findingsJson })
    .where('id', '=', versionId)
    .where('state', '=', 'staging')
    .execute();
}

/** Make a staged version visible (call in the transaction that audits it); false when it is not staged any more. */
export async function publishVersion(db: Db, versionId: string): Promise<boolean> {
  publishedGeneration++;
  const result = await db
    .updateTable('power_list_versions')
    .set({ state: 'published' })
    .where('id', '=', versionId)
    .where('state', '=', 'staging')
    .executeTakeFirst();
  publishedGeneration++;
  return Number(result.numUpdatedRows) === 1;
}

let publishedGeneration = 0;

/** Bumped by every version published in this process: state cached before it is stale. */
export function publishedVersionsGeneration(): number {
  return publishedGeneration;
}

/** Staged versions of an organisation (an import in progress, or one that died half-way). */
export async function listStagedVersionIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db.selectFrom('power_list_versions').select('id').where('org_id', '=', orgId).where('state', '=', 'staging').execute();
  return rows.map((r) => r.id);
}

/**
 * Remove a staged version: its search rows (one statement: FTS5 has no index on item_id, so this
 * scans the search table once — rare, only after a failed import), then its items `batch` at a
 * time, each batch a short write the caller may space out, then its row.
 */
export async function deleteStagedVersion(db: Db, versionId: string, batch: number, between: () => Promise<void>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`DELETE FROM power_list_items_fts WHERE item_id IN (SELECT id FROM power_list_items WHERE version_id = ${versionId})`.execute(
      db,
    );
  }
  for (;;) {
    const rows = await db.selectFrom('power_list_items').select('id').where('version_id', '=', versionId).limit(batch).execute();
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += INSERT_BATCH) {
      await db
        .deleteFrom('power_list_items')
        .where('id', 'in', ids.slice(i, i + INSERT_BATCH))
        .execute();
    }
    await between();
  }
  await db.deleteFrom('power_list_versions').where('id', '=', versionId).where('state', '=', 'staging').execute();
}

/** The stored item texts of a version in order, `limit` from the item after `afterNo` (to read a list in steps). */
export async function loadItemJsonPage(db: Db, versionId: string, afterNo: number, limit: number): Promise<{ no: number; json: string }[]> {
  const rows = await db
    .selectFrom('power_list_items')
    .select(['item_no', 'item_json'])
    .where('version_id', '=', versionId)
    .where('item_no', '>', afterNo)
    .orderBy('item_no')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ no: r.item_no, json: r.item_json }));
}

/**
 * The whole list of a stored version: its items in order and its findings, in list order (those
 * about no item first). Versions imported since 20261203T1330 keep each item's findings with the
 * item and only the others with the version; older ones keep them all with the version.
 */
export async function loadVersionList(db: Db, row: VersionRow): Promise<TPowerList> {
  const rows = await db
    .selectFrom('power_list_items')
    .select(['item_json', 'findings_json'])
    .where('version_id', '=', row.id)
    .orderBy('item_no')
    .execute();
  const stored = JSON.parse(row.findings_json) as TFinding[];
  const items = rows.map((r) => JSON.parse(r.item_json) as TPowerItem);
  if (!rows.every((r) => r.findings_json !== null)) return { title: row.title, items, findings: stored };
  const findings = stored.filter((f) => f.item === null);
  for (const r of rows) findings.push(...(JSON.parse(r.findings_json as string) as TFinding[]));
  // Findings naming an item the list does not have go last (as mergeFindings orders them).
  findings.push(...stored.filter((f) => f.item !== null));
  return { title: row.title, items, findings };
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
        .whereRef('w.org_id', '=', 'v.org_id')
        .where('w.state', '=', 'published'),
    )
    .where('v.state', '=', 'published')
    .orderBy('o.code')
    .execute();
}
