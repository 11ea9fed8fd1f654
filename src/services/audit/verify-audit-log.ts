/**
 * Recomputing the audit chains (审计链校验): for each organisation in reach, every record's hash
 * and link from the first to the recorded head, naming the first broken record — and every head
 * the parent organisation's chain anchored for it (`audit.anchor`, written at each checkpoint) must
 * still be in the chain with the same hash, so that a child chain cut short or recomputed on its own
 * shows even without the checkpoint file. Used by the auditor's page and by `quanze audit verify`.
 * The verification is recorded afterwards.
 */
import type { TAuditVerifyResponse, TChainVerdict } from '../../contracts/audit.js';
import type { Organisation } from '../../domain/access/organisations.js';
import { startChainVerification } from '../../store/audit/audit-hash.js';
import {
  findChainHead,
  hasAuditRecords,
  listChainAnchors,
  readChainPage,
  readChainRecord,
} from '../../store/audit/audit-log.repository.js';
import type { Db } from '../../store/database.js';
import { reachableOrgIdsOf, requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode, requireOrgById } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { chainOrgIdForRead } from './chain-org-for-read.js';
import { recordAudit } from './record-audit.js';

const PAGE_SIZE = 1000;

/** Verifies the chain of one organisation (or of every organisation in reach). */
export async function verifyAuditLog(ctx: ServiceContext, options: { orgCode?: string | undefined } = {}): Promise<TAuditVerifyResponse> {
  const tree = await requireAllowed(ctx, 'audit.verify', null);
  let orgIds = reachableOrgIdsOf(ctx.actor, 'audit.verify', tree);
  if (options.orgCode !== undefined) {
    const org = requireOrgByCode(tree, options.orgCode);
    await requireAllowed(ctx, 'audit.verify', org.id, tree);
    orgIds = [org.id];
  }
  const orgs = orgIds.map((id) => requireOrgById(tree, id)).sort((a, b) => a.code.localeCompare(b.code));
  const chains: TChainVerdict[] = [];
  for (const org of orgs) chains.push(await verifyChainOf(ctx.db, org));
  const ok = chains.every((c) => c.ok);
  const verifiedAt = ctx.clock().toISOString();
  // The verdict is returned even when it cannot be recorded: a chain whose head row was deleted
  // refuses new records, and the auditor must still learn why.
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      orgId: chainOrgIdForRead(tx, tree, orgIds),
      action: 'audit.verify',
      targetType: 'audit-log',
      targetId: null,
      details: {
        ok,
        chains: chains.map((c) => ({ orgCode: c.organisation.code, ok: c.ok, count: c.count, brokenAt: c.brokenAt, reason: c.reason })),
      },
    }),
  ).catch((error: unknown) => {
    if (ok) throw error;
  });
  return { ok, verifiedAt, chains };
}

async function verifyChainOf(db: Db, org: Organisation): Promise<TChainVerdict> {
  const organisation = { code: org.code, name: org.name };
  // The head is read first and records only up to it: records appended while we read are the next
  // verification's business, not a false "cut-off tail".
  const head = await findChainHead(db, org.id);
  if (head === undefined) {
    if (await hasAuditRecords(db, org.id)) {
      return {
        organisation,
        ok: false,
        count: 0,
        head: null,
        brokenAt: null,
        recordId: null,
        reason: 'head-mismatch',
        message: `${org.name}的审计链有记录，但链头登记缺失：链头被删除。`,
      };
    }
    return {
      organisation,
      ok: true,
      count: 0,
      head: null,
      brokenAt: null,
      recordId: null,
      reason: null,
      message: `${org.name}尚无审计记录。`,
    };
  }
  const verifier = startChainVerification({ head });
  let afterSeq = 0;
  for (;;) {
    const page = (await readChainPage(db, org.id, afterSeq, PAGE_SIZE)).filter((r) => r.seq <= head.seq);
    let broken = false;
    for (const record of page) {
      if (verifier.add(record) !== null) {
        broken = true;
        break;
      }
    }
    const last = page.at(-1);
    if (broken || last === undefined || page.length < PAGE_SIZE) break;
    afterSeq = last.seq;
  }
  const result = verifier.finish();
  const anchorBreak = result.ok ? await checkAnchors(db, org, head) : null;
  if (anchorBreak !== null) {
    return {
      organisation,
      ok: false,
      count: result.count,
      head,
      brokenAt: anchorBreak.seq,
      recordId: null,
      reason: 'anchor-mismatch',
      message: `${org.name}的审计链在第 ${anchorBreak.seq} 条处断开：${anchorBreak.message}`,
    };
  }
  if (result.ok) {
    return {
      organisation,
      ok: true,
      count: result.count,
      head,
      brokenAt: null,
      recordId: null,
      reason: null,
      message: `${org.name}的审计链完整：共 ${result.count} 条记录。`,
    };
  }
  return {
    organisation,
    ok: false,
    count: result.count,
    head,
    brokenAt: result.brokenAt,
    recordId: result.id,
    reason: result.reason,
    message: `${org.name}的审计链在第 ${result.brokenAt} 条处断开：${result.message}`,
  };
}

/**
 * The first head anchored in the parent's chain that this chain no longer holds: missing (the
 * tail was cut) or with another hash (the chain was recomputed). Null when every anchor holds.
 */
async function checkAnchors(db: Db, org: Organisation, head: { seq: number }): Promise<{ seq: number; message: string } | null> {
  if (org.parentId === null) return null;
  for (const anchor of await listChainAnchors(db, org.parentId, org.id)) {
    const record = anchor.point.seq >= 1 ? await readChainRecord(db, org.id, anchor.point.seq) : undefined;
    if (record === undefined || anchor.point.seq > head.seq) {
      return {
        seq: anchor.point.seq,
        message: `上级机构审计链第 ${anchor.parentSeq} 条登记本链已有 ${anchor.point.seq} 条记录，现只到第 ${head.seq} 条：末尾记录被删除。`,
      };
    }
    if (record.hash !== anchor.point.hash) {
      return {
        seq: anchor.point.seq,
        message: `第 ${anchor.point.seq} 条记录的哈希与上级机构审计链第 ${anchor.parentSeq} 条登记的不符：审计链被改写后重新计算。`,
      };
    }
  }
  return null;
}
