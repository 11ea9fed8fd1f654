import { describe, expect, it } from 'vitest';
import type { TFinding } from '../../contracts/power-list.js';
import { isRegistryFinding, mergeFindings } from './registry-findings.js';

function finding(rule: string, item: number | null): TFinding {
  return { rule, severity: 'info', item, field: null, message: `${rule} ${item}`, messageEn: '' };
}

describe('isRegistryFinding', () => {
  it('tells the registry rules from the linter rules', () => {
    expect(['stale-citation', 'unresolved-citation', 'citation-status-unknown'].map((rule) => isRegistryFinding({ rule }))).toEqual([
      true,
      true,
      true,
    ]);
    expect(isRegistryFinding({ rule: 'truncated-cell' })).toBe(false);
  });
});

describe('mergeFindings', () => {
  const items = [{ no: 3 }, { no: 1 }, { no: 2 }];

  it('orders by the position of the item in the list, linter first within an item', () => {
    const lint = [finding('truncated-cell', 3), finding('missing-legal-basis', 1), finding('truncated-cell', 1)];
    const registry = [finding('stale-citation', 3), finding('stale-citation', 2), finding('unresolved-citation', 1)];
    expect(mergeFindings(items, lint, registry).map((f) => f.message)).toEqual([
      'truncated-cell 3',
      'stale-citation 3',
      'missing-legal-basis 1',
      'truncated-cell 1',
      'unresolved-citation 1',
      'stale-citation 2',
    ]);
  });

  it('puts findings about no item first and about unknown items last', () => {
    const merged = mergeFindings(items, [finding('x', 99), finding('y', null)], [finding('stale-citation', 2)]);
    expect(merged.map((f) => f.rule)).toEqual(['y', 'stale-citation', 'x']);
  });

  it('returns a copy of the linter findings when the registry has nothing to say', () => {
    const lint = [finding('truncated-cell', 1)];
    const merged = mergeFindings(items, lint, []);
    expect(merged).toEqual(lint);
    expect(merged).not.toBe(lint);
  });
});
