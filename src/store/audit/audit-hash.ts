/**
 * The tamper-evident audit chain (docs/adr/0001-audit-hash-chain.md).
 *
 * Each organisation has its own chain of audit records numbered seq = 1, 2, 3, … Every record
 * carries the hash of the one before it (64 zeros before the first) and its own hash:
 *
 *   hash = lower-hex( H( UTF-8(prevHash) ‖ UTF-8(canonicalRecord(record)) ) )
 *
 * where prevHash is the 64 lower-case hex characters of the previous hash, canonicalRecord is the
 * RFC 8785 (JCS) serialisation of the record's fields except prevHash and hash, and H is SM3
 * (GB/T 32905-2016, the default) or SHA-256, as named by the record's own `alg` field — which is
 * itself hashed, so an algorithm cannot be swapped after the fact. Changing, deleting or reordering
 * a record breaks the chain at that record or the next one; `verifyChain` names the first break.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The hash functions a chain may use. */
export const AUDIT_HASH_ALGORITHMS = ['sm3', 'sha256'] as const;
export type AuditHashAlgorithm = (typeof AUDIT_HASH_ALGORITHMS)[number];

/** The algorithm new records use unless configured otherwise: SM3, the national standard. */
export const DEFAULT_AUDIT_HASH_ALGORITHM: AuditHashAlgorithm = 'sm3';

/** The prevHash of the first record of every chain: 64 zeros (both algorithms give 32 bytes). */
export const GENESIS_PREV_HASH = '0'.repeat(64);

/** A JSON value as stored in `details`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One audit record as stored. */
export interface AuditRecord {
  /** UUID v7 */
  id: string;
  /** the organisation whose chain holds the record */
  orgId: string;
  /** position in the organisation's chain, from 1, without gaps */
  seq: number;
  /** the instant, ISO 8601 UTC with milliseconds: 2026-11-26T08:30:00.000Z (stored verbatim) */
  at: string;
  /** the acting account; null for the system itself (migrations, scheduled jobs) */
  actorId: string | null;
  /** the actor's display name at the time, kept because accounts can be renamed */
  actorName: string;
  /** what happened: 'case.open', 'user.create', 'session.create' … */
  action: string;
  /** the kind of thing acted on: 'case', 'user', 'powerlist' … */
  targetType: string;
  targetId: string | null;
  requestId: string | null;
  sourceIp: string | null;
  /** what changed, as a JSON object (no secrets: never passwords, tokens or TOTP secrets) */
  details: { [key: string]: JsonValue };
  prevHash: string;
  hash: string;
  alg: AuditHashAlgorithm;
}

/** The fields of a record that are hashed: everything except the chain links themselves. */
export type AuditRecordContent = Omit<AuditRecord, 'prevHash' | 'hash'>;

/**
 * The RFC 8785 canonical JSON of a record's content. The fields are picked by name, so extra
 * properties a database row may carry are never hashed; missing nullable fields count as null.
 */
export function canonicalRecord(record: AuditRecordContent): string {
  const content = {
    id: record.id,
    orgId: record.orgId,
    seq: record.seq,
    at: record.at,
    actorId: record.actorId ?? null,
    actorName: record.actorName,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId ?? null,
    requestId: record.requestId ?? null,
    sourceIp: record.sourceIp ?? null,
    details: record.details,
    alg: record.alg,
  };
  const json = canonicalize(content);
  if (json === undefined) throw new TypeError('audit record cannot be serialised');
  return json;
}

/**
 * The hash linking a record to its predecessor: lower-case hex of
 * H(UTF-8(prevHash) ‖ UTF-8(canonicalRecord(record))).
 * @throws TypeError for a prevHash that is not 64 lower-case hex characters or an unknown algorithm.
 */
export function chainHash(prevHash: string, record: AuditRecordContent, algorithm: AuditHashAlgorithm): string {
  if (!isHashHex(prevHash)) throw new TypeError(`prevHash must be 64 lower-case hex characters: ${prevHash}`);
  if (!AUDIT_HASH_ALGORITHMS.includes(algorithm)) throw new TypeError(`unknown audit hash algorithm: ${String(algorithm)}`);
  return createHash(algorithm).update(prevHash, 'utf8').update(canonicalRecord(record), 'utf8').digest('hex');
}

const ISO_UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Completes a new record with its links: prevHash is the hash of the chain's current head
 * (GENESIS_PREV_HASH for seq 1) and hash is computed with the record's own `alg`.
 * @throws TypeError when the record would not verify later (bad seq, instant or prevHash).
 */
export function sealAuditRecord(prevHash: string, content: AuditRecordContent): AuditRecord {
  if (!Number.isSafeInteger(content.seq) || content.seq < 1) throw new TypeError(`audit seq must be a positive integer: ${content.seq}`);
  if (content.seq === 1 && prevHash !== GENESIS_PREV_HASH) throw new TypeError('the first record of a chain links to the genesis hash');
  // The instant is hashed as text; a fixed format keeps it identical after a database round trip.
  if (!ISO_UTC_MILLIS.test(content.at)) throw new TypeError(`audit instant must look like 2026-11-26T08:30:00.000Z: ${content.at}`);
  if (typeof content.details !== 'object' || content.details === null || Array.isArray(content.details)) {
    throw new TypeError('audit details must be a JSON object');
  }
  return { ...content, prevHash, hash: chainHash(prevHash, content, content.alg) };
}

/** Why a chain is broken at a record. */
export type ChainBreakReason =
  /** the record's content does not hash to its stored hash: a field was changed */
  | 'hash-mismatch'
  /** the record's seq is not the next number: a record was deleted, inserted or moved */
  | 'sequence-gap'
  /** the record's prevHash is not the previous record's hash: a record was replaced or moved */
  | 'prev-mismatch'
  /** the record belongs to another organisation's chain */
  | 'org-mismatch'
  /** the chain ends elsewhere than its recorded head: records were cut off the end */
  | 'head-mismatch';

/** The first break of a chain: the seq where it shows, the record's id, and a Chinese message. */
export interface ChainBreak {
  ok: false;
  brokenAt: number;
  /** the record where the break shows; null when records are missing at the end */
  id: string | null;
  reason: ChainBreakReason;
  message: string;
  /** records verified intact before the break */
  count: number;
}

/** An intact chain: how many records were checked and where it ends. */
export interface ChainIntact {
  ok: true;
  count: number;
  /** seq and hash of the last record (of `start` when no record was given) */
  lastSeq: number;
  lastHash: string;
}

export type VerifyChainResult = ChainIntact | ChainBreak;

/** A known point of a chain: the seq of a record and its hash. */
export interface ChainPoint {
  seq: number;
  hash: string;
}

export interface VerifyChainOptions {
  /** verify a tail only: the already-verified record just before the first one given */
  start?: ChainPoint;
  /** the chain head recorded elsewhere (the per-organisation head row, a parent's anchor) */
  head?: ChainPoint;
}

/** A verifier fed one record at a time, for chains too long to load at once. */
export interface ChainVerifier {
  /** checks the next record (in seq order); returns the break, if this record shows one */
  add(record: AuditRecord): ChainBreak | null;
  /** the verdict after the last record (checks the head, when one was given) */
  finish(): VerifyChainResult;
}

/** Starts verifying one organisation's chain from its genesis or from `options.start`. */
export function startChainVerification(options: VerifyChainOptions = {}): ChainVerifier {
  let expectedSeq = (options.start?.seq ?? 0) + 1;
  let expectedPrev = options.start?.hash ?? GENESIS_PREV_HASH;
  let orgId: string | undefined;
  let count = 0;
  let failure: ChainBreak | null = null;

  const broken = (record: AuditRecord, reason: ChainBreakReason, message: string): ChainBreak => {
    failure = { ok: false, brokenAt: record.seq, id: record.id, reason, message, count };
    return failure;
  };

  return {
    add(record) {
      if (failure !== null) return failure;
      orgId ??= record.orgId;
      if (record.orgId !== orgId) {
        return broken(record, 'org-mismatch', `第 ${record.seq} 条记录属于其他组织机构的审计链。`);
      }
      if (record.seq !== expectedSeq) {
        const message =
          record.seq > expectedSeq
            ? `第 ${expectedSeq} 条${record.seq - expectedSeq > 1 ? `至第 ${record.seq - 1} 条` : ''}记录缺失（下一条记录的序号为 ${record.seq}）。`
            : `记录序号倒退或重复：应为第 ${expectedSeq} 条，实为第 ${record.seq} 条。`;
        return broken(record, 'sequence-gap', message);
      }
      if (record.prevHash !== expectedPrev) {
        return broken(
          record,
          'prev-mismatch',
          `第 ${record.seq} 条记录的前序哈希与第 ${record.seq - 1} 条记录的哈希不一致：前序记录被替换或顺序被调整。`,
        );
      }
      let actual: string;
      try {
        actual = chainHash(record.prevHash, record, record.alg);
      } catch {
        return broken(
          record,
          'hash-mismatch',
          `第 ${record.seq} 条记录无法计算哈希（算法“${String(record.alg)}”未知或内容不是合法 JSON）。`,
        );
      }
      if (actual !== record.hash) {
        return broken(record, 'hash-mismatch', `第 ${record.seq} 条记录的内容与其哈希不符：记录被修改。`);
      }
      count++;
      expectedSeq = record.seq + 1;
      expectedPrev = record.hash;
      return null;
    },
    finish() {
      if (failure !== null) return failure;
      const lastSeq = expectedSeq - 1;
      const head = options.head;
      if (head !== undefined && (head.seq !== lastSeq || head.hash !== expectedPrev)) {
        const message =
          head.seq > lastSeq
            ? `审计链应有 ${head.seq} 条记录，实际只到第 ${lastSeq} 条：末尾记录被删除。`
            : `审计链末尾（第 ${lastSeq} 条）与登记的链头（第 ${head.seq} 条）不一致。`;
        failure = { ok: false, brokenAt: lastSeq + 1, id: null, reason: 'head-mismatch', message, count };
        return failure;
      }
      return { ok: true, count, lastSeq, lastHash: expectedPrev };
    },
  };
}

/**
 * Verifies one organisation's chain, given its records in seq order, and names the first broken
 * record: a changed record fails its own hash ('hash-mismatch'), a deleted or moved one shows as a
 * 'sequence-gap' or 'prev-mismatch' at the next record, a cut-off end as 'head-mismatch' when the
 * recorded head is passed in.
 */
export function verifyChain(records: Iterable<AuditRecord>, options: VerifyChainOptions = {}): VerifyChainResult {
  const verifier = startChainVerification(options);
  for (const record of records) {
    if (verifier.add(record) !== null) break;
  }
  return verifier.finish();
}

function isHashHex(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
