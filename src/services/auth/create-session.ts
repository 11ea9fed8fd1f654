/**
 * Opens a session for an account: a new random token for the cookie, its hash in the database.
 * Called by sign-in once every factor has been checked; it does not audit (the caller does).
 */
import { insertSession, type SessionRow } from '../../store/repositories/sessions.repository.js';
import type { UserRow } from '../../store/repositories/users.repository.js';
import type { ServiceContext } from '../context.js';
import { hashToken, newSessionToken } from './session-tokens.js';

export interface CreatedSession {
  /** the token for the cookie; never stored, never logged */
  token: string;
  session: SessionRow;
}

/** Stores a new session of `user` and returns its token. */
export async function createSession(ctx: ServiceContext, user: Pick<UserRow, 'id' | 'org_id'>): Promise<CreatedSession> {
  const token = newSessionToken();
  const now = ctx.clock();
  const session: SessionRow = {
    id: ctx.newId(),
    token_hash: hashToken(token),
    user_id: user.id,
    org_id: user.org_id,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ctx.settings.sessionTimeouts.absoluteHours * 3_600_000).toISOString(),
    revoked_at: null,
    revoke_reason: null,
    ip: ctx.request.sourceIp,
    user_agent: ctx.request.userAgent?.slice(0, 300) ?? null,
  };
  await insertSession(ctx.db, session);
  return { token, session };
}
