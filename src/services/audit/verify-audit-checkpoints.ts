/**
 * Checking the audit chains against signed checkpoints kept outside the database
 * (`quanze audit verify --checkpoints FILE`). Every checkpoint in the file must carry a valid SM2
 * signature under the trusted public key (the operator's key file, or a key given on the command
 * line — never the key the checkpoint names itself), and every head it names must still be in the
 * database with the same hash:
 *
 * - a record missing at the checkpointed seq means the end of the chain was cut off (with its head
 *   row, which the chain alone cannot notice);
 * - a different hash there means the chain was rewritten and recomputed.
 *
 * Together with `verifyAuditLog` (every record links to its predecessor up to the head), a
 * checkpointed hash vouches for every record up to it.
 */
import { type AuditCheckpoint, parseCheckpointFile, samePublicKey, verifyCheckpointSignature } from '../../store/audit/audit-checkpoint.js';
import { findChainHead, readChainRecord } from '../../store/audit/audit-log.repository.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';

export type CheckpointFindingReason = 'unreadable' | 'bad-signature' | 'tail-cut' | 'rewritten';

/** One thing wrong, with the checkpoint file's line and a Chinese message. */
export interface CheckpointFinding {
  line: number;
  reason: CheckpointFindingReason;
  orgCode: string | null;
  seq: number | null;
  message: string;
}

export interface CheckpointVerdict {
  ok: boolean;
  /** checkpoints whose signature verified */
  checkpoints: number;
  /** heads compared with the database */
  heads: number;
  /** the newest checkpoint's instant, when any verified */
  latestAt: string | null;
  findings: CheckpointFinding[];
}

/** Verifies every checkpoint of a checkpoint file's text against the database. */
export async function verifyAuditCheckpoints(
  ctx: ServiceContext,
  options: { fileText: string; trustedPublicKey: string },
): Promise<CheckpointVerdict> {
  await requireAllowed(ctx, 'audit.verify', null);
  const findings: CheckpointFinding[] = [];
  let checkpoints = 0;
  let heads = 0;
  let latestAt: string | null = null;
  const parsed = parseCheckpointFile(options.fileText);
  if (parsed.length === 0) {
    findings.push({ line: 0, reason: 'unreadable', orgCode: null, seq: null, message: '检查点文件中没有检查点。' });
  }
  for (const entry of parsed) {
    if ('error' in entry) {
      findings.push({ line: entry.line, reason: 'unreadable', orgCode: null, seq: null, message: `第 ${entry.line} 行：${entry.error}。` });
      continue;
    }
    const checkpoint = entry.checkpoint;
    if (!verifyCheckpointSignature(checkpoint, options.trustedPublicKey)) {
      const foreign = !samePublicKey(checkpoint.publicKey, options.trustedPublicKey);
      findings.push({
        line: entry.line,
        reason: 'bad-signature',
        orgCode: null,
        seq: null,
        message: `第 ${entry.line} 行的检查点${foreign ? '不是用本机构的签名密钥签署的' : '签名无效：内容在签署后被改动'}，不能作为依据。`,
      });
      continue;
    }
    checkpoints++;
    if (latestAt === null || checkpoint.at > latestAt) latestAt = checkpoint.at;
    for (const finding of await compareHeads(ctx, entry.line, checkpoint)) findings.push(finding);
    heads += checkpoint.heads.length;
  }
  return { ok: findings.length === 0, checkpoints, heads, latestAt, findings };
}

async function compareHeads(ctx: ServiceContext, line: number, checkpoint: AuditCheckpoint): Promise<CheckpointFinding[]> {
  const findings: CheckpointFinding[] = [];
  for (const head of checkpoint.heads) {
    if (head.seq === 0) continue;
    const record = await readChainRecord(ctx.db, head.orgId, head.seq);
    const when = `${checkpoint.at} 的检查点`;
    if (record === undefined) {
      const current = await findChainHead(ctx.db, head.orgId);
      findings.push({
        line,
        reason: 'tail-cut',
        orgCode: head.orgCode,
        seq: head.seq,
        message: `${head.orgCode} 的审计链：${when}记录到第 ${head.seq} 条，数据库中${current ? `只到第 ${current.seq} 条` : '已没有这条链'}——末尾记录被删除。`,
      });
    } else if (record.hash !== head.hash) {
      findings.push({
        line,
        reason: 'rewritten',
        orgCode: head.orgCode,
        seq: head.seq,
        message: `${head.orgCode} 的审计链：第 ${head.seq} 条记录的哈希与${when}不符——审计链被改写后重新计算。`,
      });
    }
  }
  return findings;
}
