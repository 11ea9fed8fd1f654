/**
 * The checks run on a list: the linter's, the procedure mapping's and — given a registry — the
 * registry's. Pure CPU work with no I/O, so the import runs it in its parsing worker.
 */
import type { TLegalRegistry } from '../../contracts/legal-sources.js';
import type { TFinding, TPowerItem } from '../../contracts/power-list.js';
import { mergeFindings } from '../../domain/legal-sources/registry-findings.js';
import { findStaleCitations } from '../../domain/legal-sources/stale-citations.js';
import { lintPowerList } from '../../domain/powerlist/lint.js';
import { procedureMappingFindings } from '../../domain/procedure/mapping-findings.js';

/** The legal-source registry to check citations against, and the local date (YYYY-MM-DD) to check them on. */
export interface RegistryAsOf {
  registry: TLegalRegistry;
  asOf: string;
}

/**
 * The findings of every check we run on a list, item by item in list order: the linter's with the
 * procedure-mapping ones, then — when a registry is given — the registry's (stale, unresolved and
 * status-unknown citations).
 */
export function findingsFor(list: { title: string; items: TPowerItem[] }, registry: RegistryAsOf | null = null): TFinding[] {
  // the procedure findings (duties and steps that do not meet) sit with the linter's, per item
  const lint = mergeFindings(list.items, lintPowerList(list), procedureMappingFindings(list.items));
  if (registry === null) return lint;
  return mergeFindings(list.items, lint, findStaleCitations(list.items, registry.registry, registry.asOf));
}
