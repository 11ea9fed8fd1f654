/**
 * Article references written out for people: 第五十二条第二款第（三）项 in Chinese, art. 52(2) item 3
 * in English.
 */
import { toChineseNumber } from '../powerlist/chinese-numerals.js';

/** An article reference with optional paragraph (款) and item (项). */
export interface ArticleLike {
  article: number;
  paragraph?: number | null | undefined;
  item?: number | null | undefined;
}

/** 第五十二条第二款第（三）项 — the way the list itself cites. */
export function formatArticleZh(ref: ArticleLike): string {
  let out = `第${toChineseNumber(ref.article)}条`;
  if (ref.paragraph != null) out += `第${toChineseNumber(ref.paragraph)}款`;
  if (ref.item != null) out += `第（${toChineseNumber(ref.item)}）项`;
  return out;
}

/** art. 52(2) item 3 */
export function formatArticleEn(ref: ArticleLike): string {
  let out = `art. ${ref.article}`;
  if (ref.paragraph != null) out += `(${ref.paragraph})`;
  if (ref.item != null) out += ` item ${ref.item}`;
  return out;
}

/** Several references joined: 第五十一条、第五十二条第二款 / art. 51, art. 52(2). */
export function formatArticlesZh(refs: readonly ArticleLike[]): string {
  return refs.map(formatArticleZh).join('、');
}

/** Several references joined in English. */
export function formatArticlesEn(refs: readonly ArticleLike[]): string {
  return refs.map(formatArticleEn).join(', ');
}
