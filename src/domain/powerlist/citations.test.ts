/**
 * Unit tests of the citation parser on the spellings of the bundled list
 * (data/powerlists/liuzhou-secrecy-bureau.tsv); the texts below are copied from it.
 */
import { describe, expect, it } from 'vitest';
import { type TArticleRef, ZCitation } from '../../contracts/power-list.js';
import { readCitationCell } from './build-item.js';
import type { CellEntry } from './cell-entries.js';
import {
  buildCitations,
  canonicalTitle,
  citationForms,
  normaliseEdition,
  parseCitation,
  renderCitation,
  type TParsedCitation,
} from './citations.js';

function art(article: number, paragraph: number | null = null, item: number | null = null): TArticleRef {
  return { article, paragraph, item };
}

function entry(text: string, no: number | null = null, options: Partial<CellEntry> = {}): CellEntry {
  return { no, sameAs: null, text, truncated: false, ...options };
}

const 保密法 = '中华人民共和国保守国家秘密法';
const 实施条例 = '中华人民共和国保守国家秘密法实施条例';
const 行政处罚法 = '中华人民共和国行政处罚法';
const 行政强制法 = '中华人民共和国行政强制法';

/** Text of 行政强制法 第六十一条 as the list quotes it. */
const ART_61 =
  '行政机关实施行政强制，有下列情形之一的，由上级行政机关或者有关部门责令改正，对直接负责的主管人员和其他直接责任人员依法给予处分：（一）没有法律、法规依据的；（二）改变行政强制对象、条件、方式的；（三）违反法定程序实施行政强制的；（四）违反本法规定，在夜间或者法定节假日实施行政强制执行的；（五）对居民生活采取停止供水、供电、供热、供燃气等方式迫使当事人履行相关行政决定的；（六）有其他违法实施行政强制情形的。';

describe('parseCitation on the spellings of the bundled list', () => {
  const cases: { name: string; input: string; expected: TParsedCitation }[] = [
    {
      name: 'rank, title, 主席令第28号, one article, text after a space',
      input:
        '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十五条 保密行政管理部门对保密检查中发现的非法获取、持有的国家秘密载体，应当予以收缴。',
      expected: {
        rank: '法律',
        title: 保密法,
        edition: '主席令第28号',
        articles: [art(45)],
        text: '保密行政管理部门对保密检查中发现的非法获取、持有的国家秘密载体，应当予以收缴。',
      },
    },
    {
      name: '国务院令646号 without 第',
      input:
        '【法规】《中华人民共和国保守国家秘密法实施条例》（国务院令646号）第三十六条 保密行政管理部门收缴非法获取、持有的国家秘密载体，应当进行登记并出具清单，查清密级、数量、来源、扩散范围等，并采取相应的保密措施。',
      expected: {
        rank: '法规',
        title: 实施条例,
        edition: '国务院令第646号',
        articles: [art(36)],
        text: '保密行政管理部门收缴非法获取、持有的国家秘密载体，应当进行登记并出具清单，查清密级、数量、来源、扩散范围等，并采取相应的保密措施。',
      },
    },
    {
      name: 'edition with the original and the amending order: the original one',
      input:
        '【法律】《中华人民共和国行政处罚法》（1996年主席令第六十三号公布，2009年主席令第十八号修改）第三十六条 行政机关发现公民、法人或者其他组织有依法应当给予行政处罚的行为的，必须全面、客观、公正的调查，收集有关证据；必要时，依照法律、法规的规定，可以进行检查。',
      expected: {
        rank: '法律',
        title: 行政处罚法,
        edition: '主席令第63号',
        articles: [art(36)],
        text: '行政机关发现公民、法人或者其他组织有依法应当给予行政处罚的行为的，必须全面、客观、公正的调查，收集有关证据；必要时，依照法律、法规的规定，可以进行检查。',
      },
    },
    {
      name: 'edition written out with dates, 中华人民共和国主席令第二十八号',
      input:
        '【法律】《中华人民共和国保守国家秘密法》（2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行）第二十八条 互联网及其他公共信息网络运营商、服务商应当配合公安机关、国家安全机关、检察机关对泄密案件进行调查；',
      expected: {
        rank: '法律',
        title: 保密法,
        edition: '主席令第28号',
        articles: [art(28)],
        text: '互联网及其他公共信息网络运营商、服务商应当配合公安机关、国家安全机关、检察机关对泄密案件进行调查；',
      },
    },
    {
      name: '：“…” around the text is removed, the inner text kept exactly',
      input: `【法律】《中华人民共和国行政强制法》（中华人民共和国主席令第49号）第六十一条：“${ART_61}”`,
      expected: { rank: '法律', title: 行政强制法, edition: '主席令第49号', articles: [art(61)], text: ART_61 },
    },
    {
      name: 'a quote the list never closed is dropped (2011年…主席令第49号公布)',
      input: `【法律】《中华人民共和国行政强制法》（2011年中华人民共和国主席令第49号公布）第六十一条：“${ART_61}`,
      expected: { rank: '法律', title: 行政强制法, edition: '主席令第49号', articles: [art(61)], text: ART_61 },
    },
    {
      name: '主席令49号 without 第',
      input:
        '【法律】《中华人民共和国行政强制法》（2011年中华人民共和国主席令49号公布）第六十八条：“违反本法规定，给公民、法人或者其他组织造成损失的，依法给予赔偿。”',
      expected: {
        rank: '法律',
        title: 行政强制法,
        edition: '主席令第49号',
        articles: [art(68)],
        text: '违反本法规定，给公民、法人或者其他组织造成损失的，依法给予赔偿。',
      },
    },
    {
      name: 'no rank, no edition, text right after the article; an excerpt of one item cites that item',
      input:
        '《行政机关公务员处分条例》第二十条有下列行为之一的，给予记过、记大过处分；情节较重的，给予降级或者撤职处分；情节严重的，给予开除处分：（四）其他玩忽职守、贻误工作的行为。',
      expected: {
        rank: null,
        title: '行政机关公务员处分条例',
        edition: null,
        articles: [art(20, null, 4)],
        text: '有下列行为之一的，给予记过、记大过处分；情节较重的，给予降级或者撤职处分；情节严重的，给予开除处分：（四）其他玩忽职守、贻误工作的行为。',
      },
    },
    {
      name: '“…”。 with the full stop outside the quotes; 国务院令495号',
      input:
        '【法规】《行政机关公务员处分条例》（国务院令495号）第二十条：“有下列行为之一的，给予记过、记大过处分：（四）其他玩忽职守、贻误工作的行为。”。',
      expected: {
        rank: '法规',
        title: '行政机关公务员处分条例',
        edition: '国务院令第495号',
        articles: [art(20, null, 4)],
        text: '有下列行为之一的，给予记过、记大过处分：（四）其他玩忽职守、贻误工作的行为。',
      },
    },
    {
      name: 'paragraph 第十四条第三款; 国务院令492号 among dates',
      input:
        '【法规】《中华人民共和国政府信息公开条例》（2007年4月5日中华人民共和国国务院令492号公布，自2008年5月1日起施行）第十四条第三款 行政机关对政府信息不能确定是否可以公开时，应当依照法律、法规和国家有关规定报有关主管部门或者同级保密工作部门确定。',
      expected: {
        rank: '法规',
        title: '中华人民共和国政府信息公开条例',
        edition: '国务院令第492号',
        articles: [art(14, 3)],
        text: '行政机关对政府信息不能确定是否可以公开时，应当依照法律、法规和国家有关规定报有关主管部门或者同级保密工作部门确定。',
      },
    },
    {
      name: 'paragraph 第二十三条第三款',
      input:
        '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第二十三条第三款 涉密信息系统应当按照规定，经检查合格后，方可投入使用。',
      expected: {
        rank: '法律',
        title: 保密法,
        edition: '主席令第28号',
        articles: [art(23, 3)],
        text: '涉密信息系统应当按照规定，经检查合格后，方可投入使用。',
      },
    },
    {
      name: 'document number 国保发〔2013〕14号, rank 规范性文件',
      input:
        '【规范性文件】《保密检查工作规定》（国保发〔2013〕14号）第十七条 保密行政管理部门组织开展保密检查，一般应当提前1至2个工作日向受检机关、单位发出书面通知；',
      expected: {
        rank: '规范性文件',
        title: '保密检查工作规定',
        edition: '国保发〔2013〕14号',
        articles: [art(17)],
        text: '保密行政管理部门组织开展保密检查，一般应当提前1至2个工作日向受检机关、单位发出书面通知；',
      },
    },
    {
      name: 'a truncated text that mentions the next article: not cited',
      input:
        '【规范性文件】《涉及国家秘密的信息系统审批管理规定》（国保发〔2007〕18号）第十五条 保密工作部门应当依据保密法律法规和保密技术标准，对涉密信息系统的相关材料进行审查。第十六条',
      expected: {
        rank: '规范性文件',
        title: '涉及国家秘密的信息系统审批管理规定',
        edition: '国保发〔2007〕18号',
        articles: [art(15)],
        text: '保密工作部门应当依据保密法律法规和保密技术标准，对涉密信息系统的相关材料进行审查。第十六条',
      },
    },
    {
      name: 'quoted text mentioning 本法第十八条, items on paragraphs of their own: neither is cited',
      input:
        '【法律】《中华人民共和国行政处罚法》（1996年中华人民共和国主席令第63号公布）第五十五条 行政机关实施行政处罚，有下列情形之一的，由上级行政机关或者有关部门责令改正：\n（一）没有法定的行政处罚依据的；\n（四）违反本法第十八条关于委托处罚的规定的。',
      expected: {
        rank: '法律',
        title: 行政处罚法,
        edition: '主席令第63号',
        articles: [art(55)],
        text: '行政机关实施行政处罚，有下列情形之一的，由上级行政机关或者有关部门责令改正：\n（一）没有法定的行政处罚依据的；\n（四）违反本法第十八条关于委托处罚的规定的。',
      },
    },
    {
      name: 'rank without edition: 《涉及国家秘密的信息系统审批管理规定》第二十六条：“…”。',
      input:
        '【规范性文件】《涉及国家秘密的信息系统审批管理规定》第二十六条：“保密工作部门和测评机构的工作人员必须严格遵守工作纪律和各项规定。构成犯罪的，依法追究刑事责任”。',
      expected: {
        rank: '规范性文件',
        title: '涉及国家秘密的信息系统审批管理规定',
        edition: null,
        articles: [art(26)],
        text: '保密工作部门和测评机构的工作人员必须严格遵守工作纪律和各项规定。构成犯罪的，依法追究刑事责任',
      },
    },
    {
      name: 'a paragraph that continues with a further article on its own line',
      input:
        '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十二条 保密行政管理部门依法组织开展保密宣传教育。\n第四十四条 保密行政管理部门对机关、单位遵守保密制度的情况进行检查，有关机关、单位应当配合……',
      expected: {
        rank: '法律',
        title: 保密法,
        edition: '主席令第28号',
        articles: [art(42), art(44)],
        text: '保密行政管理部门依法组织开展保密宣传教育。\n第四十四条 保密行政管理部门对机关、单位遵守保密制度的情况进行检查，有关机关、单位应当配合……',
      },
    },
  ];

  it.each(cases)('$name', ({ input, expected }) => {
    expect(parseCitation(input)).toEqual(expected);
  });
});

describe('parseCitation on cut-off entries', () => {
  it.each([
    { input: '【法规】', expected: { rank: '法规', title: null, edition: null, articles: [], text: '' } },
    { input: '【法律】《中华人', expected: { rank: '法律', title: null, edition: null, articles: [], text: '《中华人' } },
    {
      input: '【法规】《中华人民共和国保守国家秘密法实施',
      expected: { rank: '法规', title: null, edition: null, articles: [], text: '《中华人民共和国保守国家秘密法实施' },
    },
    {
      input: '【法律】《中华人民共和国保守国家秘密法》（主席令第',
      expected: { rank: '法律', title: 保密法, edition: null, articles: [], text: '（主席令第' },
    },
    { input: '【法', expected: { rank: null, title: null, edition: null, articles: [], text: '【法' } },
    { input: '', expected: { rank: null, title: null, edition: null, articles: [], text: '' } },
  ])('$input', ({ input, expected }) => {
    expect(parseCitation(input)).toEqual(expected);
  });
});

describe('article references', () => {
  it.each([
    { header: '第三十六条、第三十七条', articles: [art(36), art(37)] },
    { header: '第三十六条和第三十七条', articles: [art(36), art(37)] },
    { header: '第三十六条至第三十八条', articles: [art(36), art(37), art(38)] },
    { header: '第十四条第三款、第四款', articles: [art(14, 3), art(14, 4)] },
    { header: '第六十一条第（四）项', articles: [art(61, null, 4)] },
    { header: '第六十一条第四项', articles: [art(61, null, 4)] },
    { header: '第二十条第二款第三项', articles: [art(20, 2, 3)] },
    { header: '第二十条第（一）、（四）项', articles: [art(20, null, 1), art(20, null, 4)] },
    { header: '第一百零五条', articles: [art(105)] },
    { header: '第28条', articles: [art(28)] },
    { header: '第二十条之一', articles: [art(20)] },
  ])('$header', ({ header, articles }) => {
    const parsed = parseCitation(`《中华人民共和国行政处罚法》${header} 行政机关依照本法第三十条的规定办理。`);
    expect(parsed.articles).toEqual(articles);
    expect(parsed.text).toBe('行政机关依照本法第三十条的规定办理。');
  });

  // found by the file fuzzer (seed 1022976292): the number became an article the contract refuses
  it('reads no article from a number past 2^53, and keeps the contract', () => {
    const parsed = parseCitation('第99999999999999999999条《中华人民共和国保守国家秘密法》（主席令第28号）第四十五条 应当予以收缴。');
    expect(parsed.articles.every((a) => Number.isSafeInteger(a.article))).toBe(true);
    expect(() => ZCitation.parse({ no: null, sameAs: null, truncated: false, ...parsed })).not.toThrow();
  });

  it('stops at the space before the text, even when the text starts like a reference', () => {
    expect(parseCitation('《保密法》第五条 第三款所称的机关').articles).toEqual([art(5)]);
  });

  it('reads a full article after a comma, but not a bare item', () => {
    expect(parseCitation('《保密法》第三十六条，第三十七条 文本').articles).toEqual([art(36), art(37)]);
    const commaItem = parseCitation('《保密法》第六十一条，（一）没有法律、法规依据的；（二）改变行政强制对象的。');
    expect(commaItem.articles).toEqual([art(61)]);
    expect(commaItem.text).toBe('，（一）没有法律、法规依据的；（二）改变行政强制对象的。');
  });

  it('reads several items quoted in full as no particular item', () => {
    expect(parseCitation(`《中华人民共和国行政强制法》第六十一条：“${ART_61}”`).articles).toEqual([art(61)]);
  });

  it('does not read an item into a text cut off inside the item list', () => {
    const cut =
      '【法规】《中华人民共和国保守国家秘密法实施条例》（国务院令第646号）第三十二条 保密行政管理部门依法对机关、单位执行保密法律法规的下列情况进行检查：（一）保密工作责任制落实情况';
    expect(parseCitation(cut).articles).toEqual([art(32)]);
  });
});

describe('normaliseEdition', () => {
  it.each([
    ['主席令第28号', '主席令第28号'],
    ['主席令第二十八号', '主席令第28号'],
    ['中华人民共和国主席令第二十八号', '主席令第28号'],
    ['2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行', '主席令第28号'],
    ['1996年主席令第六十三号公布，2009年主席令第十八号修改', '主席令第63号'],
    ['1996年中华人民共和国主席令第63号公布', '主席令第63号'],
    ['2011年中华人民共和国主席令第49号', '主席令第49号'],
    ['2011年中华人民共和国主席令49号公布', '主席令第49号'],
    ['国务院令646号', '国务院令第646号'],
    ['2014年1月17日中华人民共和国国务院令646号公布，自2014年3月1日起施行', '国务院令第646号'],
    ['国务院令第６４６号', '国务院令第646号'],
    ['国家保密局令第1号', '国家保密局令第1号'],
    ['国保发〔2013〕14号', '国保发〔2013〕14号'],
    ['国保发[2013]14号', '国保发〔2013〕14号'],
    ['国保发（2013）14号', '国保发〔2013〕14号'],
    ['国保发 〔2007〕 18号', '国保发〔2007〕18号'],
    ['2017年修正', '2017年修正'],
    ['  ', null],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseEdition(raw)).toBe(expected);
  });

  it('reads an edition set off from the title by a space', () => {
    expect(parseCitation('《中华人民共和国保守国家秘密法》 （主席令第二十八号） 第四十五条 文本')).toMatchObject({
      edition: '主席令第28号',
      articles: [art(45)],
      text: '文本',
    });
  });

  it('reads the edition out of the citation, nested brackets included', () => {
    expect(parseCitation('【规范性文件】《保密检查工作规定》（国保发（2013）14号）第十七条 保密行政管理部门…').edition).toBe(
      '国保发〔2013〕14号',
    );
  });
});

describe('canonicalTitle', () => {
  it.each([
    [' 中华人民共和国 保守国家秘密法 ', '中华人民共和国保守国家秘密法'],
    ['中华人民共和国\u3000行政处罚法', '中华人民共和国行政处罚法'],
    ['GB  BMB 17', 'GB BMB 17'],
  ])('%s → %s', (raw, expected) => {
    expect(canonicalTitle(raw)).toBe(expected);
    expect(parseCitation(`《${raw}》第一条 文本`).title).toBe(expected);
  });
});

describe('buildCitations', () => {
  it('continues the citation before with an unnumbered entry that opens with 第X条 (item 4 实施依据)', () => {
    const citations = buildCitations([
      entry(
        '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十二条 保密行政管理部门依法组织开展保密宣传教育、保密检查、保密技术防护和泄密案件查处工作，对机关、单位的保密工作进行指导和监督。',
      ),
      entry('第四十四条 保密行政管理部门对机关、单位遵守保密制度的情况进行检查，有关机关、单位应当配合……'),
      entry(
        '【法规】《中华人民共和国保守国家秘密法实施条例》（国务院令第646号）第三十二条 保密行政管理部门依法对机关、单位执行保密法律法规的下列情况进行检查：（一）保密工作责任制落实情况；（二）保密制度建',
        null,
        {
          truncated: true,
        },
      ),
    ]);
    expect(citations).toEqual([
      {
        no: null,
        sameAs: null,
        rank: '法律',
        title: 保密法,
        edition: '主席令第28号',
        articles: [art(42), art(44)],
        text: '保密行政管理部门依法组织开展保密宣传教育、保密检查、保密技术防护和泄密案件查处工作，对机关、单位的保密工作进行指导和监督。\n第四十四条 保密行政管理部门对机关、单位遵守保密制度的情况进行检查，有关机关、单位应当配合……',
        truncated: false,
      },
      {
        no: null,
        sameAs: null,
        rank: '法规',
        title: 实施条例,
        edition: '国务院令第646号',
        articles: [art(32)],
        text: '保密行政管理部门依法对机关、单位执行保密法律法规的下列情况进行检查：（一）保密工作责任制落实情况；（二）保密制度建',
        truncated: true,
      },
    ]);
  });

  it('keeps a numbered 第X条 entry as a citation of its own, of the same source', () => {
    const citations = buildCitations([
      entry('【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十二条 甲。', 1),
      entry('第四十四条 乙。', 2),
      entry('同2。', 3, { sameAs: 2 }),
    ]);
    expect(citations.map((c) => [c.no, c.sameAs, c.title, c.edition, c.articles, c.text])).toEqual([
      [1, null, 保密法, '主席令第28号', [art(42)], '甲。'],
      [2, null, 保密法, '主席令第28号', [art(44)], '乙。'],
      [3, 2, 保密法, '主席令第28号', [art(44)], '乙。'],
    ]);
  });

  it('copies the fields of entry N into 同N entries (item 1 追责依据)', () => {
    const citations = buildCitations([
      entry(`【法律】《中华人民共和国行政强制法》（中华人民共和国主席令第49号）第六十一条：“${ART_61}”`, 1),
      entry('同1.', 2, { sameAs: 1 }),
      entry('《行政机关公务员处分条例》第二十条有下列行为之一的，给予记过、记大过处分：（四）其他玩忽职守、贻误工作的行为。', 3),
      entry('同1.', 4, { sameAs: 1, truncated: true }),
    ]);
    expect(citations[1]).toEqual({
      no: 2,
      sameAs: 1,
      rank: '法律',
      title: 行政强制法,
      edition: '主席令第49号',
      articles: [art(61)],
      text: ART_61,
      truncated: false,
    });
    expect(citations[3]).toMatchObject({ no: 4, sameAs: 1, title: 行政强制法, truncated: true });
    expect(citations[2]).toMatchObject({ no: 3, sameAs: null, title: '行政机关公务员处分条例', articles: [art(20, null, 4)] });
    // the copy is not shared: changing one does not change the other
    citations[1]?.articles.push(art(1));
    expect(citations[0]?.articles).toEqual([art(61)]);
  });

  it('resolves a chain of 同 and a forward reference', () => {
    const citations = buildCitations([
      entry('同3。', 1, { sameAs: 3 }),
      entry('同1。', 2, { sameAs: 1 }),
      entry('《保密法》第五条 文本。', 3),
    ]);
    expect(citations.map((c) => [c.no, c.sameAs, c.title, c.articles])).toEqual([
      [1, 3, '保密法', [art(5)]],
      [2, 1, '保密法', [art(5)]],
      [3, null, '保密法', [art(5)]],
    ]);
  });

  it('keeps sameAs with empty fields when N names no entry, or the 同 entries form a loop', () => {
    const citations = buildCitations([
      entry('同7。', 1, { sameAs: 7 }),
      entry('同3。', 2, { sameAs: 3 }),
      entry('同2。', 3, { sameAs: 2 }),
    ]);
    for (const c of citations) expect(c).toMatchObject({ rank: null, title: null, edition: null, articles: [], text: '' });
    expect(citations.map((c) => c.sameAs)).toEqual([7, 3, 2]);
  });

  it('reads cut-off entries as far as they go and marks them truncated', () => {
    const citations = buildCitations([
      entry(
        '【法律】《中华人民共和国保守国家秘密法》（2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行）第二十八条 互联网…',
        1,
      ),
      entry('【法律】《中华人', 2, { truncated: true }),
    ]);
    expect(citations[1]).toEqual({
      no: 2,
      sameAs: null,
      rank: '法律',
      title: null,
      edition: null,
      articles: [],
      text: '《中华人',
      truncated: true,
    });
  });

  it('takes a 第X条 entry with nothing before it as a citation without source', () => {
    expect(buildCitations([entry('第四十四条 保密行政管理部门…')])).toEqual([
      { no: null, sameAs: null, rank: null, title: null, edition: null, articles: [art(44)], text: '保密行政管理部门…', truncated: false },
    ]);
  });

  it('adds the articles a continuation line opens with, as the text says them', () => {
    // `第四十四条 第二十条…`: the line opens with 44; 第二十条 is the start of its text.
    const citations = buildCitations([
      entry('【法律】《保密法》第四十二条 甲。'),
      entry('第四十四条 第二十条 乙。'),
      entry('第45条第二十条 丙。'),
    ]);
    expect(citations).toHaveLength(1);
    expect(citations[0]?.articles).toEqual([art(42), art(44), art(45)]);
    expect(citations[0]?.text).toBe('甲。\n第四十四条 第二十条 乙。\n第45条第二十条 丙。');
  });

  it('never throws on odd entries', () => {
    const odd = ['', '【', '《', '（', '第', '第条', '第零条 x', '】》）', '同', '：“', '”', '\n\n第一条', '【法律】《》（）第一条'];
    expect(() => buildCitations(odd.map((text, i) => entry(text, i + 1)))).not.toThrow();
    expect(parseCitation('第零条 x').articles).toEqual([]);
  });
});

describe('parseCitation of an unknown rank', () => {
  it('drops a 【】 label it does not know in front of a title', () => {
    expect(parseCitation('【党内法规】《中国共产党纪律处分条例》第二十条 甲。')).toMatchObject({
      rank: null,
      title: '中国共产党纪律处分条例',
      articles: [art(20)],
      text: '甲。',
    });
  });

  it('keeps it as text where no title follows: nothing says what it labels', () => {
    expect(parseCitation('【党内法规】第三条 甲。')).toEqual({
      rank: null,
      title: null,
      edition: null,
      articles: [],
      text: '【党内法规】第三条 甲。',
    });
    // …so that, after another citation, it is not taken for a further article of that one
    const citations = buildCitations([entry('【法律】《保密法》第二条 乙。'), entry('【党内法规】第三条 甲。')]);
    expect(citations.map((c) => c.articles)).toEqual([[art(2)], []]);
  });
});

describe('renderCitation', () => {
  const base = { no: 1, sameAs: null, truncated: false } as const;

  it('writes a source without an article of its own on its own line before the 第X条 paragraphs (not quoted)', () => {
    const cell =
      '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）\n第四十四条 有关机关、单位应当配合。\n第四十四条 保密行政管理部门对机关、单位遵守保密制度的情况进行检查';
    const [citation, ...others] = readCitationCell(cell);
    expect(others).toEqual([]);
    expect(citation).toMatchObject({ articles: [art(44), art(44)], text: cell.slice(cell.indexOf('\n') + 1) });
    if (citation === undefined) throw new Error('one citation');
    const rendered = renderCitation(citation);
    expect(rendered).toBe(cell);
    // read the way the importer reads a cell, paragraph by paragraph: the same citation
    expect(readCitationCell(rendered)).toEqual([citation]);
  });

  it('quotes only the first line of an unnumbered citation of several lines', () => {
    // a text that is itself a quotation needs quotes of its own
    const cell = '《保密法》第四十二条：““甲”。”\n第四十四条 乙。';
    const citation = readCitationCell(cell)[0];
    expect(citation).toMatchObject({ articles: [art(42), art(44)], text: '“甲”。\n第四十四条 乙。' });
    if (citation === undefined) throw new Error('one citation');
    expect(renderCitation(citation)).toBe(cell);
    expect(readCitationCell(renderCitation(citation))).toEqual([citation]);
    // numbered, the entry is read as one text: the whole text may be quoted
    const numbered = { ...citation, no: 1 };
    expect(readCitationCell(`1.${renderCitation(numbered)}`)).toEqual([numbered]);
  });

  it('chooses the form that reads back behind the marker it is written behind', () => {
    // A Chinese-numbered entry may hold a paragraph `2.…`, which behind `1.` would open an entry.
    const citation = readCitationCell('（一）《保密法》第一条 甲：\n2.乙')[0];
    expect(citation).toMatchObject({ no: 1, text: '甲：\n2.乙' });
    if (citation === undefined) throw new Error('one citation');
    expect(readCitationCell(`（一）${renderCitation(citation, '（一）')}`)).toEqual([citation]);
  });

  it('offers every form, the plain one first', () => {
    const c = { ...base, no: null, rank: null, title: '保密法', edition: null, articles: [art(5)], text: '甲' };
    const forms = citationForms(c);
    expect(forms[0]).toBe('《保密法》第五条 甲');
    expect(forms).toContain('《保密法》第五条：“甲”');
    expect(new Set(forms.map((form) => JSON.stringify(parseCitation(form))))).toContain(JSON.stringify(parseCitation(forms[0] ?? '')));
  });

  it('writes the canonical form', () => {
    const c = {
      ...base,
      rank: '法律',
      title: 保密法,
      edition: '主席令第28号',
      articles: [art(14, 3), art(20, null, 4)],
      text: '保密行政管理部门…',
    } as const;
    expect(renderCitation({ ...c, articles: [...c.articles] })).toBe(
      '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第十四条第三款、第二十条第四项 保密行政管理部门…',
    );
  });

  it('writes continuation articles on their own line', () => {
    const c = {
      ...base,
      rank: '法律' as const,
      title: 保密法,
      edition: '主席令第28号',
      articles: [art(42), art(44)],
      text: '甲。\n第四十四条 乙。',
    };
    expect(renderCitation(c)).toBe('【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十二条 甲。\n第四十四条 乙。');
  });

  it('writes 同N。 for a 同N entry', () => {
    expect(renderCitation({ ...base, no: 3, sameAs: 1, rank: '法律', title: 保密法, edition: null, articles: [art(1)], text: 'x' })).toBe(
      '同1。',
    );
  });

  it('quotes a text that would otherwise read differently', () => {
    const c = { ...base, rank: null, title: '保密法', edition: null, articles: [art(5)], text: '：甲' };
    expect(renderCitation(c)).toBe('《保密法》第五条：“：甲”');
    expect(parseCitation(renderCitation(c)).text).toBe('：甲');
  });

  it('writes a cut-off entry as it was', () => {
    const c = parseCitation('【法律】《中华人');
    expect(renderCitation({ ...base, ...c })).toBe('【法律】《中华人');
  });
});
