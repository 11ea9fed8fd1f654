/**
 * The accounts a head (负责人) or system administrator may register as enforcement officers: the
 * register form's account list. It needs only `officers.write`, not `users.read` — a head may not
 * browse the accounts, so it answers the few fields the form shows, and only for the organisations
 * where the actor may register officers. The read is audited.
 */
import type { TOfficerCandidatesResponse } from '../../contracts/users.js';
import { SEPARATED_ADMIN_ROLES } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { listOfficerCandidates as listCandidateRows } from '../../store/repositories/officers.repository.js';
import { reachableOrgIdsOf, requireAllowed } from '../access/authorize.js';
import { chainOrgIdForRead } from '../audit/chain-org-for-read.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode, requireOrgById } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';

export interface ListOfficerCandidatesOptions {
  /** one organisation only; default: every organisation where the actor may register officers */
  orgCode?: string | undefined;
}

/**
 * Active staff accounts without an officer record, by username.
 * @throws DomainError 'unauthenticated' / 'forbidden' (also for an organisation out of reach),
 *   'not-found' for an unknown organisation code
 */
export async function listOfficerCandidates(
  ctx: ServiceContext,
  options: ListOfficerCandidatesOptions = {},
): Promise<TOfficerCandidatesResponse> {
  const tree = await requireAllowed(ctx, 'officers.write', null);
  let orgIds = reachableOrgIdsOf(ctx.actor, 'officers.write', tree);
  if (options.orgCode !== undefined) {
    const org = requireOrgByCode(tree, options.orgCode);
    await requireAllowed(ctx, 'officers.write', org.id, tree);
    orgIds = [org.id];
  }
  if (orgIds.length === 0) throw new DomainError(ERROR_CODES.forbidden, '您的授权范围内没有组织机构。');
  return inTransaction(ctx, async (tx) => {
    const rows = await listCandidateRows(tx.db, orgIds, SEPARATED_ADMIN_ROLES);
    await recordAudit(tx, {
      orgId: chainOrgIdForRead(tx, tree, orgIds),
      action: 'officer.candidate-list',
      targetType: 'user',
      targetId: null,
      details: { orgCode: options.orgCode ?? null, count: rows.length },
    });
    return {
      candidates: rows.map((row) => ({
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        orgCode: requireOrgById(tree, row.org_id).code,
      })),
    };
  });
}
