/**
 * Makes a table append-only in the database itself: UPDATE, DELETE (and on PostgreSQL TRUNCATE) are
 * refused by triggers, so not even a mistaken query of our own can rewrite history. Used by the
 * migrations of the audit log and the legal-sources registry.
 */
import { type Kysely, sql } from 'kysely';
import { dialectOf } from './database.js';

/** Add the triggers that refuse every change but INSERT on `table`. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  const refusal = sql.lit(`${table} is append-only`);
  const name = (suffix: string) => sql.id(`${table}_${suffix}`);
  const target = sql.table(table);
  if (dialectOf(db) === 'sqlite') {
    await sql`CREATE TRIGGER ${name('no_update')} BEFORE UPDATE ON ${target} BEGIN SELECT RAISE(ABORT, ${refusal}); END`.execute(db);
    await sql`CREATE TRIGGER ${name('no_delete')} BEFORE DELETE ON ${target} BEGIN SELECT RAISE(ABORT, ${refusal}); END`.execute(db);
    return;
  }
  await sql`CREATE FUNCTION ${name('append_only')}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '%', TG_TABLE_NAME || ' is append-only'; END $$`.execute(db);
  await sql`CREATE TRIGGER ${name('no_change')} BEFORE UPDATE OR DELETE ON ${target} FOR EACH ROW EXECUTE FUNCTION ${name('append_only')}()`.execute(
    db,
  );
  await sql`CREATE TRIGGER ${name('no_truncate')} BEFORE TRUNCATE ON ${target} FOR EACH STATEMENT EXECUTE FUNCTION ${name('append_only')}()`.execute(
    db,
  );
}
