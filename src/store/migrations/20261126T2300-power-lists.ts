/** Organisations and power-list versions with their items and the substring search index. */
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../database.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('doc_prefix', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('power_list_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('source_sha256', 'text', (c) => c.notNull())
    .addColumn('source_format', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addColumn('diff_json', 'text')
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('finding_count', 'integer', (c) => c.notNull())
    .addUniqueConstraint('power_list_versions_org_no', ['org_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('power_list_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('power_list_versions.id'))
    .addColumn('item_no', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('item_json', 'text', (c) => c.notNull())
    .addColumn('finding_count', 'integer', (c) => c.notNull())
    .addUniqueConstraint('power_list_items_version_no', ['version_id', 'item_no'])
    .execute();

  if (dialectOf(db) === 'sqlite') {
    // Trigram FTS5: Chinese has no word boundaries, so substring search is the honest kind.
    // detail=none halves indexing time; LIKE matches are re-checked against the text anyway.
    await sql`CREATE VIRTUAL TABLE power_list_items_fts USING fts5(item_id UNINDEXED, search_text, tokenize = 'trigram', detail = 'none')`.execute(
      db,
    );
  } else {
    // pg_trgm is a trusted extension (PostgreSQL ≥ 13): the database owner may create it.
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`CREATE INDEX power_list_items_search_trgm ON power_list_items USING gin (search_text gin_trgm_ops)`.execute(db);
  }
}
