/** The signed-in account a use case acts for. */
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import type { ServiceContext, UserActor } from '../context.js';

/** The context's actor when it is a signed-in account. @throws DomainError 'unauthenticated' */
export function requireUser(ctx: ServiceContext): UserActor {
  if (ctx.actor.kind !== 'user') throw new DomainError(ERROR_CODES.unauthenticated, '请先登录。');
  return ctx.actor;
}
