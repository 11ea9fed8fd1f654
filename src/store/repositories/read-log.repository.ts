/**
 * The read log: who read which protected record, append-only (triggers refuse UPDATE and DELETE)
 * and outside the audit chain, so reads never wait for an organisation's chain head. Writes stay on
 * the chain; the security auditor reads both.
 */
import type { Db } from '../database.js';
import type { ReadLogTable } from '../tables/schema.js';

export type ReadLogRow = ReadLogTable;

/** Appends reads (outside any transaction of a change: a read changes nothing). */
export async function appendReads(db: Db, rows: readonly ReadLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('read_log')
    .values([...rows])
    .execute();
}

export interface ReadLogFilter {
  orgIds: readonly string[];
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of reads, newest first, and their total. */
export async function searchReads(db: Db, filter: ReadLogFilter): Promise<{ total: number; rows: ReadLogRow[] }> {
  if (filter.orgIds.length === 0) return { total: 0, rows: [] };
  let query = db.selectFrom('read_log').where('org_id', 'in', filter.orgIds);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
  ]);
  return { total: Number(count.n), rows };
}
