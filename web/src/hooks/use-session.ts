/**
 * Who is signed in and what they may do: `useSession` loads GET /api/v1/auth/me once and shares it
 * through TanStack Query, so the header, the menus and the guards all read the same answer. The
 * server checks every action again; the UI only hides what the account could not use.
 */
import type { TAction } from '@contracts/access.js';
import type { TSessionInfo } from '@contracts/auth.js';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fetchSession, login, logout, logoutEverywhere } from '../api/auth-api.js';

/** Query key of the current session. */
export const SESSION_KEY = ['auth', 'me'] as const;

/** Query key of the reason the last session ended (the server's 401 message), for the sign-in page. */
export const SESSION_ENDED_KEY = ['auth', 'ended-reason'] as const;

/** The first segment of the query keys that hold data only a signed-in account may see. */
export const PROTECTED_KEY_ROOT = 'admin';

/** What {@link useSession} answers. */
export interface SessionState {
  /** the session, null when nobody is signed in, undefined while loading */
  session: TSessionInfo | null | undefined;
  isLoading: boolean;
  isSignedIn: boolean;
  /** whether the account may perform `action` on at least one organisation */
  can: (action: TAction) => boolean;
  /** whether it may perform any of `actions` */
  canAny: (actions: readonly TAction[]) => boolean;
}

/** The signed-in account, its roles and allowed actions. */
export function useSession(): SessionState {
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
    // Coming back to the tab shows whether the session outlived the pause (idle timeout).
    refetchOnWindowFocus: true,
    retry: false,
  });
  const session = query.data;
  const allowed = session?.allowedActions;
  const can = useCallback((action: TAction) => allowed?.includes(action) ?? false, [allowed]);
  const canAny = useCallback((actions: readonly TAction[]) => actions.some((action) => allowed?.includes(action) ?? false), [allowed]);
  return { session, isLoading: query.isPending, isSignedIn: Boolean(session), can, canAny };
}

/** Forgets everything the signed-out account could see; `reason` is shown on the sign-in page. */
export function forgetSession(queryClient: QueryClient, reason?: string): void {
  if (reason) queryClient.setQueryData(SESSION_ENDED_KEY, reason);
  queryClient.setQueryData(SESSION_KEY, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] === PROTECTED_KEY_ROOT });
}

/** One sign-in step; a signed-in answer becomes the current session. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (answer) => {
      if (answer.status !== 'signed-in') return;
      // Another account's data must not linger in the cache.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] === PROTECTED_KEY_ROOT });
      queryClient.removeQueries({ queryKey: SESSION_ENDED_KEY });
      queryClient.setQueryData(SESSION_KEY, answer.session);
    },
  });
}

/** Sign-out of this session, or of all the account's sessions with `everywhere`. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ everywhere }: { everywhere: boolean }) => {
      const answer = everywhere ? await logoutEverywhere() : await logout();
      return answer.message;
    },
    onSettled: () => forgetSession(queryClient),
  });
}
