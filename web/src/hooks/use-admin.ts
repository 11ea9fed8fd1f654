/**
 * TanStack Query hooks of the administration pages. Every key starts with `admin` so that signing
 * out (or in as someone else) drops all of it from the cache; mutations refresh what they change.
 */
import type {
  TAssignRoleRequest,
  TCreateUserRequest,
  TDeclareConflictRequest,
  TRegisterOfficerRequest,
  TUpdateCertificateRequest,
} from '@contracts/users.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assignRole,
  createUser,
  declareConflict,
  fetchOfficerCandidates,
  fetchOfficers,
  fetchOrganisations,
  fetchRolesOverview,
  fetchUsers,
  registerOfficer,
  resetUserPassword,
  revokeCertificate,
  revokeRole,
  runUserCommand,
  searchAuditLog,
  type UserCommand,
  type UserListFilter,
  updateCertificate,
  verifyAuditLog,
  withdrawConflict,
} from '../api/admin-api.js';
import type { AuditQuery } from '../lib/audit-search.js';
import { PROTECTED_KEY_ROOT } from './use-session.js';

/** Query keys of the administration data. */
export const adminKeys = {
  users: (filter: UserListFilter) => [PROTECTED_KEY_ROOT, 'users', filter.org ?? '', filter.status ?? ''] as const,
  allUsers: [PROTECTED_KEY_ROOT, 'users'] as const,
  roles: [PROTECTED_KEY_ROOT, 'roles'] as const,
  officers: (org: string | null) => [PROTECTED_KEY_ROOT, 'officers', org ?? ''] as const,
  allOfficers: [PROTECTED_KEY_ROOT, 'officers'] as const,
  /** under `allOfficers`: registering an officer, or changing accounts, refreshes it too */
  officerCandidates: (org: string | null) => [PROTECTED_KEY_ROOT, 'officers', 'candidates', org ?? ''] as const,
  audit: (query: AuditQuery) => [PROTECTED_KEY_ROOT, 'audit', query] as const,
};

/** The organisation tree (public, shared by every form with an organisation field). */
export function useOrganisations() {
  return useQuery({ queryKey: ['organisations'], queryFn: ({ signal }) => fetchOrganisations(signal), staleTime: 10 * 60_000 });
}

// ---- accounts ---------------------------------------------------------------------------------

/** The accounts, filtered by organisation and status; disabled when `enabled` is false. */
export function useUsers(filter: UserListFilter, enabled = true) {
  return useQuery({
    queryKey: adminKeys.users(filter),
    queryFn: ({ signal }) => fetchUsers(filter, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.allUsers }),
      queryClient.invalidateQueries({ queryKey: adminKeys.roles }),
      queryClient.invalidateQueries({ queryKey: adminKeys.allOfficers }),
    ]);
}

/** Creates an account. */
export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (request: TCreateUserRequest) => createUser(request), onSuccess: invalidate });
}

/** Sets a new initial password. */
export function useResetUserPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, password }: { userId: string; password: string }) => resetUserPassword(userId, password),
    onSuccess: invalidate,
  });
}

/** Disables, enables, unlocks an account or clears its authenticator. */
export function useUserCommand() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, command }: { userId: string; command: UserCommand }) => runUserCommand(userId, command),
    onSuccess: invalidate,
  });
}

// ---- roles ------------------------------------------------------------------------------------

/** The role catalogue and every account's grants. */
export function useRolesOverview() {
  return useQuery({ queryKey: adminKeys.roles, queryFn: ({ signal }) => fetchRolesOverview(signal) });
}

/** Grants a role. */
export function useAssignRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TAssignRoleRequest) => assignRole(request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.roles }),
  });
}

/** Takes a grant back. */
export function useRevokeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => revokeRole(grantId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.roles }),
  });
}

// ---- audit ------------------------------------------------------------------------------------

/** One page of the audit log. Searches are audited, so results are not refetched behind the auditor's back. */
export function useAuditSearch(query: AuditQuery) {
  return useQuery({
    queryKey: adminKeys.audit(query),
    queryFn: ({ signal }) => searchAuditLog(query, signal),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Recomputes the hash chains. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: (org: string | null) => verifyAuditLog(org) });
}

// ---- officers ---------------------------------------------------------------------------------

/** The officers of one organisation, or of all in reach. */
export function useOfficers(org: string | null) {
  return useQuery({
    queryKey: adminKeys.officers(org),
    queryFn: ({ signal }) => fetchOfficers(org, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * The accounts the register form offers (needs `officers.write` only, not `users.read`); disabled
 * when `enabled` is false. Each fetch is an audited read, so it runs when the form opens.
 */
export function useOfficerCandidates(org: string | null, enabled = true) {
  return useQuery({
    queryKey: adminKeys.officerCandidates(org),
    queryFn: ({ signal }) => fetchOfficerCandidates(org, signal),
    enabled,
  });
}

/** A change to one officer's record. */
export type OfficerChange =
  | { kind: 'register'; request: TRegisterOfficerRequest }
  | { kind: 'certificate'; officerId: string; request: TUpdateCertificateRequest }
  | { kind: 'revoke'; officerId: string; revokedOn: string }
  | { kind: 'declare-conflict'; officerId: string; request: TDeclareConflictRequest }
  | { kind: 'withdraw-conflict'; officerId: string; conflictId: string };

/** Registers an officer or changes a certificate or conflict declaration. */
export function useOfficerChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: OfficerChange) => {
      switch (change.kind) {
        case 'register':
          return registerOfficer(change.request);
        case 'certificate':
          return updateCertificate(change.officerId, change.request);
        case 'revoke':
          return revokeCertificate(change.officerId, change.revokedOn);
        case 'declare-conflict':
          return declareConflict(change.officerId, change.request);
        case 'withdraw-conflict':
          return withdrawConflict(change.officerId, change.conflictId);
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.allOfficers }),
  });
}
