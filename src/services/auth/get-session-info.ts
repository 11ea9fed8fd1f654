/** GET /api/v1/auth/me: the signed-in account, its roles, what it may do, and the CSRF token. */
import type { TSessionInfo } from '../../contracts/auth.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findSessionByTokenHash } from '../../store/repositories/sessions.repository.js';
import { findUserById } from '../../store/repositories/users.repository.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { administratorNotices } from './administrator-notices.js';
import { describeSession } from './describe-session.js';
import { requireUser } from './require-user.js';
import { hashToken } from './session-tokens.js';

/** The session of `sessionToken`, described for its own account. Reading one's own session is not audited. */
export async function getSessionInfo(ctx: ServiceContext, sessionToken: string): Promise<TSessionInfo> {
  const tree = await requireAllowed(ctx, 'account.manageOwn', null);
  const actor = requireUser(ctx);
  const session = await findSessionByTokenHash(ctx.db, hashToken(sessionToken));
  const user = await findUserById(ctx.db, actor.id);
  if (!session || !user || session.user_id !== actor.id) throw new DomainError(ERROR_CODES.unauthenticated, '登录状态已失效，请重新登录。');
  const described = describeSession(ctx, { user, actor, session, token: sessionToken, tree });
  const notices = await administratorNotices(ctx, actor, tree);
  return notices.length > 0 ? { ...described, notices } : described;
}
