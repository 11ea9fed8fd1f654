/**
 * CSRF protection by a token bound to the session: the server derives it from the session token
 * (which lives only in the HttpOnly cookie) and hands it to the page in the sign-in answer and in
 * GET /api/v1/auth/me; every state-changing request must echo it in the `x-csrf-token` header.
 * A page of another site can make the browser send the cookie (SameSite=Strict already stops
 * most of that) but can neither read the token nor set a custom header without a CORS preflight,
 * which this server never grants. Deriving instead of storing means nothing to keep in sync; the
 * token reveals nothing about the session token (SHA-256 is one-way, and the input is 256 random bits).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The header that carries the token. */
export const CSRF_HEADER = 'x-csrf-token';

/** The CSRF token of a session: base64url SHA-256 of a domain-separated session token. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update('quanze-csrf-v1\u0000', 'utf8').update(sessionToken, 'utf8').digest('base64url');
}

/** Whether `presented` is the CSRF token of the session, compared in constant time. */
export function isValidCsrfToken(sessionToken: string, presented: string | undefined): boolean {
  if (presented === undefined || presented.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken), 'utf8');
  const actual = Buffer.from(presented, 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
