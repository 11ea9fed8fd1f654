/** The history of the registry: who recorded which change when, newest first (public, like the registry). */
import type { TRegistryRevisionsResponse } from '../../contracts/legal-sources-api.js';
import { countRevisions, listRevisionHeaders } from '../../store/repositories/legal-registry.repository.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { presentRevision } from './current-registry.js';

export interface ListRegistryRevisionsOptions {
  limit: number;
  offset: number;
}

/** One page of revisions, newest first, without the registry bodies. */
export async function listRegistryRevisions(
  ctx: ServiceContext,
  options: ListRegistryRevisionsOptions,
): Promise<TRegistryRevisionsResponse> {
  await requireAllowed(ctx, 'legalSources.read', null);
  const total = await countRevisions(ctx.db);
  const headers = await listRevisionHeaders(ctx.db, options.limit, options.offset);
  return { total, revisions: headers.map(presentRevision) };
}
