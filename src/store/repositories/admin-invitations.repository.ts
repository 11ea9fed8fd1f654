/** One-time invitations of the security administrator and the security auditor; only token hashes are stored. */
import type { Db } from '../database.js';
import type { AdminInvitationsTable } from '../tables/schema.js';

export type AdminInvitationRow = AdminInvitationsTable;

/** Insert an invitation. */
export async function insertAdminInvitation(db: Db, row: AdminInvitationRow): Promise<void> {
  await db.insertInto('admin_invitations').values(row).execute();
}

/** The invitation whose token hash is `tokenHash`, or undefined. */
export function findAdminInvitationByTokenHash(db: Db, tokenHash: string): Promise<AdminInvitationRow | undefined> {
  return db.selectFrom('admin_invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Invitations neither accepted nor replaced (expired ones included: the caller compares with its clock). */
export function listOpenAdminInvitations(db: Db, orgId: string): Promise<AdminInvitationRow[]> {
  return db
    .selectFrom('admin_invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('used_at', 'is', null)
    .where('retired_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Retire every open invitation for a role (a new link replaces the old one); returns how many. */
export async function retireAdminInvitations(db: Db, orgId: string, role: AdminInvitationRow['role'], at: string): Promise<number> {
  const result = await db
    .updateTable('admin_invitations')
    .set({ retired_at: at })
    .where('org_id', '=', orgId)
    .where('role', '=', role)
    .where('used_at', 'is', null)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Store the authenticator secret made when the invitee first opened the link (only if none is stored yet). */
export async function setAdminInvitationTotpSecret(db: Db, id: string, secret: string): Promise<void> {
  await db.updateTable('admin_invitations').set({ totp_secret: secret }).where('id', '=', id).where('totp_secret', 'is', null).execute();
}

/** Mark an invitation accepted; returns whether it was still open (a link works once, even under races). */
export async function useAdminInvitation(db: Db, id: string, userId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('admin_invitations')
    .set({ used_at: at, user_id: userId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Active accounts holding `role` on the organisation, with their authenticator state. */
export function listActiveRoleHolders(
  db: Db,
  orgId: string,
  role: string,
): Promise<{ id: string; username: string; display_name: string; totp_enabled: number }[]> {
  return db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.totp_enabled'])
    .where('role_grants.org_id', '=', orgId)
    .where('role_grants.role', '=', role)
    .where('users.status', '=', 'active')
    .orderBy('role_grants.granted_at')
    .execute();
}
