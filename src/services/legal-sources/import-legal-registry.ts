/**
 * An administrator replaces the whole registry with a JSON document of the shape of
 * data/legal-sources.json (导入法律依据库): validated in full (schema and cross-record rules, every
 * problem with its path), written as a new revision with its audit record, and answered with the
 * list items for which the registry now says something different. Importing what an export gave
 * changes nothing and writes nothing.
 */
import { createHash } from 'node:crypto';
import type { TRegistryWriteResponse } from '../../contracts/legal-sources-api.js';
import { parseRegistry, serializeRegistry } from '../../domain/legal-sources/registry.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { itemsAffectedByReplacement, loadCurrentLists, primeCurrentLists } from './affected-items.js';
import { loadCurrentRegistry, presentRevision } from './current-registry.js';
import { registryDate } from './registry-date.js';
import { requireRegistryOwner } from './registry-owner.js';
import { appendRevision, asRegistryWrite, checkExpectedRevision } from './write-revision.js';

export interface ImportLegalRegistryOptions {
  /** the registry: JSON text or an already parsed value */
  document: unknown;
  /** a name for the audit record (the uploaded file's) */
  fileName?: string | undefined;
  /** the revision the import was prepared against; a newer current revision makes it a conflict */
  expectedRevision?: number | undefined;
  /** validate and list the affected items, write nothing */
  dryRun?: boolean | undefined;
}

/**
 * Import a registry (`legalSources.write`). Also seeds an empty registry.
 * @throws DomainError 'unauthenticated' / 'forbidden'; 'validation' with the path of every problem;
 *   'conflict' when the registry moved on since `expectedRevision` or another write won the race
 */
export async function importLegalRegistry(ctx: ServiceContext, options: ImportLegalRegistryOptions): Promise<TRegistryWriteResponse> {
  const tree = await requireAllowed(ctx, 'legalSources.write', null);
  requireRegistryOwner(ctx, tree);
  const registry = parseRegistry(options.document);
  const text = serializeRegistry(registry);
  return asRegistryWrite(() =>
    inTransaction(ctx, async (tx) => {
      const before = await loadCurrentRegistry(tx.db);
      const previousNo = before?.revision.revision_no ?? 0;
      checkExpectedRevision(options.expectedRevision, previousNo);
      const isSame = before !== null && serializeRegistry(before.registry) === text;
      const lists = isSame ? [] : await loadCurrentLists(tx.db);
      const asOf = registryDate(tx);
      const affected = itemsAffectedByReplacement(lists, before?.registry ?? null, registry, asOf);
      if (before !== null && (isSame || options.dryRun === true)) {
        return { dryRun: options.dryRun === true, changed: !isSame, revision: presentRevision(before.revision), affected };
      }
      if (options.dryRun === true) {
        // Nothing to show as "current" before the first revision: describe the one the import would write.
        return {
          dryRun: true,
          changed: true,
          revision: {
            no: 1,
            kind: 'import',
            changedAt: tx.clock().toISOString(),
            changedBy: { id: tx.actor.id, name: tx.actor.name },
            change: null,
          },
          affected,
        };
      }
      const row = await appendRevision(tx, {
        kind: 'import',
        registry,
        change: null,
        previousNo,
        tree,
        details: {
          ...(options.fileName ? { fileName: options.fileName } : {}),
          sha256: createHash('sha256').update(text).digest('hex'),
          sources: registry.sources.length,
          affectedItems: affected.map((a) => `${a.organisation.code}#${a.versionNo}#${a.item.no}`),
        },
      });
      primeCurrentLists(lists, row, registry, asOf);
      return { dryRun: false, changed: true, revision: presentRevision(row), affected };
    }),
  );
}
