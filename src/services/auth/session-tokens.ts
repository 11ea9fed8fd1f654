/**
 * Session tokens: 256 random bits handed to the browser in an HttpOnly cookie; the database keeps
 * only their SHA-256, so a leaked sessions table does not let anyone sign in. A session ends after
 * a period without requests (idle timeout) and, whatever the activity, a fixed time after sign-in
 * (absolute timeout).
 */
import { createHash, randomBytes } from 'node:crypto';

/** Bytes of randomness in a session token (256 bits). */
export const SESSION_TOKEN_BYTES = 32;

/** A new session token: 32 random bytes, base64url without padding (43 characters). */
export function newSessionToken(): string {
  return randomBytes(SESSION_TOKEN_BYTES).toString('base64url');
}

/**
 * The value stored for a token and looked up on each request: SHA-256 of its UTF-8 bytes, lower-case
 * hex. A fast hash is enough — the token has 256 bits of entropy, nothing to brute-force — and
 * lookup by hash means no secret is compared byte by byte in application code.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The timestamps of a session that decide whether it has expired. */
export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

/** How long sessions live. */
export interface SessionTimeouts {
  /** minutes without a request after which the session ends */
  idleMinutes: number;
  /** hours after sign-in after which the session ends regardless of activity */
  absoluteHours: number;
}

/** Whether a session is still usable at `now`, and if not, which timeout ended it. */
export type SessionState = 'active' | 'idle-timeout' | 'absolute-timeout';

/**
 * The state of a session at `now`. A session expires at the instant a limit is reached
 * (lastSeenAt + idle, createdAt + absolute); the absolute timeout is reported when both apply.
 */
export function sessionStateAt(session: SessionTimes, now: Date, timeouts: SessionTimeouts): SessionState {
  const nowMs = now.getTime();
  if (nowMs >= session.createdAt.getTime() + timeouts.absoluteHours * 3_600_000) return 'absolute-timeout';
  if (nowMs >= session.lastSeenAt.getTime() + timeouts.idleMinutes * 60_000) return 'idle-timeout';
  return 'active';
}

/** Whether the session has expired at `now` under either timeout. */
export function isSessionExpired(session: SessionTimes, now: Date, timeouts: SessionTimeouts): boolean {
  return sessionStateAt(session, now, timeouts) !== 'active';
}
