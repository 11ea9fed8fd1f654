/**
 * Read a file and lint it: the canonical list with its findings, as `catalog lint`, `catalog import`
 * and the import API all need it. Nothing is stored here.
 */
import type { TLegalRegistry } from '../../contracts/legal-sources.js';
import type { TFinding, TPowerItem, TPowerList } from '../../contracts/power-list.js';
import { mergeFindings } from '../../domain/legal-sources/registry-findings.js';
import { findStaleCitations } from '../../domain/legal-sources/stale-citations.js';
import { lintPowerList } from '../../domain/powerlist/lint.js';
import { procedureMappingFindings } from '../../domain/procedure/mapping-findings.js';
import type { PowerListFormat, ReadPowerListOptions } from '../../io/read-power-list-file.js';
import { defaultParser } from './read-power-list-isolated.js';

export interface AnalysedPowerList {
  list: TPowerList;
  format: PowerListFormat;
  encoding: string | null;
}

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

export interface AnalysePowerListOptions extends ReadPowerListOptions {
  /** check citations against this registry too; null or absent: the linter alone */
  registry?: RegistryAsOf | null | undefined;
}

/**
 * Parse and lint a power-list file. The parsing runs in a worker thread with time and memory
 * limits, queued behind other imports (read-power-list-isolated.ts), so that no upload stalls the
 * server; the linting of the parsed list is bounded by its size and stays here.
 */
export async function analysePowerList(
  bytes: Uint8Array,
  fileName: string,
  options: AnalysePowerListOptions = {},
): Promise<AnalysedPowerList> {
  const read = await defaultParser.read(bytes, fileName, options);
  const findings = findingsFor(read, options.registry ?? null);
  return { list: { title: read.title, items: read.items, findings }, format: read.format, encoding: read.encoding };
}
