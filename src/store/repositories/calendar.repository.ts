/** The working calendar's administrator entries, declared years and import history. */
import type { Db } from '../database.js';
import { preparedQuery } from '../prepared-query.js';
import type { CalendarCoveredYearsTable, CalendarOverridesTable, CalendarRevisionsTable } from '../tables/schema.js';

export type CalendarOverrideRow = CalendarOverridesTable;
export type CalendarCoveredYearRow = CalendarCoveredYearsTable;
export type CalendarRevisionRow = CalendarRevisionsTable;

/** The newest import's id and number, or undefined before the first (what the calendar cache keys on). */
export async function latestCalendarRevision(db: Db): Promise<Pick<CalendarRevisionRow, 'id' | 'revision_no'> | undefined> {
  return (await latestRevision(db, {}))[0];
}

// every deadline computation asks it: compiled once
const latestRevision = preparedQuery<Record<string, never>, Pick<CalendarRevisionRow, 'id' | 'revision_no'>>((db) =>
  db.selectFrom('calendar_revisions').select(['id', 'revision_no']).orderBy('revision_no', 'desc').limit(1),
);

export function listCalendarOverrides(db: Db): Promise<CalendarOverrideRow[]> {
  return db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
}

export function listCoveredYears(db: Db): Promise<CalendarCoveredYearRow[]> {
  return db.selectFrom('calendar_covered_years').selectAll().orderBy('year').execute();
}

export function listCalendarRevisions(db: Db, limit: number): Promise<CalendarRevisionRow[]> {
  return db.selectFrom('calendar_revisions').selectAll().orderBy('revision_no', 'desc').limit(limit).execute();
}

export async function insertCalendarRevision(db: Db, row: CalendarRevisionRow): Promise<void> {
  await db.insertInto('calendar_revisions').values(row).execute();
}

/** Sets a date's entry (insert, or replace the one there). */
export async function upsertCalendarOverride(db: Db, row: CalendarOverrideRow): Promise<void> {
  await db
    .insertInto('calendar_overrides')
    .values(row)
    .onConflict((oc) =>
      oc.column('date').doUpdateSet({
        kind: row.kind,
        name: row.name,
        created_by: row.created_by,
        created_by_name: row.created_by_name,
        created_at: row.created_at,
        revision_no: row.revision_no,
      }),
    )
    .execute();
}

export async function deleteCalendarOverride(db: Db, date: string): Promise<boolean> {
  const result = await db.deleteFrom('calendar_overrides').where('date', '=', date).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertCoveredYear(db: Db, row: CalendarCoveredYearRow): Promise<void> {
  await db
    .insertInto('calendar_covered_years')
    .values(row)
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
}
