/**
 * The registry of legal sources (法律依据登记库) as an append-only series of revisions: every
 * change an administrator makes, every import and the first-start seed writes a new row holding the
 * whole registry after it; the current registry is the row with the highest revision number. The
 * history is what lets an auditor ask "what did the registry say on that day". Rows are never
 * updated or deleted (triggers refuse both, as for the audit log).
 */
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../database.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('legal_registry_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('revision_no', 'integer', (c) => c.notNull().unique())
    /** 'seed' | 'change' | 'import' */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('registry_json', 'text', (c) => c.notNull())
    .addColumn('change_json', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_by_name', 'text', (c) => c.notNull())
    .execute();

  if (dialectOf(db) === 'sqlite') {
    await sql`CREATE TRIGGER legal_registry_revisions_no_update BEFORE UPDATE ON legal_registry_revisions BEGIN SELECT RAISE(ABORT, 'legal_registry_revisions is append-only'); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER legal_registry_revisions_no_delete BEFORE DELETE ON legal_registry_revisions BEGIN SELECT RAISE(ABORT, 'legal_registry_revisions is append-only'); END`.execute(
      db,
    );
  } else {
    await sql`CREATE FUNCTION legal_registry_revisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'legal_registry_revisions is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER legal_registry_revisions_no_change BEFORE UPDATE OR DELETE ON legal_registry_revisions FOR EACH ROW EXECUTE FUNCTION legal_registry_revisions_append_only()`.execute(
      db,
    );
  }
}
