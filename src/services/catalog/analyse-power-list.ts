/**
 * Read a file and lint it: the canonical list with its findings, as `catalog lint`, `catalog import`
 * and the import API all need it. Nothing is stored here.
 */
import type { TFinding, TPowerItem, TPowerList } from '../../contracts/power-list.js';
import { lintPowerList } from '../../domain/powerlist/lint.js';
import { type ReadPowerListOptions, readPowerListFile, type PowerListFormat } from '../../io/read-power-list-file.js';

export interface AnalysedPowerList {
  list: TPowerList;
  format: PowerListFormat;
  encoding: string | null;
}

/** The findings of every check we run on a list, in a stable order (item, then field, then rule). */
export function findingsFor(list: { title: string; items: TPowerItem[] }): TFinding[] {
  return lintPowerList(list);
}

/** Parse and lint a power-list file. */
export async function analysePowerList(bytes: Uint8Array, fileName: string, options: ReadPowerListOptions = {}): Promise<AnalysedPowerList> {
  const read = await readPowerListFile(bytes, fileName, options);
  const findings = findingsFor(read);
  return { list: { title: read.title, items: read.items, findings }, format: read.format, encoding: read.encoding };
}
