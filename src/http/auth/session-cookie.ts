/**
 * The session cookie: `quanze_session`, the 256-bit token itself (the database keeps its hash),
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/, and
 * Secure whenever the request came over https (directly or, with QUANZE_TRUST_PROXY, through a
 * proxy). No Max-Age: the server's idle and absolute timeouts decide how long it works.
 */
import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'quanze_session';

/** Sets the session cookie on the reply. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', path: '/' });
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', path: '/' });
}

/** The session token the request carries, if any. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const value = request.cookies[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}
