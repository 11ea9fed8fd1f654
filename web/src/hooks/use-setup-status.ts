/**
 * Whether the installation still waits for its first administrator (GET /api/v1/auth/setup).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { completeSetup, fetchSetupStatus } from '../api/auth-api.js';

const SETUP_KEY = ['auth', 'setup'] as const;

/** The setup status. */
export function useSetupStatus() {
  return useQuery({ queryKey: SETUP_KEY, queryFn: ({ signal }) => fetchSetupStatus(signal), staleTime: 30_000 });
}

/** Creates the first system administrator. */
export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: completeSetup, onSuccess: () => queryClient.setQueryData(SETUP_KEY, { setupRequired: false }) });
}
