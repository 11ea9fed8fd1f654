/**
 * Cases, their append-only events, gapless numbers, links and the case access log.
 *
 * Concurrency lives here, not in services: `lockCase` takes the case row for the rest of the
 * transaction (SELECT … FOR UPDATE on PostgreSQL; SQLite has one writer at a time anyway) and
 * `updateCaseIfVersion` writes only when the version is still the expected one, so a lost race is a
 * `false`, never a lost update. `allocateCaseNumber` bumps the counter row inside the creating
 * transaction: concurrent creations queue on that row, and a rollback gives the number back.
 */
import { sql } from 'kysely';
import { type Db, dialectOf } from '../database.js';
import { preparedQuery, preparedWrite } from '../prepared-query.js';
import type { CaseEventsTable, CasesTable } from '../tables/schema.js';

export type CaseRow = CasesTable;
export type CaseEventRow = CaseEventsTable;

/** The next sequence number of (organisation, kind, year), reserved in the caller's transaction. */
export async function allocateCaseNumber(trx: Db, orgId: string, kind: string, year: number): Promise<number> {
  if (!trx.isTransaction) throw new Error('allocateCaseNumber must run inside the transaction that creates the case');
  const row = await trx
    .insertInto('case_number_counters')
    .values({ org_id: orgId, kind, year, last_seq: 1 })
    .onConflict((oc) =>
      oc.columns(['org_id', 'kind', 'year']).doUpdateSet((eb) => ({ last_seq: eb('case_number_counters.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export async function insertCase(trx: Db, row: CaseRow): Promise<void> {
  await trx.insertInto('cases').values(row).execute();
}

/** The case row, locked for the rest of the transaction; undefined when there is none. */
export async function lockCase(trx: Db, id: string): Promise<LockedCaseRow | undefined> {
  if (!trx.isTransaction) throw new Error('lockCase must run inside a transaction');
  return (await caseForUpdate(trx, { id }))[0];
}

/**
 * The case row as locked for a write, with the id of the newest working-calendar import at that
 * moment (null before the first): the deadlines the write computes count with that calendar, and
 * reading it in the same statement spares every write a query of its own.
 */
export type LockedCaseRow = CaseRow & { calendar_revision_id: string | null };

// every case write runs these two: compiled once per dialect
const caseForUpdate = preparedQuery<{ id: string }, LockedCaseRow>((db, p) => {
  const query = db
    .selectFrom('cases')
    .selectAll('cases')
    .select((eb) =>
      eb
        .selectFrom('calendar_revisions')
        .select('calendar_revisions.id')
        .orderBy('calendar_revisions.revision_no', 'desc')
        .limit(1)
        .as('calendar_revision_id'),
    )
    .where('cases.id', '=', p('id'));
  return dialectOf(db) === 'postgres' ? query.forUpdate('cases') : query;
});
const updateCaseState = preparedWrite<CaseStateColumns & { id: string; expectedVersion: number }>((db, p) =>
  db
    .updateTable('cases')
    .set({
      status: p('status'),
      step: p('step'),
      next_due: p('next_due'),
      search_text: p('search_text'),
      officer_ids: p('officer_ids'),
      state_json: p('state_json'),
      schema_version: p('schema_version'),
      version: p('version'),
      updated_at: p('updated_at'),
      closed_at: p('closed_at'),
    })
    .where('id', '=', p('id'))
    .where('version', '=', p('expectedVersion')),
);

/** The columns of a case row that change with its state. */
export type CaseStateColumns = Pick<
  CaseRow,
  'status' | 'step' | 'next_due' | 'search_text' | 'officer_ids' | 'state_json' | 'schema_version' | 'version' | 'updated_at' | 'closed_at'
>;

/** Writes the case when its version is still `expectedVersion`; false when another write won. */
export async function updateCaseIfVersion(trx: Db, id: string, expectedVersion: number, columns: CaseStateColumns): Promise<boolean> {
  return (await updateCaseState(trx, { ...columns, id, expectedVersion })) === 1;
}

export function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCasesByIds(db: Db, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('cases').selectAll().where('id', 'in', ids).execute();
}

/**
 * Appends an event with the next sequence number of its case (the case row must be locked or new),
 * numbered by the database in the same statement: one round trip per event on the hot path.
 */
export async function appendCaseEvent(trx: Db, event: Omit<CaseEventRow, 'seq'>): Promise<number> {
  const row = await sql<{ seq: number }>`insert into case_events
      (id, case_id, org_id, seq, type, at, recorded_at, actor_id, actor_name, payload_json, schema_version)
    select ${event.id}, ${event.case_id}, ${event.org_id}, coalesce(max(seq), 0) + 1, ${event.type}, ${event.at},
      ${event.recorded_at}, ${event.actor_id}, ${event.actor_name}, ${event.payload_json}, cast(${event.schema_version} as integer)
    from case_events where case_id = ${event.case_id}
    returning seq`.execute(trx);
  const seq = row.rows[0]?.seq;
  if (seq === undefined) throw new Error(`case event ${event.id} was not appended`);
  return Number(seq);
}

export function listCaseEvents(db: Db, caseId: string): Promise<CaseEventRow[]> {
  return eventsOfCase(db, { caseId });
}

// the case page (and the answer to every transition) reads these two: compiled once
const eventsOfCase = preparedQuery<{ caseId: string }, CaseEventRow>((db, p) =>
  db.selectFrom('case_events').selectAll().where('case_id', '=', p('caseId')).orderBy('seq'),
);
const linksOfCase = preparedQuery<{ caseId: string }, { from_case_id: string; to_case_id: string }>((db, p) =>
  db
    .selectFrom('case_links')
    .select(['from_case_id', 'to_case_id'])
    .where((eb) => eb.or([eb('from_case_id', '=', p('caseId')), eb('to_case_id', '=', p('caseId'))]))
    // links made in the same millisecond keep one order on every database
    .orderBy('created_at')
    .orderBy('id'),
);

/** The users who took actions of the given types on a case (the investigators of the independent-review rule). */
export async function listEventActors(db: Db, caseId: string): Promise<{ actor_id: string | null; payload_json: string }[]> {
  return db
    .selectFrom('case_events')
    .select(['actor_id', 'payload_json'])
    .where('case_id', '=', caseId)
    .where('type', '=', 'case.advanced')
    .execute();
}

export interface CaseListFilter {
  orgIds: readonly string[];
  status?: 'open' | 'closed' | undefined;
  step?: string | undefined;
  itemNo?: number | undefined;
  /** only cases this officer is assigned to */
  officerId?: string | undefined;
  /** only cases whose nearest running deadline is on or before this date */
  dueOnOrBefore?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A page of cases, newest change first, and the total. */
export async function listCases(db: Db, filter: CaseListFilter): Promise<{ total: number; rows: CaseRow[] }> {
  if (filter.orgIds.length === 0) return { total: 0, rows: [] };
  let query = db.selectFrom('cases').where('org_id', 'in', filter.orgIds);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.step) query = query.where('step', '=', filter.step);
  if (filter.itemNo !== undefined) query = query.where('item_no', '=', filter.itemNo);
  if (filter.officerId) query = query.where(sql<boolean>`officer_ids like ${`%"${escapeLike(filter.officerId)}"%`} escape '\\'`);
  if (filter.dueOnOrBefore) query = query.where('next_due', 'is not', null).where('next_due', '<=', filter.dueOnOrBefore);
  if (filter.q) query = query.where(sql<boolean>`search_text like ${`%${escapeLike(filter.q.toLowerCase())}%`} escape '\\'`);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** The running cases of an organisation (to recompute deadlines when the calendar changes). */
export function listOpenCases(db: Db): Promise<CaseRow[]> {
  return db.selectFrom('cases').selectAll().where('status', '=', 'open').execute();
}

export async function insertCaseLink(
  trx: Db,
  row: { id: string; org_id: string; from_case_id: string; to_case_id: string; created_at: string; created_by: string | null },
): Promise<void> {
  await trx.insertInto('case_links').values(row).execute();
}

/** Links of a case in both directions. */
export function listCaseLinks(db: Db, caseId: string): Promise<{ from_case_id: string; to_case_id: string }[]> {
  return linksOfCase(db, { caseId });
}

/** Whether any case exists (the demo seed runs only on an empty database). */
export async function hasAnyCase(db: Db): Promise<boolean> {
  const row = await db.selectFrom('cases').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
