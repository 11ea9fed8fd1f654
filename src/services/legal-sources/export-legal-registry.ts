/**
 * The current registry as a JSON document of the shape of data/legal-sources.json, for backup, for
 * review outside the product, and for import elsewhere: importing it again changes nothing.
 */
import { serializeRegistry } from '../../domain/legal-sources/registry.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { requireCurrentRegistry } from './current-registry.js';

export interface ExportedRegistry {
  revisionNo: number;
  fileName: string;
  /** the registry as JSON text (two-space indent, final newline) */
  json: string;
}

/**
 * Export the current registry (public, like the registry itself).
 * @throws DomainError 'not-found' before the registry is seeded
 */
export async function exportLegalRegistry(ctx: ServiceContext): Promise<ExportedRegistry> {
  await requireAllowed(ctx, 'legalSources.read', null);
  const { revision, registry } = await requireCurrentRegistry(ctx.db);
  return { revisionNo: revision.revision_no, fileName: `legal-sources-r${revision.revision_no}.json`, json: serializeRegistry(registry) };
}
