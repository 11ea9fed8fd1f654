/**
 * 三员初始化, step 2: the invitee opens the link. The page shows whom the link is for and the
 * authenticator to bind — made here, on the invitee's first opening, so that nobody else ever saw
 * it. Opening the link again shows the same authenticator.
 */
import type { TOpenedInvitation } from '../../contracts/admin-invitations.js';
import { roleLabel } from '../../domain/access/roles.js';
import { findAdminInvitationByTokenHash, setAdminInvitationTotpSecret } from '../../store/repositories/admin-invitations.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { loadOrgTree, requireOrgById } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { invalidInvitation, requireUsableInvitation } from './admin-invitation-rules.js';
import { createTotpSecret, totpUri } from './totp.js';

/** The invitation of a token with its authenticator. @throws DomainError 'validation' for an unusable link */
export async function openAdministratorInvitation(ctx: ServiceContext, token: string): Promise<TOpenedInvitation> {
  return inTransaction(ctx, async (tx) => {
    let row = await requireUsableInvitation(tx, token);
    if (row.totp_secret === null) {
      await setAdminInvitationTotpSecret(tx.db, row.id, createTotpSecret());
      row = (await findAdminInvitationByTokenHash(tx.db, row.token_hash)) ?? row;
      await recordAudit(tx, {
        orgId: row.org_id,
        action: 'admin-invitation.open',
        targetType: 'admin-invitation',
        targetId: row.id,
        actor: { id: null, name: `${row.display_name}（受邀${roleLabel(row.role)}）` },
        details: { role: row.role, username: row.username },
      });
    }
    const secret = row.totp_secret;
    if (secret === null) throw invalidInvitation();
    const org = requireOrgById(await loadOrgTree(tx.db), row.org_id);
    return {
      role: row.role,
      roleLabel: roleLabel(row.role),
      username: row.username,
      displayName: row.display_name,
      organisation: org.name,
      invitedBy: row.created_by_name,
      expiresAt: row.expires_at,
      enrolment: { secret, uri: totpUri({ secret, accountName: row.username }) },
    };
  });
}
