/** TanStack Query hooks over the procedures API. */
import { useQuery } from '@tanstack/react-query';
import { fetchProcedure, fetchProcedures } from '../api/procedures-api.js';

export const procedureKeys = {
  all: ['procedures'] as const,
  item: (itemNo: number) => ['procedures', itemNo] as const,
};

/** Every item's procedure and coverage. */
export function useProcedures() {
  return useQuery({ queryKey: procedureKeys.all, queryFn: ({ signal }) => fetchProcedures(signal) });
}

/** One item's procedure; disabled while `itemNo` is null. Procedures change only with a new list. */
export function useProcedure(itemNo: number | null) {
  return useQuery({
    queryKey: procedureKeys.item(itemNo ?? 0),
    queryFn: ({ signal }) => fetchProcedure(itemNo ?? 0, signal),
    enabled: itemNo !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
}
