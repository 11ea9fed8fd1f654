/**
 * Taking an audit checkpoint (审计链检查点): each organisation's chain head is first recorded in its
 * parent's chain (`audit.anchor`, children before parents, so a province's chain ends up vouching
 * for every city below it), then the heads of all chains are read and signed with the installation's
 * SM2 key. The signed checkpoint is returned for the caller (`quanze audit checkpoint --out FILE`)
 * to keep outside the database; nothing of it but the anchors and an `audit.checkpoint` record stays
 * in the database, which is the point.
 *
 * Only the command line (the system actor, which holds the key file) takes checkpoints.
 */
import type { Organisation, OrgTree } from '../../domain/access/organisations.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import {
  type AuditCheckpoint,
  CHECKPOINT_FORMAT,
  type CheckpointHead,
  type SigningKey,
  signCheckpoint,
} from '../../store/audit/audit-checkpoint.js';
import { findChainHead, listChainAnchors } from '../../store/audit/audit-log.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { loadOrgTree } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';

/** Anchors every chain in its parent's, then signs the heads of all chains. */
export async function takeAuditCheckpoint(ctx: ServiceContext, options: { key: SigningKey }): Promise<AuditCheckpoint> {
  if (ctx.actor.kind !== 'system') {
    throw new DomainError(ERROR_CODES.forbidden, '审计链检查点只能由服务器上的命令行（quanze audit checkpoint）生成。');
  }
  return inTransaction(ctx, async (tx) => {
    const tree = await loadOrgTree(tx.db);
    const orgs = [...tree.byId.values()].sort((a, b) => depthOf(b, tree) - depthOf(a, tree) || a.code.localeCompare(b.code));
    let anchored = 0;
    for (const org of orgs) {
      if (org.parentId === null) continue;
      const head = await findChainHead(tx.db, org.id);
      if (head === undefined || head.seq === 0) continue;
      const previous = (await listChainAnchors(tx.db, org.parentId, org.id)).at(-1);
      if (previous !== undefined && previous.point.seq === head.seq && previous.point.hash === head.hash) continue;
      await recordAudit(tx, {
        orgId: org.parentId,
        action: 'audit.anchor',
        targetType: 'audit-log',
        targetId: org.id,
        details: { orgCode: org.code, seq: head.seq, hash: head.hash },
      });
      anchored++;
    }
    for (const root of orgs.filter((o) => o.parentId === null)) {
      await recordAudit(tx, {
        orgId: root.id,
        action: 'audit.checkpoint',
        targetType: 'audit-log',
        targetId: null,
        details: { organisations: orgs.length, anchored, publicKey: options.key.publicKey },
      });
    }
    const heads: CheckpointHead[] = [];
    for (const org of [...orgs].sort((a, b) => a.code.localeCompare(b.code))) {
      const head = await findChainHead(tx.db, org.id);
      if (head === undefined || head.seq === 0) continue;
      heads.push({ orgId: org.id, orgCode: org.code, seq: head.seq, hash: head.hash });
    }
    return signCheckpoint({ format: CHECKPOINT_FORMAT, at: tx.clock().toISOString(), heads }, options.key);
  });
}

function depthOf(org: Organisation, tree: OrgTree): number {
  let depth = 0;
  let parent = org.parentId;
  while (parent !== null && depth < 64) {
    depth++;
    parent = tree.byId.get(parent)?.parentId ?? null;
  }
  return depth;
}
