/**
 * The administration API: accounts (/api/v1/users, system administrator), role grants
 * (/api/v1/roles, security administrator), the audit log (/api/v1/audit, security auditor),
 * enforcement officers (/api/v1/officers) and the organisation tree (/api/v1/organisations).
 */

import type { TAuditSearchResponse, TAuditVerifyResponse } from '@contracts/audit.js';
import type { TOrganisationListResponse } from '@contracts/organisations.js';
import type {
  TAssignRoleRequest,
  TCreateUserRequest,
  TDeclareConflictRequest,
  TOfficer,
  TOfficerCandidatesResponse,
  TOfficerListResponse,
  TRegisterOfficerRequest,
  TRoleGrant,
  TRolesOverview,
  TUpdateCertificateRequest,
  TUser,
  TUserListResponse,
  TUserStatus,
} from '@contracts/users.js';
import type { AuditQuery } from '../lib/audit-search.js';
import { getJson, requestJson, withQuery } from './http.js';

const V1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

// ---- organisations ----------------------------------------------------------------------------

/** Every organisation, parents before children (public). */
export function fetchOrganisations(signal?: AbortSignal): Promise<TOrganisationListResponse> {
  return getJson(`${V1}/organisations`, signal);
}

// ---- accounts ---------------------------------------------------------------------------------

/** Filters of the account list. */
export interface UserListFilter {
  org?: string | null;
  status?: TUserStatus | null;
}

/** The accounts of the organisations the administrator reaches. */
export function fetchUsers(filter: UserListFilter, signal?: AbortSignal): Promise<TUserListResponse> {
  return getJson(withQuery(`${V1}/users`, { org: filter.org, status: filter.status }), signal);
}

/** Creates an account with an initial password (changed at its first sign-in). */
export function createUser(request: TCreateUserRequest): Promise<TUser> {
  return requestJson(`${V1}/users`, { method: 'POST', body: request });
}

/** Sets a new initial password; the account's sessions end. */
export function resetUserPassword(userId: string, password: string): Promise<TUser> {
  return requestJson(`${V1}/users/${id(userId)}/password`, { method: 'POST', body: { password } });
}

/** Account actions without a body. */
export type UserCommand = 'disable' | 'enable' | 'unlock' | 'totp-reset';

/** Disables, enables, unlocks an account or clears its authenticator. */
export function runUserCommand(userId: string, command: UserCommand): Promise<TUser> {
  return requestJson(`${V1}/users/${id(userId)}/${command}`, { method: 'POST' });
}

// ---- roles ------------------------------------------------------------------------------------

/** The role catalogue with its policies, and every account's grants. */
export function fetchRolesOverview(signal?: AbortSignal): Promise<TRolesOverview> {
  return getJson(`${V1}/roles`, signal);
}

/** Grants a role on an organisation (or its subtree). The server refuses a second 三员 role. */
export function assignRole(request: TAssignRoleRequest): Promise<TRoleGrant> {
  return requestJson(`${V1}/roles/grants`, { method: 'POST', body: request });
}

/** Takes a grant back. */
export function revokeRole(grantId: string): Promise<void> {
  return requestJson(`${V1}/roles/grants/${id(grantId)}`, { method: 'DELETE' });
}

// ---- audit ------------------------------------------------------------------------------------

/** Searches the audit log, newest first. */
export function searchAuditLog(query: AuditQuery, signal?: AbortSignal): Promise<TAuditSearchResponse> {
  return getJson(withQuery(`${V1}/audit/records`, { ...query }), signal);
}

/** Recomputes the hash chains the auditor reaches and names the first broken record of each. */
export function verifyAuditLog(org?: string | null): Promise<TAuditVerifyResponse> {
  return getJson(withQuery(`${V1}/audit/verify`, { org }));
}

// ---- officers ---------------------------------------------------------------------------------

/** The officers of the organisations in reach, with certificates and declared conflicts. */
export function fetchOfficers(org: string | null, signal?: AbortSignal): Promise<TOfficerListResponse> {
  return getJson(withQuery(`${V1}/officers`, { org }), signal);
}

/**
 * The accounts that may be registered as officers — active staff without an officer record — of
 * `org`, or of every organisation where the signed-in account may register officers.
 */
export function fetchOfficerCandidates(org: string | null, signal?: AbortSignal): Promise<TOfficerCandidatesResponse> {
  return getJson(withQuery(`${V1}/officers/candidates`, { org }), signal);
}

/** Registers an account as an officer with its certificate. */
export function registerOfficer(request: TRegisterOfficerRequest): Promise<TOfficer> {
  return requestJson(`${V1}/officers`, { method: 'POST', body: request });
}

/** Records a new or renewed certificate. */
export function updateCertificate(officerId: string, request: TUpdateCertificateRequest): Promise<TOfficer> {
  return requestJson(`${V1}/officers/${id(officerId)}/certificate`, { method: 'PUT', body: request });
}

/** Records that the certificate was revoked or cancelled on `revokedOn`. */
export function revokeCertificate(officerId: string, revokedOn: string): Promise<TOfficer> {
  return requestJson(`${V1}/officers/${id(officerId)}/certificate/revoke`, { method: 'POST', body: { revokedOn } });
}

/** Declares a conflict of interest with a party. */
export function declareConflict(officerId: string, request: TDeclareConflictRequest): Promise<TOfficer> {
  return requestJson(`${V1}/officers/${id(officerId)}/conflicts`, { method: 'POST', body: request });
}

/** Withdraws a declared conflict. */
export function withdrawConflict(officerId: string, conflictId: string): Promise<TOfficer> {
  return requestJson(`${V1}/officers/${id(officerId)}/conflicts/${id(conflictId)}`, { method: 'DELETE' });
}
