import { describe, expect, it } from 'vitest';
import { citation, item, ref, testRegistry } from '../../../test/helpers/legal-source-factories.js';
import { ZCitationNotice } from '../../contracts/legal-sources.js';
import { ZFinding } from '../../contracts/power-list.js';
import { DomainError } from '../errors.js';
import { addEdition } from './registry.js';
import { findStaleCitations, staleCitationNotices } from './stale-citations.js';

const AS_OF = '2026-11-26';

describe('findStaleCitations', () => {
  it('flags a superseded edition with the current article and its confidence', () => {
    const items = [item(1, { legalBases: [citation('中华人民共和国测试法', '主席令第二十八号', [ref(45)])] })];
    expect(findStaleCitations(items, testRegistry(), AS_OF)).toEqual([
      {
        rule: 'stale-citation',
        severity: 'warning',
        item: 1,
        field: 'legalBases',
        entry: 0,
        message:
          '引用《中华人民共和国测试法》（2010年版，主席令第28号）第四十五条，该版本已被修订；现行版本（主席令第20号，2024-05-01施行）对应第五十二条第二款（已核对）。',
        messageEn:
          'Cites 《中华人民共和国测试法》 (2010 edition, 主席令第28号) art. 45, an edition since revised; the current edition (主席令第20号, in force since 2024-05-01) has it as art. 52(2) (checked).',
      },
    ]);
  });

  it('says 推定 and carries the note for an inferred mapping, and unknown where there is no mapping', () => {
    const items = [item(3, { dutyBases: [citation('测试法', '主席令第28号', [ref(44), ref(23, 3)])] })];
    const [inferred, unknown, ...rest] = findStaleCitations(items, testRegistry(), AS_OF);
    expect(rest).toEqual([]);
    expect(inferred?.message).toBe(
      '引用《中华人民共和国测试法》（2010年版，主席令第28号）第四十四条，该版本已被修订；现行版本（主席令第20号，2024-05-01施行）对应第五十一条、第五十二条第二款（推定）。法律依据库备注：split',
    );
    expect(inferred?.messageEn).toContain('has it as art. 51, art. 52(2) (inferred). Registry note: split.');
    expect(unknown?.message).toBe(
      '引用《中华人民共和国测试法》（2010年版，主席令第28号）第二十三条第三款，该版本已被修订；现行版本（主席令第20号，2024-05-01施行）对应条款未知，请人工核对。',
    );
    expect(unknown?.messageEn).toContain('is unknown — check by hand');
    expect(unknown?.entry).toBe(0);
  });

  it('gives a stale citation without articles one warning to check by hand', () => {
    const findings = findStaleCitations([item(1, { legalBases: [citation('测试法', '主席令第28号')] })], testRegistry(), AS_OF);
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      [
        'stale-citation',
        '引用《中华人民共和国测试法》（2010年版，主席令第28号），该版本已被修订；现行版本（主席令第20号，2024-05-01施行）中的对应条款请人工核对。',
      ],
    ]);
  });

  it('reports unknown status, no edition, unknown edition and unknown source as infos', () => {
    const items = [
      item(6, {
        accountabilityBases: [
          citation('测试处分条例', '国务院令495号', [ref(20)]),
          citation('测试处分条例', null, [ref(23)]),
          citation('测试法', '主席令第70号', [ref(1)]),
          citation('中华人民共和国未登记法', null, [ref(2, null, 4)]),
        ],
      }),
    ];
    expect(findStaleCitations(items, testRegistry(), AS_OF).map((f) => [f.rule, f.severity, f.entry, f.message])).toEqual([
      [
        'citation-status-unknown',
        'info',
        0,
        '引用《测试处分条例》（国务院令第495号）第二十条，法律依据库未能确认该版本是否现行有效（效力状态：未知），请人工核对。法律依据库备注：no repeal found',
      ],
      ['unresolved-citation', 'info', 1, '引用《测试处分条例》第二十三条未注明版本，无法判断所引是否为现行版本，请人工核对。'],
      [
        'unresolved-citation',
        'info',
        2,
        '引用《中华人民共和国测试法》（主席令第70号）第一条，法律依据库中没有该版本，无法判断是否现行有效，请人工核对。',
      ],
      [
        'unresolved-citation',
        'info',
        3,
        '引用《中华人民共和国未登记法》第二条第（四）项，该依据未在法律依据库中登记，无法判断是否现行有效。',
      ],
    ]);
  });

  it('says nothing about editions in force, untitled citations, cut-off unknown titles and 同N copies', () => {
    const items = [
      item(2, {
        legalBases: [
          citation('测试法', '主席令第20号', [ref(52)]),
          citation('测试检查规定', '国保发〔2013〕14号', [ref(17)]),
          citation(null, null, [], { truncated: true }),
          citation('中华人民共和国测试', null, [], { truncated: true }),
        ],
        dutyBases: [citation('测试法', '主席令第28号', [ref(45)]), citation('测试法', '主席令第28号', [ref(45)], { sameAs: 1 })],
      }),
    ];
    expect(findStaleCitations(items, testRegistry(), AS_OF).map((f) => [f.field, f.entry])).toEqual([['dutyBases', 0]]);
  });

  it('says 已废止 for a repealed edition and when no edition is in force', () => {
    const registry = testRegistry();
    const law = registry.sources[0];
    if (!law) throw new Error('no law');
    const repealed = { sources: [{ ...law, editions: law.editions.map((e) => ({ ...e, status: 'repealed' as const })) }] };
    const [finding] = findStaleCitations([item(1, { legalBases: [citation('测试法', '主席令第28号', [ref(45)])] })], repealed, AS_OF);
    expect(finding?.message).toBe(
      '引用《中华人民共和国测试法》（2010年版，主席令第28号）第四十五条，该版本已废止；法律依据库中没有现行有效版本，对应条款未知，请人工核对。',
    );
  });

  it('flags citations of an edition as soon as a new edition supersedes it, and names a revision not yet in force', () => {
    const items = [item(4, { legalBases: [citation('测试法', '主席令第20号', [ref(52, 2)])] })];
    expect(findStaleCitations(items, testRegistry(), AS_OF)).toEqual([]);
    const next = addEdition(testRegistry(), {
      sourceId: 'test-law',
      edition: { edition: '主席令第99号', adopted: '2026-10-01', effective: '2027-01-01', status: 'in-force' },
      supersedes: ['主席令第20号'],
    });
    expect(findStaleCitations(items, next, AS_OF).map((f) => f.message)).toEqual([
      '引用《中华人民共和国测试法》（2024年版，主席令第20号）第五十二条第二款，该版本已被修订；修订后的版本（主席令第99号，2027-01-01起施行，尚未生效）对应条款未知，请人工核对。',
    ]);
    expect(findStaleCitations(items, next, '2027-01-01')[0]?.message).toContain('现行版本（主席令第99号，2027-01-01施行）对应条款未知');
  });

  it('produces findings of the contract shape and refuses a malformed date', () => {
    const items = [item(1, { legalBases: [citation('测试法', '主席令第28号', [ref(45)]), citation('测试法', null)] })];
    for (const finding of findStaleCitations(items, testRegistry(), AS_OF)) expect(ZFinding.parse(finding)).toEqual(finding);
    expect(() => findStaleCitations(items, testRegistry(), '26.11.2026')).toThrow(DomainError);
  });
});

describe('staleCitationNotices', () => {
  it('gives the structured facts, including 同N copies', () => {
    const items = [
      item(1, { dutyBases: [citation('测试法', '主席令第28号', [ref(44)]), citation('测试法', '主席令第28号', [ref(44)], { sameAs: 1 })] }),
    ];
    const notices = staleCitationNotices(items, testRegistry(), AS_OF);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toEqual({
      kind: 'stale',
      item: 1,
      field: 'dutyBases',
      entry: 0,
      sameAs: null,
      cited: {
        title: '测试法',
        sourceId: 'test-law',
        sourceTitle: '中华人民共和国测试法',
        edition: '主席令第28号',
        articles: [ref(44)],
        registryEdition: '主席令第28号',
        status: 'superseded',
        adopted: '2010-04-29',
        effective: '2010-10-01',
        note: null,
      },
      current: { edition: '主席令第20号', adopted: '2024-02-27', effective: '2024-05-01', isEffective: true, note: null },
      articles: [
        {
          cited: ref(44),
          mapped: [
            { edition: '主席令第20号', article: 51 },
            { edition: '主席令第20号', article: 52, paragraph: 2 },
          ],
          confidence: 'inferred',
          notes: ['split'],
        },
      ],
    });
    expect(notices[1]).toMatchObject({ entry: 1, sameAs: 1, kind: 'stale' });
    for (const notice of notices) expect(ZCitationNotice.parse(notice)).toEqual(notice);
  });
});
