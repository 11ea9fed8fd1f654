/** 三员初始化: the bootstrap's state and the invitation mutations. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { acceptInvitation, fetchAdministratorBootstrap, inviteAdministrator, openInvitation } from '../api/admin-invitations-api.js';

const KEY = ['admin-invitations'] as const;

/** Where the two roles stand (system administrator). */
export function useAdministratorBootstrap(enabled = true) {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => fetchAdministratorBootstrap(signal), enabled });
}

/** Makes an invitation link. */
export function useInviteAdministrator() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: inviteAdministrator, onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }) });
}

/** Reads the invitation of a token (once per page: a mutation, so a refocus does not repeat it). */
export function useOpenInvitation() {
  return useMutation({ mutationFn: openInvitation });
}

/** Accepts the invitation. */
export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}
