import { describe, expect, it } from 'vitest';
import { bigrams, expandTerms, queryTerms, scoreText, suggestNames } from './search-terms.js';

const ITEM2 = '对利用互联网及其他公共信息网络发布涉及泄露国家秘密的信息的行政强制 发现泄密隐患';
const ITEM3 = '对保密检查中发现的泄密隐患的行政强制';

describe('search terms', () => {
  it('splits on spaces and Chinese punctuation', () => {
    expect(queryTerms(' 网络  泄密，载体 ')).toEqual(['网络', '泄密', '载体']);
  });

  it('keeps a phrase the texts contain, and breaks one they do not into two-character words', () => {
    expect(expandTerms('泄密隐患', [ITEM3])).toEqual([{ typed: '泄密隐患', pieces: ['泄密隐患'] }]);
    expect(expandTerms('网络泄密', [ITEM2, ITEM3])).toEqual([{ typed: '网络泄密', pieces: ['网络', '络泄', '泄密'] }]);
    expect(bigrams('网络泄密')).toEqual(['网络', '络泄', '泄密']);
  });

  it('ranks by how many terms a text holds', () => {
    const terms = expandTerms('网络 泄密', [ITEM2, ITEM3]);
    expect(scoreText(ITEM2, terms)).toEqual({ terms: 2, matched: ['网络', '泄密'] });
    expect(scoreText(ITEM3, terms)).toEqual({ terms: 1, matched: ['泄密'] });
  });

  it('matches a broken-up phrase only where more than half of its words occur', () => {
    const terms = expandTerms('网络泄密', [ITEM3]);
    expect(scoreText(ITEM2, terms)).toEqual({ terms: 1, matched: ['网络', '泄密'] });
    expect(scoreText(ITEM3, terms).terms).toBe(0);
  });

  it('suggests the names that share the most words with a query that found nothing', () => {
    const names = ['对非法获取、持有国家秘密载体的处罚', '对保密检查中发现的泄密隐患的行政强制', '对泄密案件的调查处理'];
    expect(suggestNames('泄密案子', names)).toEqual(['对泄密案件的调查处理', '对保密检查中发现的泄密隐患的行政强制']);
    expect(suggestNames('xyz', names)).toEqual([]);
  });
});
