/**
 * The system administrator disables an account (停用): it can no longer sign in and its sessions end.
 *
 * The account's state is checked inside the transaction that changes it, on its row locked for it
 * (issue 8's review): a second, concurrent disabling finds it disabled and is refused.
 *
 * Disabling an account that holds one of the other administrator roles (三员) lets one
 * administrator silence another alone; 三员分立 asks that the third one know. Such a disabling is
 * recorded twice: the ordinary `user.disable`, and a prominent `user.disable-administrator` naming
 * the roles, which the auditor's log shows as a change of its own kind.
 */
import type { TUser } from '../../contracts/users.js';
import { isRoleId, isSeparatedAdminRole } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { listGrantsOfUser } from '../../store/repositories/role-grants.repository.js';
import { revokeSessionsOfUser } from '../../store/repositories/sessions.repository.js';
import { lockUser, updateUser } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadUserFor } from './load-user-for.js';
import { presentUser } from './present-user.js';

/** Disables the account. @throws DomainError 'conflict' for one's own account or one already disabled */
export async function disableUser(ctx: ServiceContext, userId: string): Promise<TUser> {
  const { user: loaded, tree } = await loadUserFor(ctx, 'users.disable', userId);
  return inTransaction(ctx, async (tx) => {
    if (tx.actor.id === loaded.id) throw new DomainError(ERROR_CODES.conflict, '不能停用自己的账号。');
    const user = await lockUser(tx.db, loaded.id);
    if (!user) throw new DomainError(ERROR_CODES.notFound, '用户不存在。');
    if (user.status === 'disabled') throw new DomainError(ERROR_CODES.conflict, '该账号已经停用。');
    const at = tx.clock().toISOString();
    await updateUser(tx.db, user.id, { status: 'disabled', updated_at: at });
    const ended = await revokeSessionsOfUser(tx.db, user.id, at, 'account-disabled');
    await recordAudit(tx, {
      orgId: user.org_id,
      action: 'user.disable',
      targetType: 'user',
      targetId: user.id,
      details: { endedSessions: ended },
    });
    const adminRoles = [...new Set((await listGrantsOfUser(tx.db, user.id)).map((g) => g.role))].filter(
      (role) => isRoleId(role) && isSeparatedAdminRole(role),
    );
    if (adminRoles.length > 0) {
      await recordAudit(tx, {
        orgId: user.org_id,
        action: 'user.disable-administrator',
        targetType: 'user',
        targetId: user.id,
        details: {
          username: user.username,
          roles: adminRoles,
          notice: '一名管理员停用了另一名三员账号；按三员分立，应告知第三名管理员并核实原因。',
        },
      });
    }
    return presentUser({ ...user, status: 'disabled', updated_at: at }, tree);
  });
}
