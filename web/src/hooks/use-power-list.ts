/**
 * TanStack Query hooks over the public power-list API; keys are shared so pages reuse each other's data.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchCurrentList, fetchItem, fetchVersion, fetchVersions, type SearchItemsOptions, searchItems } from '../api/client.js';

/** Query keys of the power-list resources. */
export const powerListKeys = {
  current: ['powerlists', 'current'] as const,
  versions: ['powerlists', 'versions'] as const,
  version: (no: number) => ['powerlists', 'versions', no] as const,
  item: (no: number, version: number | null) => ['powerlists', 'items', no, version] as const,
  search: (options: SearchItemsOptions) =>
    ['powerlists', 'search', options.q ?? '', options.category ?? '', options.version ?? null] as const,
};

/** The current list (header data, table rows). */
export function useCurrentList() {
  return useQuery({ queryKey: powerListKeys.current, queryFn: ({ signal }) => fetchCurrentList(signal) });
}

/** The list of versions. */
export function useVersions() {
  return useQuery({ queryKey: powerListKeys.versions, queryFn: ({ signal }) => fetchVersions(signal) });
}

/** One version with its diff; disabled while `versionNo` is null. */
export function useVersion(versionNo: number | null) {
  return useQuery({
    queryKey: powerListKeys.version(versionNo ?? 0),
    queryFn: ({ signal }) => fetchVersion(versionNo ?? 0, signal),
    enabled: versionNo !== null,
  });
}

/** One item with its findings; disabled while `itemNo` is null. */
export function useItem(itemNo: number | null, versionNo: number | null) {
  return useQuery({
    queryKey: powerListKeys.item(itemNo ?? 0, versionNo),
    queryFn: ({ signal }) => fetchItem(itemNo ?? 0, versionNo, signal),
    enabled: itemNo !== null,
  });
}

/** Search results; disabled for an empty query. Keeps the previous hits while the next query loads. */
export function useSearch(options: SearchItemsOptions) {
  const q = options.q?.trim() ?? '';
  return useQuery({
    queryKey: powerListKeys.search({ ...options, q }),
    queryFn: ({ signal }) => searchItems({ ...options, q }, signal),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
}
