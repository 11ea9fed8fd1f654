/**
 * The audit log's only writer and its readers. `appendAudit` seals a record onto its
 * organisation's chain inside the caller's transaction, so a change and the record of it commit or
 * roll back together. There is deliberately no update or delete here (and triggers refuse both).
 *
 * Concurrency: the chain head of each organisation is one row of audit_heads. On PostgreSQL it is
 * locked with SELECT … FOR UPDATE for the rest of the transaction, so concurrent writers of one
 * organisation queue on it while other organisations' writers do not; SQLite serialises writers
 * anyway (one write transaction at a time).
 */
import { sql } from 'kysely';
import { type Db, dialectOf } from '../database.js';
import { preparedQuery, preparedWrite } from '../prepared-query.js';
import type { AuditLogTable } from '../tables/schema.js';
import {
  type AuditHashAlgorithm,
  type AuditRecord,
  type AuditRecordContent,
  type ChainPoint,
  GENESIS_PREV_HASH,
  type JsonValue,
  sealAuditRecord,
} from './audit-hash.js';

/** A record to append: everything but its place in the chain (seq, prevHash, hash). */
export type NewAuditRecord = Omit<AuditRecordContent, 'seq'>;

/**
 * Appends a record to its organisation's chain and moves the chain head, in the caller's
 * transaction. Returns the sealed record.
 * @throws Error when called outside a transaction (the record would not commit with the change).
 */
export async function appendAudit(trx: Db, record: NewAuditRecord): Promise<AuditRecord> {
  if (!trx.isTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  const head = await lockChainHead(trx, record.orgId);
  const sealed = sealAuditRecord(head.seq === 0 ? GENESIS_PREV_HASH : head.hash, { ...record, seq: head.seq + 1 });
  await insertRecord(trx, recordToRow(sealed));
  await moveHead(trx, { orgId: record.orgId, seq: sealed.seq, hash: sealed.hash });
  return sealed;
}

// Every audited change runs these three: compiled once per dialect.
const insertRecord = preparedWrite<AuditLogTable>((db, p) =>
  db.insertInto('audit_log').values({
    id: p('id'),
    org_id: p('org_id'),
    seq: p('seq'),
    at: p('at'),
    actor_id: p('actor_id'),
    actor_name: p('actor_name'),
    action: p('action'),
    target_type: p('target_type'),
    target_id: p('target_id'),
    request_id: p('request_id'),
    source_ip: p('source_ip'),
    details: p('details'),
    prev_hash: p('prev_hash'),
    hash: p('hash'),
    alg: p('alg'),
  }),
);
const moveHead = preparedWrite<{ orgId: string; seq: number; hash: string }>((db, p) =>
  db
    .updateTable('audit_heads')
    .set({ seq: p('seq'), hash: p('hash') })
    .where('org_id', '=', p('orgId')),
);
const chainHeadRow = preparedQuery<{ orgId: string }, { seq: number; hash: string }>((db, p) => {
  const query = db.selectFrom('audit_heads').select(['seq', 'hash']).where('org_id', '=', p('orgId'));
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
});

/** The head of an organisation's chain, locked for the transaction; seq 0 for an empty chain. */
async function lockChainHead(trx: Db, orgId: string): Promise<ChainPoint> {
  // The head row exists after an organisation's first record: read it first and create it only
  // when missing, so the common append costs one statement here, not two.
  let head = await selectChainHead(trx, orgId);
  if (!head) {
    await trx
      .insertInto('audit_heads')
      .values({ org_id: orgId, seq: 0, hash: GENESIS_PREV_HASH })
      .onConflict((oc) => oc.column('org_id').doNothing())
      .execute();
    head = await selectChainHead(trx, orgId);
    if (!head) throw new Error(`audit chain head of organisation ${orgId} could not be created`);
  }
  // A fresh head over existing records means the head row was deleted: numbering again from 1
  // would collide, and guessing the head from the records would hide a cut-off tail. Refuse.
  if (Number(head.seq) === 0 && (await hasAuditRecords(trx, orgId))) {
    throw new Error(`audit chain head of organisation ${orgId} is missing while records exist; run \`quanze audit verify\``);
  }
  return { seq: Number(head.seq), hash: head.hash };
}

/** The chain head row, locked on PostgreSQL (SELECT … FOR UPDATE); SQLite has one writer anyway. */
async function selectChainHead(trx: Db, orgId: string): Promise<{ seq: number | string; hash: string } | undefined> {
  return (await chainHeadRow(trx, { orgId }))[0];
}

/** The recorded head of an organisation's chain, or undefined when it has none. */
export async function findChainHead(db: Db, orgId: string): Promise<ChainPoint | undefined> {
  const row = await db.selectFrom('audit_heads').select(['seq', 'hash']).where('org_id', '=', orgId).executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
}

/** A page of one organisation's chain in seq order, starting after `afterSeq`. */
export async function readChainPage(db: Db, orgId: string, afterSeq: number, limit: number): Promise<AuditRecord[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(rowToRecord);
}

/** Whether an organisation has any audit record (to tell an empty chain from a lost head row). */
export async function hasAuditRecords(db: Db, orgId: string): Promise<boolean> {
  const row = await db.selectFrom('audit_log').select('id').where('org_id', '=', orgId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Filters of the auditor's search; every one optional except the organisations searched. */
export interface AuditSearchFilter {
  orgIds: readonly string[];
  /** an account id, a username, or the actor's display name at the time */
  actor?: string | undefined;
  /** an exact action, or a prefix when it ends with '.' */
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  requestId?: string | undefined;
  /** ISO instants; `at` is text in one fixed format, so text comparison orders it correctly */
  from?: string | undefined;
  to?: string | undefined;
  /** leave out actions with these prefixes and suffixes (the auditor's "changes only") */
  excludeActions?: { prefixes: readonly string[]; suffixes: readonly string[] } | undefined;
  limit: number;
  offset: number;
}

/** Records matching the filter, newest first, with the total count. */
export async function searchAuditRecords(db: Db, filter: AuditSearchFilter): Promise<{ total: number; records: AuditRecord[] }> {
  if (filter.orgIds.length === 0) return { total: 0, records: [] };
  let query = db.selectFrom('audit_log').where('org_id', 'in', [...filter.orgIds]);
  if (filter.actor) {
    const actor = filter.actor;
    // Auditors know people by username; records keep the id and the display name of the time.
    query = query.where((eb) =>
      eb.or([
        eb('actor_id', '=', actor),
        eb('actor_name', '=', actor),
        eb('actor_id', 'in', eb.selectFrom('users').select('id').where('username', '=', actor)),
      ]),
    );
  }
  if (filter.action) {
    query = filter.action.endsWith('.')
      ? query.where(sql<boolean>`substr(action, 1, ${filter.action.length}) = ${filter.action}`)
      : query.where('action', '=', filter.action);
  }
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.requestId) query = query.where('request_id', '=', filter.requestId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  for (const prefix of filter.excludeActions?.prefixes ?? []) {
    query = query.where(sql<boolean>`substr(action, 1, ${prefix.length}) <> ${prefix}`);
  }
  for (const suffix of filter.excludeActions?.suffixes ?? []) {
    query = query.where(sql<boolean>`substr(action, length(action) - ${suffix.length - 1}) <> ${suffix}`);
  }
  const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await query
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('org_id')
    .orderBy('seq', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { total: Number(counted?.n ?? 0), records: rows.map(rowToRecord) };
}

function recordToRow(record: AuditRecord): AuditLogTable {
  return {
    id: record.id,
    org_id: record.orgId,
    seq: record.seq,
    at: record.at,
    actor_id: record.actorId,
    actor_name: record.actorName,
    action: record.action,
    target_type: record.targetType,
    target_id: record.targetId,
    request_id: record.requestId,
    source_ip: record.sourceIp,
    details: JSON.stringify(record.details),
    prev_hash: record.prevHash,
    hash: record.hash,
    alg: record.alg,
  };
}

/**
 * A stored row as a record for verification. A field that no longer parses (details that are not
 * JSON, an unknown algorithm) is passed through as it is, so that verification reports the record
 * as broken instead of the read crashing.
 */
function rowToRecord(row: AuditLogTable): AuditRecord {
  let details: { [key: string]: JsonValue };
  try {
    details = JSON.parse(row.details) as { [key: string]: JsonValue };
  } catch {
    details = { unparseable: row.details };
  }
  return {
    id: row.id,
    orgId: row.org_id,
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    requestId: row.request_id,
    sourceIp: row.source_ip,
    details,
    prevHash: row.prev_hash,
    hash: row.hash,
    // An unknown algorithm is kept as stored; chainHash refuses it and verification names the record.
    alg: row.alg as AuditHashAlgorithm,
  };
}

/** The record at one position of an organisation's chain, or undefined when there is none. */
export async function readChainRecord(db: Db, orgId: string, seq: number): Promise<AuditRecord | undefined> {
  const row = await db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId).where('seq', '=', seq).executeTakeFirst();
  return row ? rowToRecord(row) : undefined;
}

/** The action of the records that anchor a child organisation's head in its parent's chain. */
export const ANCHOR_ACTION = 'audit.anchor';

/** A child's head as anchored in its parent's chain: the anchoring record's seq and the child's point. */
export interface ChainAnchor {
  /** the anchoring record's seq in the parent's chain */
  parentSeq: number;
  childOrgId: string;
  point: ChainPoint;
}

/** The anchors of `childOrgId` recorded in `parentOrgId`'s chain, oldest first (up to `uptoSeq` of the parent). */
export async function listChainAnchors(db: Db, parentOrgId: string, childOrgId: string, uptoSeq?: number): Promise<ChainAnchor[]> {
  let query = db
    .selectFrom('audit_log')
    .select(['seq', 'target_id', 'details'])
    .where('org_id', '=', parentOrgId)
    .where('action', '=', ANCHOR_ACTION)
    .where('target_id', '=', childOrgId);
  if (uptoSeq !== undefined) query = query.where('seq', '<=', uptoSeq);
  const rows = await query.orderBy('seq').execute();
  const anchors: ChainAnchor[] = [];
  for (const row of rows) {
    let details: { seq?: unknown; hash?: unknown };
    try {
      details = JSON.parse(row.details) as { seq?: unknown; hash?: unknown };
    } catch {
      details = {};
    }
    // An unreadable anchor is kept with an impossible point, so that verification reports it.
    const seq = typeof details.seq === 'number' ? details.seq : -1;
    const hash = typeof details.hash === 'string' ? details.hash : '';
    anchors.push({ parentSeq: Number(row.seq), childOrgId: childOrgId, point: { seq, hash } });
  }
  return anchors;
}
