/**
 * Loading an account for a use case on it: the actor must hold the action somewhere, the account
 * must exist, and the actor's grant must reach the account's organisation.
 */
import type { OrgTree } from '../../domain/access/organisations.js';
import type { Action } from '../../domain/access/policies.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findUserById, type UserRow } from '../../store/repositories/users.repository.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';

/**
 * The account `userId` when the actor may perform `action` on it.
 * @throws DomainError 'unauthenticated' / 'forbidden' / 'not-found'
 */
export async function loadUserFor(ctx: ServiceContext, action: Action, userId: string): Promise<{ user: UserRow; tree: OrgTree }> {
  const tree = await requireAllowed(ctx, action, null);
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new DomainError(ERROR_CODES.notFound, '用户不存在。');
  await requireAllowed(ctx, action, user.org_id, tree);
  return { user, tree };
}
