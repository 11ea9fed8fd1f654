/**
 * The system administrator sets a new initial password for an account (重置密码): the account must
 * change it at its next sign-in, every session of it ends, and a lockout is cleared.
 */
import type { TUser } from '../../contracts/users.js';
import { revokeSessionsOfUser } from '../../store/repositories/sessions.repository.js';
import { updateUser } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { requireAcceptablePassword } from '../auth/password-rules.js';
import { hashPassword } from '../auth/passwords.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadUserFor } from './load-user-for.js';
import { presentUser } from './present-user.js';

/** Replaces the password. @throws DomainError 'validation' (policy), 'forbidden', 'not-found' */
export async function resetUserPassword(ctx: ServiceContext, userId: string, password: string): Promise<TUser> {
  const { user, tree } = await loadUserFor(ctx, 'users.update', userId);
  requireAcceptablePassword(password, user.username, 'password');
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const at = tx.clock().toISOString();
    const changes = {
      password_hash: passwordHash,
      must_change_password: 1,
      // The administrator knows this password: the account can never be given an administrator role.
      password_set_by_admin: tx.actor.kind === 'user' ? 1 : user.password_set_by_admin,
      failed_logins: 0,
      last_failed_at: null,
      locked_until: null,
      updated_at: at,
    };
    await updateUser(tx.db, user.id, changes);
    const ended = await revokeSessionsOfUser(tx.db, user.id, at, 'password-reset');
    await recordAudit(tx, {
      orgId: user.org_id,
      action: 'user.password-reset',
      targetType: 'user',
      targetId: user.id,
      details: { endedSessions: ended },
    });
    return presentUser({ ...user, ...changes }, tree);
  });
}
