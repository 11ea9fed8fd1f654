import type { TCitationNotice } from '@contracts/legal-sources.js';
import { describe, expect, it } from 'vitest';
import { citationMarker, countStale, formatEditionArticle, noticesByEntry } from './citation-notice.js';

/** A stale notice shaped like the server's answer for item 1's first legal basis. */
function staleNotice(overrides: Partial<TCitationNotice> = {}): TCitationNotice {
  return {
    kind: 'stale',
    item: 1,
    field: 'legalBases',
    entry: 0,
    sameAs: null,
    cited: {
      title: '中华人民共和国保守国家秘密法',
      sourceId: 'baomi-fa',
      sourceTitle: '中华人民共和国保守国家秘密法',
      edition: '主席令第28号',
      articles: [{ article: 45, paragraph: null, item: null }],
      registryEdition: '主席令第28号',
      status: 'superseded',
      adopted: '2010-04-29',
      effective: '2010-10-01',
      note: null,
    },
    current: { edition: '主席令第20号', adopted: '2024-02-27', effective: '2024-05-01', isEffective: true, note: null },
    articles: [
      {
        cited: { article: 45, paragraph: null, item: null },
        mapped: [{ edition: '主席令第20号', article: 52, paragraph: 2 }],
        confidence: 'checked',
        notes: [],
      },
    ],
    ...overrides,
  };
}

describe('citationMarker for a stale citation', () => {
  it('names the current edition, its effective date and the mapped article with its confidence', () => {
    const marker = citationMarker(staleNotice());
    expect(marker.tag.label).toBe('已修订');
    expect(marker.lines).toEqual(['现行：《中华人民共和国保守国家秘密法》（主席令第20号，2024-05-01施行）第五十二条第二款 · 已核对']);
  });

  it('says the article is unknown when the registry has no mapping', () => {
    const notice = staleNotice({
      articles: [{ cited: { article: 45, paragraph: null, item: null }, mapped: null, confidence: null, notes: [] }],
    });
    expect(citationMarker(notice).lines).toEqual([
      '现行：《中华人民共和国保守国家秘密法》（主席令第20号，2024-05-01施行），对应条款未知，请人工核对',
    ]);
  });

  it('lists each cited article when a citation names several, keeping split articles and inferred mappings apart', () => {
    const notice = staleNotice({
      cited: {
        ...staleNotice().cited,
        articles: [
          { article: 36, paragraph: null, item: null },
          { article: 37, paragraph: 1, item: null },
        ],
      },
      articles: [
        {
          cited: { article: 36, paragraph: null, item: null },
          mapped: [{ edition: '主席令第20号', article: 54 }],
          confidence: 'inferred',
          notes: ['新增及时立案要求'],
        },
        {
          cited: { article: 37, paragraph: 1, item: null },
          mapped: [
            { edition: '主席令第20号', article: 42 },
            { edition: '主席令第20号', article: 55 },
          ],
          confidence: 'checked',
          notes: [],
        },
      ],
    });
    const marker = citationMarker(notice);
    expect(marker.lines).toEqual([
      '现行：《中华人民共和国保守国家秘密法》（主席令第20号，2024-05-01施行）',
      '原第三十六条 → 第五十四条 · 推定',
      '原第三十七条第一款 → 第四十二条、第五十五条 · 已核对',
    ]);
    expect(marker.notes).toEqual(['新增及时立案要求']);
  });

  it('marks a revision not yet in effect and a repealed edition without successor', () => {
    const pending = staleNotice({
      current: { edition: '主席令第99号', adopted: '2026-06-01', effective: '2027-01-01', isEffective: false, note: '尚待施行' },
    });
    expect(citationMarker(pending).lines[0]).toContain('（主席令第99号，2027-01-01起施行，尚未生效）');
    expect(citationMarker(pending).notes).toEqual(['尚待施行']);

    const repealed = staleNotice({ cited: { ...staleNotice().cited, status: 'repealed' }, current: null, articles: [] });
    const marker = citationMarker(repealed);
    expect(marker.tag).toMatchObject({ label: '已废止', colour: 'red' });
    expect(marker.lines).toEqual(['现行：法律依据库未记录替代该版本的现行规定']);
  });
});

describe('citationMarker for other notices', () => {
  it('gives a quiet tag and no current-article line', () => {
    const notice = staleNotice({ kind: 'edition-not-stated', current: null, articles: [] });
    const marker = citationMarker(notice);
    expect(marker.tag.label).toBe('版本未注明');
    expect(marker.lines).toEqual([]);
  });
});

describe('helpers', () => {
  it('formats an edition article, with the edition on request', () => {
    expect(formatEditionArticle({ edition: '国务院令第786号', article: 62 })).toBe('第六十二条');
    expect(formatEditionArticle({ edition: '国务院令第786号', article: 62, paragraph: 3 }, true)).toBe('国务院令第786号第六十二条第三款');
  });

  it('indexes notices of one field by entry and counts the stale ones', () => {
    const notices = [staleNotice(), staleNotice({ field: 'dutyBases', entry: 2 }), staleNotice({ kind: 'source-unknown', entry: 3 })];
    const legal = noticesByEntry(notices, 'legalBases');
    expect([...legal.keys()]).toEqual([0, 3]);
    expect(noticesByEntry(notices, 'dutyBases').get(2)?.field).toBe('dutyBases');
    expect(countStale(notices)).toBe(2);
  });
});
