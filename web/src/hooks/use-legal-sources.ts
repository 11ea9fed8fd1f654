/**
 * TanStack Query hooks of the legal-source registry. A written change also refreshes the item
 * pages, whose citation notices are computed against the registry.
 */
import type { TRegistryChangeRequest } from '@contracts/legal-sources-api.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  applyRegistryChange,
  fetchLegalRegistry,
  fetchRegistryRevisions,
  type ImportRegistryOptions,
  importLegalRegistry,
} from '../api/legal-sources-api.js';

/** Query keys of the registry. */
export const legalSourceKeys = {
  registry: ['legal-sources', 'registry'] as const,
  revisions: (limit: number, offset: number) => ['legal-sources', 'revisions', limit, offset] as const,
  all: ['legal-sources'] as const,
};

/** The current registry. */
export function useLegalRegistry() {
  return useQuery({ queryKey: legalSourceKeys.registry, queryFn: ({ signal }) => fetchLegalRegistry(signal) });
}

/** One page of the registry's revisions. */
export function useRegistryRevisions(limit: number, offset: number, enabled: boolean) {
  return useQuery({
    queryKey: legalSourceKeys.revisions(limit, offset),
    queryFn: ({ signal }) => fetchRegistryRevisions({ limit, offset }, signal),
    enabled,
  });
}

function useRefreshAfterWrite() {
  const queryClient = useQueryClient();
  return (answer: { dryRun: boolean; changed: boolean }) => {
    if (answer.dryRun || !answer.changed) return;
    void queryClient.invalidateQueries({ queryKey: legalSourceKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['powerlists', 'items'] });
  };
}

/** Applies (or dry-runs) one registry change. */
export function useRegistryChange() {
  const refresh = useRefreshAfterWrite();
  return useMutation({ mutationFn: (request: TRegistryChangeRequest) => applyRegistryChange(request), onSuccess: refresh });
}

/** Imports (or dry-runs) a registry document. */
export function useRegistryImport() {
  const refresh = useRefreshAfterWrite();
  return useMutation({ mutationFn: (options: ImportRegistryOptions) => importLegalRegistry(options), onSuccess: refresh });
}
