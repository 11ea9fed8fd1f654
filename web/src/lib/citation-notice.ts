/**
 * What the item page says next to a citation the legal-source registry has a notice about: a short
 * tag (已修订, 已废止, 未注明版本 …) and, for a citation of a superseded edition, where its article is in
 * the edition now in force — "现行：《…》（主席令第20号，2024-05-01施行）第五十二条第二款 · 已核对" — or
 * that the registry does not know (对应条款未知). The registry's facts only; nothing is guessed.
 */

import type { TCitationNotice, TCitationNoticeKind, TEditionArticle, TNoticeArticle } from '@contracts/legal-sources.js';
import type { TArticleRef } from '@contracts/power-list.js';
import { toChineseNumeral } from './chinese-numerals.js';
import { formatArticleRef } from './format-article.js';
import { EDITION_STATUS_LABELS, MAPPING_CONFIDENCE_LABELS } from './legal-source-labels.js';

/** The tag shown beside the citation's title. */
export interface NoticeTag {
  label: string;
  /** antd Tag colour */
  colour: string;
  /** what the tag means, for a tooltip */
  explanation: string;
}

/** Everything the marker shows for one notice. */
export interface CitationMarker {
  tag: NoticeTag;
  /** "现行：《…》（…施行）…" lines; empty for notices that are not about a stale citation */
  lines: string[];
  /** the registry's notes on the editions and mappings used, verbatim */
  notes: string[];
}

const KIND_TAGS: Record<Exclude<TCitationNoticeKind, 'stale'>, NoticeTag> = {
  'status-unknown': { label: '效力未知', colour: 'default', explanation: '法律依据库尚未核实所引用版本的效力状态。' },
  'edition-not-stated': {
    label: '版本未注明',
    colour: 'default',
    explanation: '引用未注明版本（令号或施行日期），无法判断引用的是否为现行版本。',
  },
  'edition-unknown': { label: '版本未收录', colour: 'default', explanation: '法律依据库收录了该法律法规，但没有收录所引用的版本。' },
  'source-unknown': { label: '法律依据库未收录', colour: 'default', explanation: '法律依据库尚未收录该法律法规，无法核对其效力。' },
};

/** One article of an edition: 第五十二条第二款 (the edition is named only when `withEdition`). */
export function formatEditionArticle(target: TEditionArticle, withEdition = false): string {
  const article = `第${toChineseNumeral(target.article)}条${target.paragraph ? `第${toChineseNumeral(target.paragraph)}款` : ''}`;
  return withEdition ? `${target.edition}${article}` : article;
}

/** 《Title》（edition，2024-05-01施行）, noting a revision that is not in effect yet. */
function currentEditionPhrase(notice: TCitationNotice): string {
  const title = notice.cited.sourceTitle ?? notice.cited.title;
  const current = notice.current;
  if (current === null) return `《${title}》`;
  const parts = [current.edition];
  if (current.effective) parts.push(current.isEffective ? `${current.effective}施行` : `${current.effective}起施行，尚未生效`);
  return `《${title}》（${parts.join('，')}）`;
}

/** Where one cited article went: 第五十二条第二款 · 已核对, or 对应条款未知. */
function mappedPhrase(article: TNoticeArticle, currentEdition: string | null): string {
  if (article.mapped === null || article.mapped.length === 0) return '对应条款未知，请人工核对';
  // A mapping that ends in another edition than the one in force names it, so nobody misreads it.
  const targets = article.mapped.map((target) =>
    formatEditionArticle(target, currentEdition !== null && target.edition !== currentEdition),
  );
  const confidence = article.confidence ? ` · ${MAPPING_CONFIDENCE_LABELS[article.confidence]}` : '';
  return `${targets.join('、')}${confidence}`;
}

function staleTag(notice: TCitationNotice): NoticeTag {
  const cited = notice.cited.registryEdition ?? notice.cited.edition ?? '所引用版本';
  if (notice.cited.status === 'repealed') {
    return { label: EDITION_STATUS_LABELS.repealed, colour: 'red', explanation: `${cited}已废止。` };
  }
  return {
    label: EDITION_STATUS_LABELS.superseded,
    colour: 'orange',
    explanation: `${cited}已被修订，清单引用的条款序号可能已经变化。`,
  };
}

function staleLines(notice: TCitationNotice): string[] {
  if (notice.current === null) {
    return [notice.cited.status === 'repealed' ? '现行：法律依据库未记录替代该版本的现行规定' : '现行：法律依据库未记录现行有效的版本'];
  }
  const heading = `现行：${currentEditionPhrase(notice)}`;
  const currentEdition = notice.current.edition;
  const [only, ...more] = notice.articles;
  if (only === undefined) return [heading];
  if (more.length === 0) {
    const mapped = mappedPhrase(only, currentEdition);
    return [only.mapped === null || only.mapped.length === 0 ? `${heading}，${mapped}` : `${heading}${mapped}`];
  }
  return [heading, ...notice.articles.map((article) => `原${citedArticle(article.cited)} → ${mappedPhrase(article, currentEdition)}`)];
}

function citedArticle(ref: TArticleRef): string {
  return formatArticleRef(ref);
}

/** The marker of one notice. */
export function citationMarker(notice: TCitationNotice): CitationMarker {
  const notes: string[] = [];
  const add = (note: string | null | undefined) => {
    const text = note?.trim();
    if (text && !notes.includes(text)) notes.push(text);
  };
  if (notice.kind !== 'stale') {
    add(notice.cited.note);
    return { tag: KIND_TAGS[notice.kind], lines: [], notes };
  }
  add(notice.current?.note);
  for (const article of notice.articles) for (const note of article.notes) add(note);
  return { tag: staleTag(notice), lines: staleLines(notice), notes };
}

/** The notices of one citation field, by 0-based entry index. */
export function noticesByEntry(notices: readonly TCitationNotice[], field: TCitationNotice['field']): Map<number, TCitationNotice> {
  const byEntry = new Map<number, TCitationNotice>();
  for (const notice of notices) if (notice.field === field && !byEntry.has(notice.entry)) byEntry.set(notice.entry, notice);
  return byEntry;
}

/** How many citations of the item cite a superseded or repealed edition. */
export function countStale(notices: readonly TCitationNotice[]): number {
  return notices.filter((notice) => notice.kind === 'stale').length;
}
