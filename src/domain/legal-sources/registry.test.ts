import { describe, expect, it } from 'vitest';
import seed from '../../../data/legal-sources.json' with { type: 'json' };
import { citation, item, ref, testRegistry } from '../../../test/helpers/legal-source-factories.js';
import type { TLegalRegistry } from '../../contracts/legal-sources.js';
import { DomainError } from '../errors.js';
import {
  addArticleMapping,
  addEdition,
  affectedCitations,
  applyRegistryChange,
  checkRegistry,
  parseRegistry,
  serializeRegistry,
  setEditionStatus,
} from './registry.js';

// The seed as text, the way the product reads it from disk (no node:fs in domain code, tests included).
const SEED = JSON.stringify(seed);

/** The DomainError a call throws (fails the test when it throws nothing or something else). */
function thrown(call: () => unknown): DomainError {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('parseRegistry / serializeRegistry', () => {
  it('reads the seed without losing or reordering anything and round-trips it', () => {
    const registry = parseRegistry(SEED);
    expect(JSON.stringify(registry)).toBe(JSON.stringify(JSON.parse(SEED)));
    expect(parseRegistry(serializeRegistry(registry))).toEqual(registry);
    expect(serializeRegistry(parseRegistry(serializeRegistry(registry)))).toBe(serializeRegistry(registry));
  });

  it('rejects a misspelt key with its path', () => {
    const broken = JSON.parse(SEED) as { sources: { editions: Record<string, unknown>[] }[] };
    const first = broken.sources[0]?.editions[0];
    if (first) first.stauts = 'in-force';
    const error = thrown(() => parseRegistry(broken));
    expect(error.code).toBe('validation');
    expect(error.issues[0]?.path).toEqual(['sources', 0, 'editions', 0]);
  });

  it('rejects text that is not JSON', () => {
    expect(thrown(() => parseRegistry('{')).code).toBe('validation');
  });

  it('rejects two editions in force and mappings to unknown editions, with paths', () => {
    const registry = testRegistry();
    const law = registry.sources[0];
    if (!law) throw new Error('no law');
    const twoInForce: TLegalRegistry = {
      sources: [{ ...law, editions: law.editions.map((e) => ({ ...e, status: 'in-force' as const })) }],
    };
    expect(checkRegistry(twoInForce).map((issue) => issue.path)).toEqual([['sources', 0, 'editions', 1, 'status']]);
    const badMap: TLegalRegistry = {
      sources: [
        {
          ...law,
          articleMap: [
            { from: { edition: '主席令第1号', article: 1 }, to: [{ edition: '主席令第2号', article: 1 }], confidence: 'checked' },
          ],
        },
      ],
    };
    expect(checkRegistry(badMap).map((issue) => issue.path)).toEqual([
      ['sources', 0, 'articleMap', 0, 'from', 'edition'],
      ['sources', 0, 'articleMap', 0, 'to', 0, 'edition'],
    ]);
    expect(thrown(() => parseRegistry(badMap)).issues).toHaveLength(2);
  });

  it('rejects duplicate ids and titles that collide once 中华人民共和国 is ignored', () => {
    const registry = testRegistry();
    const law = registry.sources[0];
    if (!law) throw new Error('no law');
    const duplicate: TLegalRegistry = { sources: [law, { ...law, title: '测试法' }] };
    expect(checkRegistry(duplicate).map((issue) => issue.path)).toEqual([
      ['sources', 1, 'id'],
      ['sources', 1, 'title'],
    ]);
  });
});

describe('addEdition', () => {
  const newEdition = { edition: '主席令第99号', adopted: '2030-01-01', effective: '2030-07-01', status: 'in-force' as const };

  it('adds an edition and supersedes the one in force', () => {
    const next = addEdition(testRegistry(), { sourceId: 'test-law', edition: newEdition, supersedes: ['主席令第20号'] });
    expect(next.sources[0]?.editions.map((e) => [e.edition, e.status])).toEqual([
      ['主席令第28号', 'superseded'],
      ['主席令第20号', 'superseded'],
      ['主席令第99号', 'in-force'],
    ]);
    expect(checkRegistry(next)).toEqual([]);
  });

  it('does not change the registry it was given', () => {
    const registry = testRegistry();
    addEdition(registry, { sourceId: 'test-law', edition: newEdition, supersedes: ['主席令第20号'] });
    expect(registry).toEqual(testRegistry());
  });

  it('refuses an unknown source, a second edition in force, a duplicate and an unknown superseded edition', () => {
    expect(thrown(() => addEdition(testRegistry(), { sourceId: 'nope', edition: newEdition })).issues[0]?.path).toEqual(['sourceId']);
    expect(thrown(() => addEdition(testRegistry(), { sourceId: 'test-law', edition: newEdition })).issues[0]?.path).toEqual([
      'edition',
      'status',
    ]);
    expect(
      thrown(() => addEdition(testRegistry(), { sourceId: 'test-law', edition: { edition: '主席令第二十号', status: 'unknown' } }))
        .issues[0]?.path,
    ).toEqual(['edition', 'edition']);
    expect(
      thrown(() => addEdition(testRegistry(), { sourceId: 'test-law', edition: newEdition, supersedes: ['主席令第1号'] })).issues[0]?.path,
    ).toEqual(['supersedes', 0]);
    expect(
      thrown(() => addEdition(testRegistry(), { sourceId: 'test-law', edition: { ...newEdition, effective: '2030-02-30' } })).issues[0]
        ?.path,
    ).toEqual(['edition', 'effective']);
  });
});

describe('setEditionStatus', () => {
  it('records a status', () => {
    const next = setEditionStatus(testRegistry(), { sourceId: 'test-reg', edition: '国务院令第495号', status: 'repealed' });
    expect(next.sources[1]?.editions[0]?.status).toBe('repealed');
  });

  it('refuses an unknown edition and a second edition in force', () => {
    expect(
      thrown(() => setEditionStatus(testRegistry(), { sourceId: 'test-law', edition: '主席令第1号', status: 'repealed' })).issues[0]?.path,
    ).toEqual(['edition']);
    expect(
      thrown(() => setEditionStatus(testRegistry(), { sourceId: 'test-law', edition: '主席令第28号', status: 'in-force' })).issues[0]?.path,
    ).toEqual(['status']);
  });
});

describe('addArticleMapping', () => {
  it('adds a mapping between known editions', () => {
    const mapping = {
      from: { edition: '主席令第28号', article: 30 },
      to: [{ edition: '主席令第20号', article: 36 }],
      confidence: 'inferred' as const,
    };
    expect(addArticleMapping(testRegistry(), { sourceId: 'test-law', mapping }).sources[0]?.articleMap.at(-1)).toEqual(mapping);
  });

  it('refuses unknown editions, a mapping onto its own edition and a duplicate, with paths', () => {
    const to = [{ edition: '主席令第20号', article: 1 }];
    const at = (mapping: Parameters<typeof addArticleMapping>[1]['mapping']) =>
      thrown(() => addArticleMapping(testRegistry(), { sourceId: 'test-law', mapping })).issues[0]?.path;
    expect(at({ from: { edition: '主席令第1号', article: 1 }, to, confidence: 'checked' })).toEqual(['mapping', 'from', 'edition']);
    expect(
      at({ from: { edition: '主席令第28号', article: 1 }, to: [...to, { edition: '主席令第2号', article: 1 }], confidence: 'checked' }),
    ).toEqual(['mapping', 'to', 1, 'edition']);
    expect(
      at({ from: { edition: '主席令第28号', article: 1 }, to: [{ edition: '主席令第28号', article: 2 }], confidence: 'checked' }),
    ).toEqual(['mapping', 'to', 0, 'edition']);
    expect(at({ from: { edition: '主席令第28号', article: 45 }, to, confidence: 'checked' })).toEqual(['mapping', 'from']);
    expect(at({ from: { edition: '主席令第28号', article: 0 }, to, confidence: 'checked' })).toEqual(['mapping', 'from', 'article']);
  });
});

describe('applyRegistryChange', () => {
  it('dispatches on the kind and validates the change', () => {
    const next = applyRegistryChange(testRegistry(), {
      kind: 'set-status',
      sourceId: 'test-reg',
      edition: '国务院令第495号',
      status: 'in-force',
    });
    expect(next.sources[1]?.editions[0]?.status).toBe('in-force');
    const bad = { kind: 'set-status', sourceId: 'test-reg', edition: '国务院令第495号', status: 'gone' } as unknown as Parameters<
      typeof applyRegistryChange
    >[1];
    expect(thrown(() => applyRegistryChange(testRegistry(), bad)).issues[0]?.path).toEqual(['status']);
  });
});

describe('affectedCitations', () => {
  const items = [
    item(1, {
      legalBases: [citation('中华人民共和国测试法', '主席令第28号', [ref(45)]), citation('测试法', '主席令第20号', [ref(52, 2)])],
      dutyBases: [citation('测试法', null, [ref(45)]), citation('测试法', '主席令第99号', [ref(1)])],
    }),
    item(2, {
      accountabilityBases: [citation('测试法', '主席令第二十号', [ref(1)]), citation('测试法', '主席令第二十号', [ref(1)], { sameAs: 1 })],
    }),
  ];

  it('finds the citations of the editions a new edition supersedes, and of the new edition itself', () => {
    const change = {
      kind: 'add-edition' as const,
      sourceId: 'test-law',
      edition: { edition: '主席令第99号', status: 'in-force' as const },
      supersedes: ['主席令第20号'],
    };
    expect(affectedCitations(items, change, testRegistry()).map((c) => [c.item, c.field, c.entry, c.sameAs])).toEqual([
      [1, 'legalBases', 1, null],
      [1, 'dutyBases', 1, null],
      [2, 'accountabilityBases', 0, null],
      [2, 'accountabilityBases', 1, 1],
    ]);
  });

  it('finds the citations of an edition whose status changes, and of a newly mapped article', () => {
    expect(
      affectedCitations(items, { kind: 'set-status', sourceId: 'test-law', edition: '主席令第28号', status: 'repealed' }, testRegistry()),
    ).toEqual([{ item: 1, field: 'legalBases', entry: 0, sameAs: null, articles: [ref(45)] }]);
    const mapping = {
      from: { edition: '主席令第20号', article: 52, paragraph: 2 },
      to: [{ edition: '主席令第28号', article: 45 }],
      confidence: 'checked' as const,
    };
    expect(
      affectedCitations(items, { kind: 'add-mapping', sourceId: 'test-law', mapping }, testRegistry()).map((c) => [c.item, c.entry]),
    ).toEqual([[1, 1]]);
    const other = { ...mapping, from: { edition: '主席令第20号', article: 52, paragraph: 1 } };
    expect(affectedCitations(items, { kind: 'add-mapping', sourceId: 'test-law', mapping: other }, testRegistry())).toEqual([]);
  });

  it('finds nothing for an unknown source', () => {
    expect(affectedCitations(items, { kind: 'set-status', sourceId: 'nope', edition: 'x', status: 'unknown' }, testRegistry())).toEqual([]);
  });
});
