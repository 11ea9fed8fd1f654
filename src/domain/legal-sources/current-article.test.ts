import { describe, expect, it } from 'vitest';
import { lawSource, ref } from '../../../test/helpers/legal-source-factories.js';
import type { TLegalSource } from '../../contracts/legal-sources.js';
import { currentArticle, currentEdition } from './current-article.js';

describe('currentEdition', () => {
  it('is the edition recorded in force, or null', () => {
    expect(currentEdition(lawSource())?.edition).toBe('主席令第20号');
    const none: TLegalSource = { ...lawSource(), editions: lawSource().editions.map((e) => ({ ...e, status: 'superseded' as const })) };
    expect(currentEdition(none)).toBeNull();
  });
});

describe('currentArticle', () => {
  it('maps a whole-article citation, also when the list cites one of its paragraphs', () => {
    expect(currentArticle(lawSource(), '主席令第28号', ref(45))).toEqual({
      status: 'mapped',
      current: lawSource().editions[1],
      articles: [{ edition: '主席令第20号', article: 52, paragraph: 2 }],
      confidence: 'checked',
      notes: [],
    });
    const paragraph = currentArticle(lawSource(), '主席令第28号', ref(45, 1));
    expect(paragraph.status === 'mapped' ? paragraph.articles : null).toEqual([{ edition: '主席令第20号', article: 52, paragraph: 2 }]);
  });

  it('carries split targets, confidence and notes', () => {
    const answer = currentArticle(lawSource(), '主席令第28号', ref(44));
    expect(answer.status === 'mapped' && answer.articles.map((a) => [a.article, a.paragraph])).toEqual([
      [51, undefined],
      [52, 2],
    ]);
    expect(answer.status === 'mapped' && answer.confidence).toBe('inferred');
    expect(answer.status === 'mapped' && answer.notes).toEqual(['split']);
  });

  it('uses a paragraph mapping only for that paragraph', () => {
    expect(currentArticle(lawSource(), '主席令第28号', ref(14, 3)).status).toBe('mapped');
    expect(currentArticle(lawSource(), '主席令第28号', ref(14))).toMatchObject({ status: 'unknown', reason: 'no-mapping' });
    expect(currentArticle(lawSource(), '主席令第28号', ref(14, 2))).toMatchObject({ status: 'unknown', reason: 'no-mapping' });
  });

  it('says unknown for an unmapped article, and current for the edition in force', () => {
    expect(currentArticle(lawSource(), '主席令第28号', ref(1))).toMatchObject({
      status: 'unknown',
      reason: 'no-mapping',
      current: { edition: '主席令第20号' },
    });
    expect(currentArticle(lawSource(), '主席令第20号', ref(1))).toMatchObject({ status: 'current' });
  });

  it('follows mappings across an intermediate edition, with the weakest confidence', () => {
    const source: TLegalSource = {
      ...lawSource(),
      editions: [
        { edition: '主席令第28号', status: 'superseded' },
        { edition: '主席令第20号', status: 'superseded' },
        { edition: '主席令第99号', status: 'in-force' },
      ],
      articleMap: [
        ...lawSource().articleMap,
        {
          from: { edition: '主席令第20号', article: 51 },
          to: [{ edition: '主席令第99号', article: 60 }],
          confidence: 'checked',
          note: 'renumbered',
        },
        { from: { edition: '主席令第20号', article: 52 }, to: [{ edition: '主席令第99号', article: 61 }], confidence: 'checked' },
      ],
    };
    const chained = currentArticle(source, '主席令第28号', ref(44));
    expect(chained).toMatchObject({ status: 'mapped', confidence: 'inferred', notes: ['split', 'renumbered'] });
    expect(chained.status === 'mapped' && chained.articles.map((a) => a.article)).toEqual([60, 61]);
    // 52(2) of 2024 has no onward mapping of its own paragraph, so the whole-article one applies.
    expect(currentArticle(source, '主席令第28号', ref(45))).toMatchObject({
      status: 'mapped',
      articles: [{ edition: '主席令第99号', article: 61 }],
    });
    // Without the onward mapping of 52, half of the split is unknown: the whole answer is unknown.
    const broken = {
      ...source,
      articleMap: source.articleMap.filter((m) => !(m.from.edition === '主席令第20号' && m.from.article === 52)),
    };
    expect(currentArticle(broken, '主席令第28号', ref(44))).toMatchObject({ status: 'unknown', reason: 'no-mapping' });
  });

  it('terminates on a mapping cycle and says unknown', () => {
    const source: TLegalSource = {
      ...lawSource(),
      editions: [
        { edition: 'A', status: 'superseded' },
        { edition: 'B', status: 'superseded' },
        { edition: 'C', status: 'in-force' },
      ],
      articleMap: [
        { from: { edition: 'A', article: 1 }, to: [{ edition: 'B', article: 1 }], confidence: 'checked' },
        { from: { edition: 'B', article: 1 }, to: [{ edition: 'A', article: 1 }], confidence: 'checked' },
      ],
    };
    expect(currentArticle(source, 'A', ref(1))).toMatchObject({ status: 'unknown', reason: 'no-mapping' });
  });
});
