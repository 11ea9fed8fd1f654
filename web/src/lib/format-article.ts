/**
 * Renders cited article references the way legal texts write them: 第四十五条第二款第（三）项.
 */
import type { TArticleRef } from '@contracts/power-list.js';
import { toChineseNumeral } from './chinese-numerals.js';

/** One reference: { article: 61, paragraph: 1, item: 4 } → 第六十一条第一款第（四）项. */
export function formatArticleRef(ref: TArticleRef): string {
  let out = `第${toChineseNumeral(ref.article)}条`;
  if (ref.paragraph !== null) out += `第${toChineseNumeral(ref.paragraph)}款`;
  if (ref.item !== null) out += `第（${toChineseNumeral(ref.item)}）项`;
  return out;
}

/** Several references joined with 、 as in 第三十六条、第三十七条; empty string for none. */
export function formatArticleRefs(refs: readonly TArticleRef[]): string {
  return refs.map(formatArticleRef).join('、');
}
