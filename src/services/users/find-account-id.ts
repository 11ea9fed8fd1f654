/** The id of an account named by its username, for commands that take `--username`. */
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findUserByUsername } from '../../store/repositories/users.repository.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';

/** @throws DomainError 'not-found' for an unknown username */
export async function findAccountId(ctx: ServiceContext, username: string): Promise<string> {
  const tree = await requireAllowed(ctx, 'users.read', null);
  const user = await findUserByUsername(ctx.db, username.trim());
  if (!user) throw new DomainError(ERROR_CODES.notFound, `用户“${username}”不存在。`);
  await requireAllowed(ctx, 'users.read', user.org_id, tree);
  return user.id;
}
