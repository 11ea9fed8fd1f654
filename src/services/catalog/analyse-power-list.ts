/**
 * Read a file and lint it: the canonical list with its findings, as `catalog lint`, `catalog import`
 * and the import API all need it. Nothing is stored here.
 */
import type { TPowerList } from '../../contracts/power-list.js';
import type { PowerListFormat, ReadPowerListOptions } from '../../io/read-power-list-file.js';
import { findingsFor, type RegistryAsOf } from './findings-for.js';
import { defaultParser } from './read-power-list-isolated.js';

export { findingsFor, type RegistryAsOf } from './findings-for.js';

export interface AnalysedPowerList {
  list: TPowerList;
  format: PowerListFormat;
  encoding: string | null;
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
