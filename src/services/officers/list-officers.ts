/** The officers' records with certificates and declared conflicts, for those who run and supervise cases. */
import type { TOfficerListResponse } from '../../contracts/users.js';
import { listConflicts, listOfficers as listOfficerRows } from '../../store/repositories/officers.repository.js';
import { reachableOrgIdsOf, requireAllowed } from '../access/authorize.js';
import { chainOrgIdForRead } from '../audit/chain-org-for-read.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { shanghaiDate } from './local-date.js';
import { presentOfficer } from './present-officer.js';

/** Officers in reach (of one organisation when `orgCode` is given); the read is audited. */
export async function listOfficers(ctx: ServiceContext, options: { orgCode?: string | undefined } = {}): Promise<TOfficerListResponse> {
  const tree = await requireAllowed(ctx, 'officers.read', null);
  let orgIds = reachableOrgIdsOf(ctx.actor, 'officers.read', tree);
  if (options.orgCode !== undefined) {
    const org = requireOrgByCode(tree, options.orgCode);
    await requireAllowed(ctx, 'officers.read', org.id, tree);
    orgIds = [org.id];
  }
  const today = shanghaiDate(ctx.clock());
  return inTransaction(ctx, async (tx) => {
    const rows = await listOfficerRows(tx.db, orgIds);
    const conflicts = await listConflicts(
      tx.db,
      rows.map((r) => r.id),
    );
    await recordAudit(tx, {
      orgId: chainOrgIdForRead(tx, tree, orgIds),
      action: 'officer.list',
      targetType: 'officer',
      targetId: null,
      details: { orgCode: options.orgCode ?? null, count: rows.length },
    });
    return { officers: rows.map((row) => presentOfficer(row, conflicts, tree, today)) };
  });
}
