/**
 * Property tests of the citation parser: rendering a citation and parsing it back gives the same
 * citation — for generated citations, for whatever the parser makes of arbitrary text, and for every
 * citation of the bundled list (its cells' entries are embedded below: domain tests read no files);
 * and a cell of citations written back reads, through the importer's cell reader, as the same
 * citations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TArticleRef, type TCitation, ZCitation, ZRank } from '../../contracts/power-list.js';
import { joinWrappedBrackets, readCitationCell } from './build-item.js';
import type { CellEntry } from './cell-entries.js';
import { toChineseNumber } from './chinese-numerals.js';
import { buildCitations, hasRunTogetherParts, parseCitation, renderCitation, type TParsedCitation } from './citations.js';
import { renderPowerItem } from './render-item.js';
import { propertyRuns } from './row-cells.arbitraries.js';

/** The parsed fields of a citation, for comparing with what parseCitation returns. */
function fieldsOf(c: TCitation): TParsedCitation {
  return { rank: c.rank, title: c.title, edition: c.edition, articles: c.articles, text: c.text };
}

function asEntry(fields: TParsedCitation): TCitation {
  return { no: null, sameAs: null, truncated: false, ...fields };
}

/** References written out independently of the module: 第十四条第三款第二项. */
function writeRefs(refs: TArticleRef[]): string {
  return refs
    .map(
      (r) =>
        `第${toChineseNumber(r.article)}条${r.paragraph === null ? '' : `第${toChineseNumber(r.paragraph)}款`}${r.item === null ? '' : `第${toChineseNumber(r.item)}项`}`,
    )
    .join('、');
}

const ref = fc.record({
  article: fc.integer({ min: 1, max: 300 }),
  paragraph: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
  item: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
});

const titleChars = [...'中华人民共和国保守国家秘密法实施条例行政处罚强制机关公务员处分规定涉及信息系统审批管理〈〉'];
const title = fc.array(fc.constantFrom(...titleChars), { minLength: 1, maxLength: 24 }).map((chars) => chars.join(''));

const edition = fc.oneof(
  fc.integer({ min: 1, max: 999 }).map((n) => `主席令第${n}号`),
  fc.integer({ min: 1, max: 999 }).map((n) => `国务院令第${n}号`),
  fc
    .record({ year: fc.integer({ min: 1980, max: 2030 }), n: fc.integer({ min: 1, max: 99 }) })
    .map(({ year, n }) => `国保发〔${year}〕${n}号`),
  fc.integer({ min: 1980, max: 2030 }).map((year) => `${year}年修正`),
);

/** Pieces of quoted text, including the ones that look like parts of a citation. */
const textPieces = [
  '保密行政管理部门',
  '应当予以收缴',
  '依照本法第三十条的规定',
  '违反本法第十八条关于委托处罚的规定的',
  '第三款',
  '（一）',
  '（四）',
  '“国家秘密”',
  '“',
  '”',
  '：',
  '，',
  '；',
  '。',
  ' ',
  '\n',
  '1至2个工作日',
  '第',
  '条',
  '和',
  '、',
  '【法律】',
  '《',
  '》',
  '（',
  '）',
  '同1。',
];
const rawText = fc.array(fc.constantFrom(...textPieces), { maxLength: 12 }).map((pieces) => pieces.join(''));

/**
 * A text whose first line does not open with an article reference and in which no single item
 * follows a lead-in (both would legitimately change the parsed articles).
 */
const plainText = rawText.filter(
  (t) => !/^\s*第[一二三四五六七八九十百]+条/.test(t) && !/\n\s*第[一二三四五六七八九十百]+条/.test(t) && !impliesItem(t),
);

/** An independent statement of the implied-item rule: one item marker, after a lead-in and a colon, ending a sentence. */
function impliesItem(text: string): boolean {
  const markers = text.match(/[（(][一二三四五六七八九十]+[）)]/g) ?? [];
  return (
    markers.length === 1 &&
    /\S[：:]\s*[（(][一二三四五六七八九十]+[）)]/.test(text) &&
    /[。；;]\s*$/.test(text.replace(/[”"’」]+[。.]?\s*$/, ''))
  );
}

/** Further articles of the same source, each on a line of its own: `第四十四条 …`. */
const continuation = fc.record({ refs: fc.array(ref, { minLength: 1, maxLength: 2 }), text: plainText });

const generatedCitation = fc
  .record({
    rank: fc.option(fc.constantFrom(...ZRank.options), { nil: null }),
    title: fc.option(title, { nil: null }),
    edition: fc.option(edition, { nil: null }),
    header: fc.array(ref, { maxLength: 3 }),
    text: plainText,
    continuations: fc.array(continuation, { maxLength: 2 }),
  })
  .map(({ rank, title, edition, header, text, continuations }): TParsedCitation => {
    // what the continuation lines hold, and the articles they add
    const lines = continuations.map((c) => `${writeRefs(c.refs)} ${c.text}`);
    // the parser trims the text (only a quoted text keeps spaces at its ends)
    const fullText = (text.trim() === '' ? lines : [text, ...lines]).join('\n').trim();
    return {
      rank,
      title,
      edition: title === null ? null : edition,
      articles: [...header, ...continuations.flatMap((c) => c.refs)],
      text: fullText,
    };
  })
  // a text with a further citation or article run on is split by the reader: no citation has one
  .filter((c) => !hasRunTogetherParts(c.text) && joinWrappedBrackets(c.text) === c.text)
  // no part of the text, cut where an article line starts, may imply an item either
  .filter((c) => !c.text.split(/\n(?=\s*第[一二三四五六七八九十百]+条)/).some(impliesItem))
  // a text opening with a quote that is never closed is not one the parser returns: it drops that quote
  .filter((c) => !/^\s*“[^“”]*$/.test(c.text));

/** The entries of every citation cell of data/powerlists/liuzhou-secrecy-bureau.tsv (identical cells once). */
const BUNDLED_CELLS: { where: string; entries: CellEntry[] }[] = [
  {
    where: '1 实施依据',
    entries: [
      {
        no: null,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十五条 保密行政管理部门对保密检查中发现的非法获取、持有的国家秘密载体，应当予以收缴。',
      },
      {
        no: null,
        sameAs: null,
        truncated: false,
        text: '【法规】《中华人民共和国保守国家秘密法实施条例》（国务院令646号）第三十六条 保密行政管理部门收缴非法获取、持有的国家秘密载体，应当进行登记并出具清单，查清密级、数量、来源、扩散范围等，并采取相应的保密措施。',
      },
    ],
  },
  {
    where: '1 责任事项依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国行政处罚法》（1996年主席令第六十三号公布，2009年主席令第十八号修改）第三十六条 行政机关发现公民、法人或者其他组织有依法应当给予行政处罚的行为的，必须全面、客观、公正的调查，收集有关证据；必要时，依照法律、法规的规定，可以进行检查。',
      },
      {
        no: 2,
        sameAs: null,
        truncated: true,
        text: '【法律】《中华人民共和国行政处罚法》（1996年主席令第六十三号公布，2009年主席令第十八号修改）第三十七条 行政机关在调查或者进行检查时，执法人员不得少于两人，并应当向当事人或者有关人员出示证件。当事人或者有关人员',
      },
    ],
  },
  {
    where: '1 追责依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国行政强制法》（中华人民共和国主席令第49号）第六十一条：“行政机关实施行政强制，有下列情形之一的，由上级行政机关或者有关部门责令改正，对直接负责的主管人员和其他直接责任人员依法给予处分：（一）没有法律、法规依据的；（二）改变行政强制对象、条件、方式的；（三）违反法定程序实施行政强制的；（四）违反本法规定，在夜间或者法定节假日实施行政强制执行的；（五）对居民生活采取停止供水、供电、供热、供燃气等方式迫使当事人履行相关行政决定的；（六）有其他违法实施行政强制情形的。”',
      },
      {
        no: 2,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国行政强制法》（中华人民共和国主席令第49号）第六十一条：“行政机关实施行政强制，有下列情形之一的，由上级行政机关或者有关部门责令改正，对直接负责的主管人员和其他直接责任人员依法给予处分：（一）没有法律、法规依据的；（二）改变行政强制对象、条件、方式的；（三）违反法定程序实施行政强制的；（四）违反本法规定，在夜间或者法定节假日实施行政强制执行的；（五）对居民生活采取停止供水、供电、供热、供燃气等方式迫使当事人履行相关行政决定的；（六）有其他违法实施行政强制情形的。”',
      },
      { no: 3, sameAs: 1, truncated: false, text: '同1.' },
      {
        no: 4,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国行政强制法》（中华人民共和国主席令第49号）第六十八条：“违反本法规定，给公民、法人或者其他组织造成损失的，依法给予赔偿。违反本法规定，构成犯罪的，依法追究刑事责任。”',
      },
      {
        no: 5,
        sameAs: null,
        truncated: false,
        text: '《行政机关公务员处分条例》第二十条有下列行为之一的，给予记过、记大过处分；情节较重的，给予降级或者撤职处分；情节严重的，给予开除处分：（四）其他玩忽职守、贻误工作的行为。',
      },
      { no: 6, sameAs: 1, truncated: false, text: '同1.' },
    ],
  },
  {
    where: '2 实施依据',
    entries: [
      {
        no: null,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国保守国家秘密法》（2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行）第二十八条 互联网及其他公共信息网络运营商、服务商应当配合公安机关、国家安全机关、检察机关对泄密案件进行调查；发现利用互联网及其他公共信息网络发布的信息涉及泄露国家秘密的，应当立即停止传输，保存有关记录，向公安机关、国家安全机关或者保密行政管理部门报告；应当根据公安机关、国家安全机关或者保密行政管理部门的要求，删除涉及泄露国家秘密的信息。',
      },
    ],
  },
  {
    where: '2 责任事项依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国保守国家秘密法》（2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行）第二十八条 互联网及其他公共信息网络运营商、服务商应当配合公安机关、国家安全机关、检察机关对泄密案件进行调查；发现利用互联网及其他公共信息网络发布的信息涉及泄露国家秘密的，应当立即停止传输，保存有关记录，向公安机关、国家安全机关或者保密行政管理部门报告；应当根据公安机关、国家安全机关或者保密行政管理部门的要求，删除涉及泄露国家秘密的信息。',
      },
      { no: 2, sameAs: null, truncated: true, text: '【法律】《中华人' },
    ],
  },
  {
    where: '2 追责依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国行政强制法》（2011年中华人民共和国主席令49号公布）第六十一条：“行政机关实施行政强制，有下列情形之一的，由上级行政机关或者有关部门责令改正，对直接负责的主管人员和其他直接责任人员依法给予处分：（一）没有法律、法规依据的；（二）改变行政强制对象、条件、方式的；（三）违反法定程序实施行政强制的；（四）违反本法规定，在夜间或者法定节假日实施行政强制执行的；（五）对居民生活采取停止供水、供电、供热、供燃气等方式迫使当事人履行相关行政决定的；（六）有其他违法实施行政强制情形的。”',
      },
    ],
  },
  {
    where: '3 实施依据',
    entries: [
      {
        no: null,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十四条 保密行政管理部门对机关、单位遵守保密制度的情况进行检查，有关机关、单位应当配合。保密行政管理部门发现机关、单位存在泄密隐患的，应当要求其采取措施，限期整改；对存在泄密隐患的设施、设备、场所，应当责令停止使用；对严重违反保密规定的涉密人员，应当建议有关机关、单位给予处分并调离涉密岗位；发现涉嫌泄露国家秘密的，应当督促、指导有关机关、单位进行调查处理。涉嫌犯罪的，移送司法机关处理。',
      },
      { no: null, sameAs: null, truncated: true, text: '【法规】《中华人民共和国保守国家秘密法实施' },
    ],
  },
  {
    where: '3 责任事项依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: true,
        text: '【法律】《中华人民共和国保守国家秘密法》（2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行）第四十四条 保密行政管理部门对机关、单位遵守保密制度的情况进行检查，有关机关、单位应当配合。保密行政管理部门发现机关、单位存在泄密隐患的，应当要求其采取措施，限期整改；对存在泄密隐患的设施、设备、场所，应当责令停止使用；对严重违反保密规定的涉密人员，应当建议有关机关、单位给予处分并调离涉密岗位；发现涉嫌泄露国家秘密的，应当督促、指导有关机关、单位进行调查处理。涉嫌犯罪',
      },
    ],
  },
  {
    where: '3 追责依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国行政强制法》（2011年中华人民共和国主席令第49号公布）第六十一条：“行政机关实施行政强制，有下列情形之一的，由上级行政机关或者有关部门责令改正，对直接负责的主管人员和其他直接责任人员依法给予处分：（一）没有法律、法规依据的；（二）改变行政强制对象、条件、方式的；（三）违反法定程序实施行政强制的；（四）违反本法规定，在夜间或者法定节假日实施行政强制执行的；（五）对居民生活采取停止供水、供电、供热、供燃气等方式迫使当事人履行相关行政决定的；（六）有其他违法实施行政强制情形的。',
      },
    ],
  },
  {
    where: '4 实施依据',
    entries: [
      {
        no: null,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十二条 保密行政管理部门依法组织开展保密宣传教育、保密检查、保密技术防护和泄密案件查处工作，对机关、单位的保密工作进行指导和监督。',
      },
      {
        no: null,
        sameAs: null,
        truncated: false,
        text: '第四十四条 保密行政管理部门对机关、单位遵守保密制度的情况进行检查，有关机关、单位应当配合……',
      },
      {
        no: null,
        sameAs: null,
        truncated: true,
        text: '【法规】《中华人民共和国保守国家秘密法实施条例》（国务院令第646号）第三十二条 保密行政管理部门依法对机关、单位执行保密法律法规的下列情况进行检查：（一）保密工作责任制落实情况；（二）保密制度建',
      },
    ],
  },
  {
    where: '4 责任事项依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【规范性文件】《保密检查工作规定》（国保发〔2013〕14号）第十七条 保密行政管理部门组织开展保密检查，一般应当提前1至2个工作日向受检机关、单位发出书面通知；特殊情况下，可于检查当日口头通知，并由检查人员将书面通知交受检机关、单位。',
      },
      {
        no: 2,
        sameAs: null,
        truncated: true,
        text: '【规范性文件】《保密检查工作规定》（国保发〔2013〕14号）第十八条 保密检查应当依照下列程序进行：（一）听取受检机关、单位有关保密工作情况介绍；（二）根据检查目录和工作要求选定具体检查对象；（三）对检查对象进行检查，查阅有关保密工作材料、',
      },
    ],
  },
  {
    where: '4 追责依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国行政处罚法》（1996年中华人民共和国主席令第63号公布）第五十五条 行政机关实施行政处罚，有下列情形之一的，由上级行政机关或者有关部门责令改正，可以对直接负责的主管人员和其他直接责任人员依法给予行政处分：\n（一）没有法定的行政处罚依据的；\n（二）擅自改变行政处罚种类、幅度的；\n（三）违反法定的行政处罚程序的；\n（四）违反本法第十八条关于委托处罚的规定的。',
      },
      { no: 2, sameAs: 1, truncated: false, text: '同1.' },
      { no: 3, sameAs: 1, truncated: false, text: '同1.' },
      { no: 4, sameAs: 1, truncated: false, text: '同1.' },
      { no: 5, sameAs: 1, truncated: false, text: '同1.' },
      { no: 6, sameAs: null, truncated: true, text: '【法律】《中华人民共和国公务' },
    ],
  },
  {
    where: '5 实施依据',
    entries: [
      {
        no: null,
        sameAs: null,
        truncated: false,
        text: '【法规】《中华人民共和国保守国家秘密法实施条例》（国务院令646号）第三十五条 保密行政管理部门对公民举报、机关和单位报告、保密检查发现、有关部门移送的涉嫌泄露国家秘密的线索和案件，应当依法及时调查或者组织、督促有关机关、单位调查处理。调查工作结束后，认为有违反保密法律法规的事实，需要追究责任的，保密行政管理部门可以向有关机关、单位提出处理建议。有关机关、单位应当及时将处理结果书面告知同级保密行政管理部门。',
      },
    ],
  },
  {
    where: '5 责任事项依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【法规】《中华人民共和国保守国家秘密法实施条例》（2014年1月17日中华人民共和国国务院令646号公布，自2014年3月1日起施行）第三十五条 保密行政管理部门对公民举报、机关和单位报告、保密检查发现、有关部门移送的涉嫌泄露国家秘密的线索和案件，应当依法及时调查或者组织、督促有关机关、单位调查处理。调查工作结束后，认为有违反保密法律法规的事实，需要追究责任的，保密行政管理部门可以向有关机关、单位提出处理建议。有关机关、单位应当及时将处理结果书面告知同级保密行政管理部门。',
      },
      { no: 2, sameAs: 1, truncated: false, text: '同1。' },
    ],
  },
  {
    where: '5 追责依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国行政处罚法》（1996年中华人民共和国主席令第63号公布）第五十五条 行政机关实施行政处罚，有下列情形之一的，由上级行政机关或者有关部门责令改正，可以对直接负责的主管人员和其他直接责任人员依法给予行政处分： （一）没有法定的行政处罚依据的； （二）擅自改变行政处罚种类、幅度的； （三）违反法定的行政处罚程序的； （四）违反本法第十八条关于委托处罚的规定的。',
      },
      { no: 2, sameAs: 1, truncated: false, text: '同1。' },
      { no: 3, sameAs: 1, truncated: false, text: '同1。' },
      { no: 4, sameAs: 1, truncated: false, text: '同1。' },
      { no: 5, sameAs: 1, truncated: false, text: '同1。' },
      { no: 6, sameAs: null, truncated: true, text: '【法律】《中华人民共和国公务' },
    ],
  },
  {
    where: '6 实施依据',
    entries: [
      {
        no: null,
        sameAs: null,
        truncated: false,
        text: '【法规】《中华人民共和国政府信息公开条例》（2007年4月5日中华人民共和国国务院令492号公布，自2008年5月1日起施行）第十四条第三款 行政机关对政府信息不能确定是否可以公开时，应当依照法律、法规和国家有关规定报有关主管部门或者同级保密工作部门确定。',
      },
    ],
  },
  {
    where: '6 责任事项依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【法规】《中华人民共和国政府信息公开条例》（2007年4月5日中华人民共和国国务院令492号公布，自2008年5月1日起施行）第十四条第三款 行政机关对政府信息不能确定是否可以公开时，应当依照法律、法规和国家有关规定报有关主管部门或者同级保密工作部门确定。',
      },
      { no: 2, sameAs: 1, truncated: false, text: '同1。' },
    ],
  },
  {
    where: '6 追责依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【法规】《行政机关公务员处分条例》（国务院令495号）第二十条：“有下列行为之一的，给予记过、记大过处分；情节较重的，给予降级或者撤职处分；情节严重的，给予开除处分：（四）其他玩忽职守、贻误工作的行为。”。',
      },
      {
        no: 2,
        sameAs: null,
        truncated: false,
        text: '【法规】《行政机关公务员处分条例》（国务院令495号）第二十三条：“有贪污、索贿、受贿、行贿、介绍贿赂、挪用公款、利用职务之便为自己或者他人谋取私利、巨额财产来源不明等违反廉政纪律行为的，给予记过或者记大过处分；情节较重的，给予降级或者撤职处分；情节严重的，给予开除处分。”',
      },
      { no: 3, sameAs: null, truncated: true, text: '【法规】' },
    ],
  },
  {
    where: '7 实施依据',
    entries: [
      {
        no: null,
        sameAs: null,
        truncated: false,
        text: '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第二十三条第三款 涉密信息系统应当按照规定，经检查合格后，方可投入使用。',
      },
      {
        no: null,
        sameAs: null,
        truncated: false,
        text: '【法规】《中华人民共和国保守国家秘密法实施条例》（国务院令646号）第二十四条 涉密信息系统应当由国家保密行政管理部门设立或者授权的保密测评机构进行检测评估，并经设区的市、自治州级以上保密行政管理部门审查合格，方可投入使用。',
      },
    ],
  },
  {
    where: '7 责任事项依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【规范性文件】《涉及国家秘密的信息系统审批管理规定》（国保发〔2007〕18号）第十四条 保密工作部门收到申请材料后，应当对材料是否齐备进行审核。符合要求的，应当受理并出具受理通知书。不符合要求的，应当在5个工作日内一次性告知申请单位需要补充的材料。逾期不告知的，收到申请材料之日即为受理申请时间。',
      },
      {
        no: 2,
        sameAs: null,
        truncated: true,
        text: '【规范性文件】《涉及国家秘密的信息系统审批管理规定》（国保发〔2007〕18号）第十五条 保密工作部门应当依据保密法律法规和保密技术标准，对涉密信息系统的相关材料进行审查。第十六条',
      },
    ],
  },
  {
    where: '7 追责依据',
    entries: [
      {
        no: 1,
        sameAs: null,
        truncated: false,
        text: '【规范性文件】《涉及国家秘密的信息系统审批管理规定》第二十六条：“保密工作部门和测评机构的工作人员必须严格遵守工作纪律和各项规定。工作中营私舞弊、弄虚作假、泄露国家秘密的，依照有关规定给予处分；构成犯罪的，依法追究刑事责任”。',
      },
      { no: 2, sameAs: 1, truncated: false, text: '同1。' },
      { no: 3, sameAs: 1, truncated: false, text: '同1。' },
      { no: 4, sameAs: 1, truncated: false, text: '同1。' },
    ],
  },
];

/**
 * Text as the importer leaves it in a citation: paragraphs trimmed, none empty, no runs of blanks
 * (the cell reader collapses them) — the texts an export has to give back.
 */
function hasImportedSpacing(text: string): boolean {
  return text.split('\n').every((line) => line !== '' && !/^\s|\s$|\s\s/.test(line));
}

describe('renderCitation read back', () => {
  it('gives back a generated citation, as the numbered entry of a cell', () => {
    fc.assert(
      fc.property(
        generatedCitation.filter((c) => c.text === '' || hasImportedSpacing(c.text)),
        (c) => {
          const numbered = { ...asEntry(c), no: 1 };
          // the entry, read alone, says the same…
          expect(parseCitation(renderCitation(numbered))).toEqual(c);
          // …and so does the cell an export writes of it (with the complete mark where it is long
          // enough to read as cut), read as the importer reads a cell
          expect(readCitationCell(cellOf([numbered]))).toEqual([numbered]);
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });

  it('gives back whatever the cell reader read from arbitrary text, and that is valid citations', () => {
    const citationLike = fc
      .array(
        fc.constantFrom(
          ...textPieces,
          '【法规】',
          '【规范性文件】',
          '《保密法》',
          '（主席令第二十八号）',
          '（国务院令646号）',
          '第四十五条',
          '第十四条第三款',
          '第二十条第（四）项',
          '第三十六条、第三十七条',
          '第三十六条和',
          '\n第四十四条 ',
          '规定',
        ),
        {
          maxLength: 14,
        },
      )
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(fc.oneof(citationLike, fc.string({ maxLength: 40 })), fc.boolean(), (s, isNumbered) => {
        const imported = readCitationCell(isNumbered ? `1. ${s}` : s);
        for (const c of imported) expect(ZCitation.safeParse(c).success).toBe(true);
        expect(readCitationCell(cellOf(imported))).toEqual(imported);
      }),
      { numRuns: propertyRuns(3000) },
    );
  });

  it.each(BUNDLED_CELLS)('gives back every citation of the bundled list: item $where', ({ entries }) => {
    const citations = buildCitations(entries);
    for (const c of citations) {
      const rendered = renderCitation(c);
      if (c.sameAs === null) expect(parseCitation(rendered)).toEqual(fieldsOf(c));
      else expect(rendered).toBe(`同${c.sameAs}。`);
    }
    // The cell written back entry by entry reads as the same citations.
    const rewritten = citations.map((c) => ({ no: c.no, sameAs: c.sameAs, truncated: c.truncated, text: renderCitation(c) }));
    expect(buildCitations(rewritten)).toEqual(citations);
    // …and so does the cell as the exporter writes it, read as the importer reads a cell.
    expect(readCitationCell(cellOf(citations))).toEqual(citations);
  });
});

/** The 实施依据 cell an export writes for these citations. */
function cellOf(citations: TCitation[]): string {
  return renderPowerItem({
    no: 1,
    category: '行政处罚',
    name: '名称',
    subItem: null,
    legalBases: citations,
    duties: [],
    dutyBases: [],
    accountabilityPreamble: null,
    accountability: [],
    accountabilityBases: [],
    note: null,
  }).legalBases;
}

describe('a cell of citations written back', () => {
  it('reads as the same citations, numbered or not, sources with or without articles of their own', () => {
    // A cell the importer reads: the generated citations written one per paragraph (unnumbered,
    // where a source without article followed by `第X条` paragraphs is one citation) or numbered.
    fc.assert(
      fc.property(fc.array(generatedCitation, { minLength: 1, maxLength: 3 }), fc.boolean(), (generated, isNumbered) => {
        const written = generated
          .map((c, index) => `${isNumbered ? `${index + 1}. ` : ''}${renderCitation({ ...asEntry(c), no: isNumbered ? index + 1 : null })}`)
          .join('\n');
        const imported = readCitationCell(written);
        expect(readCitationCell(cellOf(imported))).toEqual(imported);
      }),
      { numRuns: propertyRuns(2000) },
    );
  });
});
