/**
 * The registry as it stands: the newest revision, read from the database. Before the first-start
 * seed there is none, and the product then says nothing about citations rather than calling every
 * source unknown.
 */
import type { TLegalRegistry, TRegistryChange } from '../../contracts/legal-sources.js';
import type { TRegistryRevision } from '../../contracts/legal-sources-api.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import type { Db } from '../../store/database.js';
import {
  findLatestRevision,
  findLatestRevisionHeader,
  type RegistryRevisionHeader,
  type RegistryRevisionRow,
} from '../../store/repositories/legal-registry.repository.js';

/** The current registry with the revision it comes from. */
export interface CurrentRegistry {
  revision: RegistryRevisionHeader;
  registry: TLegalRegistry;
}

/** The current registry, or null before it is seeded. Stored registries were validated when written. */
export async function loadCurrentRegistry(db: Db): Promise<CurrentRegistry | null> {
  // The header first: when the newest revision is the one already parsed, its body is not read again.
  const header = await findLatestRevisionHeader(db);
  if (!header) return null;
  if (parsed?.id === revisionKey(header)) return { revision: header, registry: parsed.registry };
  const row = await findLatestRevision(db);
  return row ? currentRegistryOf(row) : null;
}

function revisionKey(header: Pick<RegistryRevisionHeader, 'id' | 'revision_no'>): string {
  return `${header.id}|${header.revision_no}`;
}

/** The current registry, or a not-found error naming the fix. */
export async function requireCurrentRegistry(db: Db): Promise<CurrentRegistry> {
  const current = await loadCurrentRegistry(db);
  if (current === null) {
    throw new DomainError(ERROR_CODES.notFound, '法律依据库尚未初始化。请重新启动服务，或用 quanze legal-sources import 导入。');
  }
  return current;
}

// Revisions never change once written (append-only): the parsed registry of the newest one is kept,
// so every read that checks citations does not parse the whole registry again.
let parsed: { id: string; registry: TLegalRegistry } | null = null;

/** A stored revision as the current registry. */
export function currentRegistryOf(row: RegistryRevisionRow): CurrentRegistry {
  const { registry_json, ...revision } = row;
  if (parsed?.id !== revisionKey(row)) parsed = { id: revisionKey(row), registry: JSON.parse(registry_json) as TLegalRegistry };
  return { revision, registry: parsed.registry };
}

/** A revision as the API shows it. */
export function presentRevision(header: RegistryRevisionHeader): TRegistryRevision {
  return {
    no: header.revision_no,
    kind: header.kind,
    changedAt: header.changed_at,
    changedBy: { id: header.changed_by, name: header.changed_by_name },
    change: header.change_json === null ? null : (JSON.parse(header.change_json) as TRegistryChange),
  };
}
