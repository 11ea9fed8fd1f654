/**
 * Resolution of `同N` ("same as N") entries inside one cell, shared by the duty and clause builders
 * (citations keep their own `sameAs` field and resolve in citations.ts).
 */
import type { CellEntry } from './cell-entries.js';

/**
 * For each entry, the entry whose content it stands for: itself, or — for `同N` — entry N,
 * following chains (`4.同3` with `3.同1` stands for entry 1). A `同N` naming no entry, or a loop of
 * 同 (`1.同2` `2.同1`), stands for itself, so its text `同N` stays visible for the linter.
 */
export function resolveSameAsEntries(entries: readonly CellEntry[]): CellEntry[] {
  const byNo = new Map<number, CellEntry>();
  for (const entry of entries) {
    if (entry.no !== null && !byNo.has(entry.no)) byNo.set(entry.no, entry);
  }
  return entries.map((entry) => {
    const seen = new Set<CellEntry>([entry]);
    let target = entry;
    while (target.sameAs !== null) {
      const next = byNo.get(target.sameAs);
      if (next === undefined || seen.has(next)) return entry;
      seen.add(next);
      target = next;
    }
    return target;
  });
}
