import { describe, expect, it } from 'vitest';
import { formatArticleRef, formatArticleRefs } from './format-article.js';

describe('formatArticleRef', () => {
  it('writes article, paragraph and item the way legal texts do', () => {
    expect(formatArticleRef({ article: 61, paragraph: 1, item: 4 })).toBe('第六十一条第一款第（四）项');
  });

  it('leaves out the parts a reference does not name', () => {
    expect(formatArticleRef({ article: 45, paragraph: null, item: null })).toBe('第四十五条');
    expect(formatArticleRef({ article: 14, paragraph: 3, item: null })).toBe('第十四条第三款');
    expect(formatArticleRef({ article: 20, paragraph: null, item: 4 })).toBe('第二十条第（四）项');
  });
});

describe('formatArticleRefs', () => {
  it('joins references with 、 and is empty for none', () => {
    const refs = [
      { article: 36, paragraph: null, item: null },
      { article: 37, paragraph: null, item: null },
    ];
    expect(formatArticleRefs(refs)).toBe('第三十六条、第三十七条');
    expect(formatArticleRefs([])).toBe('');
  });
});
