/**
 * Hand-built registries, sources, citations and items for the legal-source tests
 * (src/domain/legal-sources): small factories, each test builds what it needs.
 */
import type { TEdition, TLegalRegistry, TLegalSource } from '../../src/contracts/legal-sources.js';
import type { TArticleRef, TCitation, TPowerItem } from '../../src/contracts/power-list.js';

/** An article reference; paragraph and item default to null. */
export function ref(article: number, paragraph: number | null = null, item: number | null = null): TArticleRef {
  return { article, paragraph, item };
}

/** A citation with the given title, edition and articles; the rest empty. */
export function citation(
  title: string | null,
  edition: string | null,
  articles: TArticleRef[] = [],
  extra: Partial<TCitation> = {},
): TCitation {
  return { no: null, sameAs: null, rank: null, title, edition, articles, text: '', truncated: false, ...extra };
}

/** An item with the given citations; the other fields empty. */
export function item(no: number, bases: Partial<Pick<TPowerItem, 'legalBases' | 'dutyBases' | 'accountabilityBases'>>): TPowerItem {
  return {
    no,
    category: '行政处罚',
    name: `事项${no}`,
    subItem: null,
    legalBases: [],
    duties: [],
    dutyBases: [],
    accountabilityPreamble: null,
    accountability: [],
    accountabilityBases: [],
    note: null,
    ...bases,
  };
}

function edition(name: string, status: TEdition['status'], adopted?: string, effective?: string, note?: string): TEdition {
  return { edition: name, ...(adopted ? { adopted } : {}), ...(effective ? { effective } : {}), status, ...(note ? { note } : {}) };
}

/** A small law with an old and a current edition and a few mappings (articles invented for tests). */
export function lawSource(): TLegalSource {
  return {
    id: 'test-law',
    title: '中华人民共和国测试法',
    rank: '法律',
    editions: [
      edition('主席令第28号', 'superseded', '2010-04-29', '2010-10-01'),
      edition('主席令第20号', 'in-force', '2024-02-27', '2024-05-01'),
    ],
    articleMap: [
      {
        from: { edition: '主席令第28号', article: 45 },
        to: [{ edition: '主席令第20号', article: 52, paragraph: 2 }],
        confidence: 'checked',
      },
      {
        from: { edition: '主席令第28号', article: 44 },
        to: [
          { edition: '主席令第20号', article: 51 },
          { edition: '主席令第20号', article: 52, paragraph: 2 },
        ],
        confidence: 'inferred',
        note: 'split',
      },
      {
        from: { edition: '主席令第28号', article: 14, paragraph: 3 },
        to: [{ edition: '主席令第20号', article: 17, paragraph: 3 }],
        confidence: 'checked',
      },
    ],
  };
}

/** A regulation whose only edition has an unknown status. */
export function regulationSource(): TLegalSource {
  return {
    id: 'test-reg',
    title: '测试处分条例',
    rank: '法规',
    editions: [edition('国务院令第495号', 'unknown', undefined, '2007-06-01', 'no repeal found')],
    articleMap: [],
  };
}

/** A normative document with a document number. */
export function documentSource(): TLegalSource {
  return {
    id: 'test-doc',
    title: '测试检查规定',
    rank: '规范性文件',
    editions: [edition('国保发〔2013〕14号', 'in-force')],
    articleMap: [],
  };
}

/** The three sources above in one registry. */
export function testRegistry(): TLegalRegistry {
  return { sources: [lawSource(), regulationSource(), documentSource()] };
}
