/**
 * TanStack Query hooks over the case API. Keys start with the protected root so that signing out
 * drops every case from the cache; every change writes the answered case into its query and
 * refreshes the lists.
 */
import type { TAdjustDeadlineRequest, TCase, TOpenCaseRequest, TTransitionRequest } from '@contracts/cases.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  adjustDeadline,
  assignOfficers,
  type CaseListFilter,
  fetchCase,
  fetchCases,
  linkCase,
  openCase,
  transitionCase,
} from '../api/cases-api.js';
import { PROTECTED_KEY_ROOT } from './use-session.js';

export const caseKeys = {
  all: [PROTECTED_KEY_ROOT, 'cases'] as const,
  list: (query: CaseListFilter) => [PROTECTED_KEY_ROOT, 'cases', 'list', query] as const,
  one: (id: string) => [PROTECTED_KEY_ROOT, 'cases', 'one', id] as const,
};

/** A page of cases; the previous page stays on screen while the next one loads. */
export function useCases(query: CaseListFilter, enabled = true) {
  return useQuery({
    queryKey: caseKeys.list(query),
    queryFn: ({ signal }) => fetchCases(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One case; disabled while `id` is null. */
export function useCase(id: string | null) {
  return useQuery({
    queryKey: caseKeys.one(id ?? ''),
    queryFn: ({ signal }) => fetchCase(id ?? '', signal),
    enabled: id !== null,
    retry: false,
  });
}

/** Remembers the case the server answered and marks the lists stale. */
function useCaseAnswer() {
  const queryClient = useQueryClient();
  return (kase: TCase) => {
    queryClient.setQueryData(caseKeys.one(kase.id), kase);
    void queryClient.invalidateQueries({ queryKey: [PROTECTED_KEY_ROOT, 'cases', 'list'] });
    // Links are shown on both cases: the other one changed too.
    for (const link of kase.links) void queryClient.invalidateQueries({ queryKey: caseKeys.one(link.caseId) });
  };
}

export function useOpenCase() {
  const remember = useCaseAnswer();
  return useMutation({ mutationFn: (request: TOpenCaseRequest) => openCase(request), onSuccess: remember });
}

export function useTransitionCase(id: string) {
  const remember = useCaseAnswer();
  return useMutation({ mutationFn: (request: TTransitionRequest) => transitionCase(id, request), onSuccess: remember });
}

export function useAssignOfficers(id: string) {
  const remember = useCaseAnswer();
  return useMutation({
    mutationFn: ({ expectedVersion, officerIds }: { expectedVersion: number; officerIds: string[] }) =>
      assignOfficers(id, expectedVersion, officerIds),
    onSuccess: remember,
  });
}

export function useLinkCase(id: string) {
  const remember = useCaseAnswer();
  return useMutation({
    mutationFn: ({ expectedVersion, otherCaseId }: { expectedVersion: number; otherCaseId: string }) =>
      linkCase(id, expectedVersion, otherCaseId),
    onSuccess: remember,
  });
}

export function useAdjustDeadline(id: string) {
  const remember = useCaseAnswer();
  return useMutation({
    mutationFn: ({ deadlineId, request }: { deadlineId: string; request: TAdjustDeadlineRequest }) =>
      adjustDeadline(id, deadlineId, request),
    onSuccess: remember,
  });
}
