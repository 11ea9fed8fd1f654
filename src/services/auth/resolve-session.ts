/**
 * Turns the session cookie of a request into its actor. A session ends after 30 minutes without a
 * request (idle) and 12 hours after sign-in (absolute) — the limits come from the settings — and
 * when its account is disabled. An ended session is marked revoked and, the first time it is
 * noticed, its end is audited.
 */
import { findSessionByTokenHash, revokeSession, type SessionRow, touchSession } from '../../store/repositories/sessions.repository.js';
import { findUserById, type UserRow } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext, UserActor } from '../context.js';
import { inTransaction } from '../transaction.js';
import { hashToken, sessionStateAt } from './session-tokens.js';
import { userActorOf } from './user-actor.js';

/** Activity is written at most once a minute per session: idle time is measured to the minute. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionResolution =
  | { status: 'active'; actor: UserActor; session: SessionRow; user: UserRow }
  | { status: 'ended'; message: string };

const UNKNOWN: SessionResolution = { status: 'ended', message: '登录状态已失效，请重新登录。' };

/** The actor of a session token, or why there is none. */
export async function resolveSession(ctx: ServiceContext, token: string): Promise<SessionResolution> {
  // A cookie that cannot be one of our tokens is not looked up at all.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return UNKNOWN;
  const session = await findSessionByTokenHash(ctx.db, hashToken(token));
  if (!session) return UNKNOWN;
  if (session.revoked_at !== null) {
    return { status: 'ended', message: session.revoke_reason === 'logout' ? '您已登出，请重新登录。' : '登录已结束，请重新登录。' };
  }
  const now = ctx.clock();
  const timeouts = ctx.settings.sessionTimeouts;
  const state = sessionStateAt({ createdAt: new Date(session.created_at), lastSeenAt: new Date(session.last_seen_at) }, now, timeouts);
  if (state !== 'active') {
    const message =
      state === 'idle-timeout'
        ? `超过 ${timeouts.idleMinutes} 分钟没有操作，登录已自动结束，请重新登录。`
        : `登录已超过 ${timeouts.absoluteHours} 小时，请重新登录。`;
    await endSession(ctx, session, state, null);
    return { status: 'ended', message };
  }
  const user = await findUserById(ctx.db, session.user_id);
  if (user?.status !== 'active') {
    await endSession(ctx, session, 'account-disabled', user ?? null);
    return { status: 'ended', message: '该账号已停用，请联系系统管理员。' };
  }
  if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_INTERVAL_MS) await touchSession(ctx.db, session.id, now.toISOString());
  return { status: 'active', actor: await userActorOf(ctx.db, user, session.id), session, user };
}

async function endSession(ctx: ServiceContext, session: SessionRow, reason: string, user: UserRow | null): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const wasOpen = await revokeSession(tx.db, session.id, tx.clock().toISOString(), reason);
    if (!wasOpen) return;
    const owner = user ?? (await findUserById(tx.db, session.user_id));
    await recordAudit(tx, {
      orgId: session.org_id,
      action: 'session.expire',
      targetType: 'session',
      targetId: session.id,
      actor: { id: session.user_id, name: owner?.display_name ?? session.user_id },
      details: { reason, createdAt: session.created_at, lastSeenAt: session.last_seen_at },
    });
  });
}
