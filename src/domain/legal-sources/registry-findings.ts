/**
 * The registry's findings (stale, unresolved and status-unknown citations) next to the list
 * linter's: they are computed against the registry as it stands when the list is read, never
 * frozen with the list, so the two kinds are kept apart in storage and merged for display.
 */
import type { TFinding, TPowerItem } from '../../contracts/power-list.js';
import { STALE_CITATION_RULES } from './stale-citations.js';

const REGISTRY_RULES: ReadonlySet<string> = new Set(Object.values(STALE_CITATION_RULES));

/** Whether a finding comes from the legal-source registry rather than from the list linter. */
export function isRegistryFinding(finding: Pick<TFinding, 'rule'>): boolean {
  return REGISTRY_RULES.has(finding.rule);
}

/**
 * The linter's findings and the registry's in one list, in list order: item by item (findings
 * about no item first), and within an item the linter's before the registry's, each group in its
 * own order. Findings naming an item the list does not have go last.
 */
export function mergeFindings(
  items: readonly Pick<TPowerItem, 'no'>[],
  lint: readonly TFinding[],
  registry: readonly TFinding[],
): TFinding[] {
  if (registry.length === 0) return [...lint];
  const position = new Map(items.map((item, index) => [item.no, index]));
  const rank = (finding: TFinding) => (finding.item === null ? -1 : (position.get(finding.item) ?? items.length));
  // Array.prototype.sort is stable, so each group keeps its own order within an item.
  return [...lint, ...registry].sort((a, b) => rank(a) - rank(b));
}
