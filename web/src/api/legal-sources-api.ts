/**
 * The registry of legal sources (/api/v1/legal-sources): public reading and export; changes and
 * imports for accounts allowed `legalSources.write`, each answered with the list items it affects.
 */
import type {
  TLegalRegistryResponse,
  TRegistryChangeRequest,
  TRegistryRevisionsResponse,
  TRegistryWriteResponse,
} from '@contracts/legal-sources-api.js';
import { getJson, requestJson, withQuery } from './http.js';

const BASE = '/api/v1/legal-sources';

/** Where the browser downloads the registry as JSON (same shape as data/legal-sources.json). */
export const LEGAL_REGISTRY_EXPORT_URL = `${BASE}/export`;

/** The current registry with labels for people. */
export function fetchLegalRegistry(signal?: AbortSignal): Promise<TLegalRegistryResponse> {
  return getJson(BASE, signal);
}

/** The registry's revisions, newest first. */
export function fetchRegistryRevisions(page: { limit: number; offset: number }, signal?: AbortSignal): Promise<TRegistryRevisionsResponse> {
  return getJson(withQuery(`${BASE}/revisions`, page), signal);
}

/** One change (new edition, status, article mapping), or its dry run. */
export function applyRegistryChange(request: TRegistryChangeRequest): Promise<TRegistryWriteResponse> {
  return requestJson(`${BASE}/changes`, { method: 'POST', body: request });
}

/** Options of an import. */
export interface ImportRegistryOptions {
  /** the parsed JSON document */
  document: unknown;
  expectedRevision?: number;
  dryRun?: boolean;
}

/** Replaces the whole registry with an imported document (or checks it, on a dry run). */
export function importLegalRegistry(options: ImportRegistryOptions): Promise<TRegistryWriteResponse> {
  const path = withQuery(`${BASE}/import`, { expectedRevision: options.expectedRevision, dryRun: options.dryRun ? 'true' : undefined });
  return requestJson(path, { method: 'POST', body: options.document });
}
