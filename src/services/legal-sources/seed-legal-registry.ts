/**
 * First start: the registry is seeded from data/legal-sources.json (facts checked against the
 * published law texts) when it has no revision yet, and follows that file while nobody changed it. Idempotent, and safe when two processes start
 * at once on one PostgreSQL database: the loser of the race for revision 1 leaves it be.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config/env.js';
import type { TLegalRegistry } from '../../contracts/legal-sources.js';
import { parseRegistry, serializeRegistry } from '../../domain/legal-sources/registry.js';
import { isUniqueViolation } from '../../store/errors.js';
import { countRevisions, findLatestRevision } from '../../store/repositories/legal-registry.repository.js';
import type { ServiceContext } from '../context.js';
import { loadOrgTree } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { appendRevision } from './write-revision.js';

/** The registry that ships with the product. */
export const BUNDLED_LEGAL_SOURCES = path.join(PROJECT_ROOT, 'data', 'legal-sources.json');

/** Read and validate a registry file. @throws DomainError 'validation' with the path of every problem */
export async function readRegistryFile(file: string): Promise<TLegalRegistry> {
  return parseRegistry(await fs.readFile(file, 'utf8'));
}

/** What seeding did: the revision written, or null when the registry already had one. */
export interface SeedLegalRegistryResult {
  revisionNo: number;
  sources: number;
}

/**
 * Seed the registry from `file` (the bundled one by default) unless it has a revision already — or
 * refresh it when it holds only seeds and the bundled file differs from the latest.
 * The organisations must exist (the seed is audited on the installation's chain).
 */
export async function seedLegalRegistry(
  ctx: ServiceContext,
  file: string = BUNDLED_LEGAL_SOURCES,
): Promise<SeedLegalRegistryResult | null> {
  const text = await fs.readFile(file, 'utf8');
  const registry = parseRegistry(text);
  let previousNo = 0;
  if ((await countRevisions(ctx.db)) > 0) {
    // A registry nobody has changed yet follows the bundled file when a release updates it (the
    // Chinese notes that replaced the first release's English ones); once an administrator has
    // changed or imported it, it is theirs and stays as it is.
    const latest = await findLatestRevision(ctx.db);
    if (latest?.kind !== 'seed' || latest.registry_json === serializeRegistry(registry)) return null;
    previousNo = latest.revision_no;
  }
  const tree = await loadOrgTree(ctx.db);
  try {
    const row = await inTransaction(ctx, (tx) =>
      appendRevision(tx, {
        kind: 'seed',
        registry,
        change: null,
        previousNo,
        tree,
        details: {
          file: path.basename(file),
          sha256: createHash('sha256').update(text).digest('hex'),
          sources: registry.sources.length,
          ...(previousNo > 0 ? { replacesSeedRevision: previousNo } : {}),
        },
      }),
    );
    return { revisionNo: row.revision_no, sources: registry.sources.length };
  } catch (error) {
    // Another process seeded it between our check and our write: the registry is seeded, as wanted.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
