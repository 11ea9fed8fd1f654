/**
 * Accountability clauses (追责情形): the numbered circumstances in which staff are held
 * responsible, `1.无法定依据或者超越法定权限实施行政强制的；`.
 */
import type { TClause } from '../../contracts/power-list.js';
import type { CellEntry } from './cell-entries.js';
import { resolveSameAsEntries } from './same-as.js';

/**
 * The clauses of a 追责情形 cell, one per entry (the lead-in is the item's accountabilityPreamble,
 * not a clause). A `同N` entry takes the text of entry N and keeps its own number and truncation
 * flag; an unresolvable `同N` stays a clause with text `同N`.
 */
export function buildClauses(entries: CellEntry[]): TClause[] {
  const sources = resolveSameAsEntries(entries);
  return entries.map((entry, index) => ({ no: entry.no, text: (sources[index] ?? entry).text, truncated: entry.truncated }));
}
