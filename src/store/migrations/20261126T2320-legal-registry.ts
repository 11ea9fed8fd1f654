/**
 * The registry of legal sources (法律依据登记库) as an append-only series of revisions: every
 * change an administrator makes, every import and the first-start seed writes a new row holding the
 * whole registry after it; the current registry is the row with the highest revision number. The
 * history is what lets an auditor ask "what did the registry say on that day". Rows are never
 * updated or deleted (triggers refuse both, as for the audit log).
 */
import type { Kysely } from 'kysely';
import { makeAppendOnly } from '../append-only.js';

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

  await makeAppendOnly(db, 'legal_registry_revisions');
}
