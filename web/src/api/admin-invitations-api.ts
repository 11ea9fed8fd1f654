/**
 * 三员初始化 (/api/v1/admin-invitations): the system administrator's view and invitations, and the
 * invitee's public link page (open the invitation, accept it with own password and code).
 */
import type {
  TAcceptedInvitation,
  TAcceptInvitationRequest,
  TAdministratorBootstrap,
  TAdministratorInvitationLink,
  TInviteAdministratorRequest,
  TOpenedInvitation,
} from '@contracts/admin-invitations.js';
import { getJson, requestJson } from './http.js';

const BASE = '/api/v1/admin-invitations';

/** Whether the security administrator and the auditor exist or are invited. */
export function fetchAdministratorBootstrap(signal?: AbortSignal): Promise<TAdministratorBootstrap> {
  return getJson(BASE, signal);
}

/** Makes a one-time link for one of the two roles (shown once). */
export function inviteAdministrator(request: TInviteAdministratorRequest): Promise<TAdministratorInvitationLink> {
  return requestJson(BASE, { method: 'POST', body: request });
}

/** The invitee's page reads its invitation; the token is the credential (no session, no CSRF). */
export function openInvitation(token: string): Promise<TOpenedInvitation> {
  return requestJson(`${BASE}/open`, { method: 'POST', body: { token }, notifyUnauthorized: false, csrf: false });
}

/** The invitee sets their password and confirms the authenticator; the account is created. */
export function acceptInvitation(request: TAcceptInvitationRequest): Promise<TAcceptedInvitation> {
  return requestJson(`${BASE}/accept`, { method: 'POST', body: request, notifyUnauthorized: false, csrf: false });
}
