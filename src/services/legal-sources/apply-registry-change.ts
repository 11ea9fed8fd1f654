/**
 * An administrator records one fact in the registry (维护法律依据库): a new edition (which may
 * supersede the one in force), the status of an edition, or where an article went in a later
 * edition. The change is validated against the registry as it stands, written as a new revision
 * with its audit record in one transaction, and answered with the list items it affects — whose
 * pages flag the change on the next read.
 */
import { type TRegistryChange, ZRegistryChange } from '../../contracts/legal-sources.js';
import type { TRegistryWriteResponse } from '../../contracts/legal-sources-api.js';
import { DomainError, ERROR_CODES, type FieldIssue } from '../../domain/errors.js';
import { applyRegistryChange as applyChange } from '../../domain/legal-sources/registry.js';
import type { JsonValue } from '../../store/audit/audit-hash.js';
import { requireAllowed } from '../access/authorize.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { itemsAffectedByChange, loadCurrentLists, primeCurrentLists } from './affected-items.js';
import { presentRevision, requireCurrentRegistry } from './current-registry.js';
import { registryDate } from './registry-date.js';
import { requireRegistryOwner } from './registry-owner.js';
import { appendRevision, asRegistryWrite, checkExpectedRevision } from './write-revision.js';

export interface ApplyRegistryChangeOptions {
  /** the change, validated here (callers may pass what a request carried) */
  change: unknown;
  /** the revision the change was prepared against; a newer current revision makes it a conflict */
  expectedRevision?: number | undefined;
  /** validate and list the affected items, write nothing */
  dryRun?: boolean | undefined;
}

/** Field issues of the domain, placed under `change` (the request's field), as the API reports them. */
function underChange(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.code !== ERROR_CODES.validation) return error;
  const issues: FieldIssue[] = error.issues.map((issue) => ({ ...issue, path: ['change', ...issue.path] }));
  return new DomainError(error.code, error.message, { issues, location: { path: issues[0]?.path ?? ['change'] }, cause: error });
}

function parseChange(change: unknown): TRegistryChange {
  const parsed = ZRegistryChange.safeParse(change);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: ['change', ...issue.path.filter((key): key is string | number => typeof key !== 'symbol')],
    message: issue.message,
  }));
  throw new DomainError(ERROR_CODES.validation, '法律依据库变更不正确', { issues, location: { path: issues[0]?.path ?? ['change'] } });
}

/**
 * Apply one change (`legalSources.write`: the system administrator or a legal reviewer).
 * @throws DomainError 'unauthenticated' / 'forbidden'; 'validation' with paths under `change`
 *   (unknown source or edition, a second edition in force, a duplicate mapping …); 'conflict' when
 *   the registry moved on since `expectedRevision`, or another change won the race
 */
export async function applyRegistryChange(ctx: ServiceContext, options: ApplyRegistryChangeOptions): Promise<TRegistryWriteResponse> {
  const tree = await requireAllowed(ctx, 'legalSources.write', null);
  requireRegistryOwner(ctx, tree);
  const change = parseChange(options.change);
  return asRegistryWrite(() =>
    inTransaction(ctx, async (tx) => {
      const before = await requireCurrentRegistry(tx.db);
      checkExpectedRevision(options.expectedRevision, before.revision.revision_no);
      let registry: ReturnType<typeof applyChange>;
      try {
        registry = applyChange(before.registry, change);
      } catch (error) {
        throw underChange(error);
      }
      const lists = await loadCurrentLists(tx.db);
      const asOf = registryDate(tx);
      const affected = itemsAffectedByChange(lists, change, before.registry, registry, asOf);
      if (options.dryRun === true) return { dryRun: true, changed: true, revision: presentRevision(before.revision), affected };
      const row = await appendRevision(tx, {
        kind: 'change',
        registry,
        change,
        previousNo: before.revision.revision_no,
        tree,
        details: {
          change: JSON.parse(JSON.stringify(change)) as JsonValue,
          affectedItems: affected.map((a) => `${a.organisation.code}#${a.versionNo}#${a.item.no}`),
        },
      });
      primeCurrentLists(lists, row, registry, asOf);
      return { dryRun: false, changed: true, revision: presentRevision(row), affected };
    }),
  );
}
