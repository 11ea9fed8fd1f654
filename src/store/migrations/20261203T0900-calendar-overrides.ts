/**
 * The working-day calendar's administrator entries. The base data (holidays and 调休 working days
 * of 2004–2026) comes with the chinese-days package; what the State Council publishes later (the
 * next year's arrangement, late each year) or a local correction is entered here. Installation-
 * wide: every organisation works on the same national calendar.
 *
 * - calendar_overrides: one row per date, a day off (holiday) or a working day, whatever the base says;
 * - calendar_covered_years: years an administrator declared complete (their whole arrangement entered);
 * - calendar_revisions: append-only history, one row per import, with what it changed; the newest
 *   revision's id is what the in-process calendar cache is keyed on.
 */
import type { Kysely } from 'kysely';
import { makeAppendOnly } from '../append-only.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_revisions')
    .addColumn('revision_no', 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    /** JSON: { source, set[], removed[], coveredYears[], changedDates[] } */
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await makeAppendOnly(db, 'calendar_revisions');
  await db.schema
    .createTable('calendar_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull().unique())
    /** 'holiday' | 'workday' */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revision_no', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('calendar_covered_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    /** where the arrangement comes from: 国办发明电〔2026〕… */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revision_no', 'integer', (c) => c.notNull())
    .execute();
}
