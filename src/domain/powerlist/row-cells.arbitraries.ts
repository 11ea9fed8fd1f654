/**
 * fast-check generators of row cells written the way real lists write them — marker spellings
 * (Arabic and Chinese), inline and per-paragraph entries, 同N, lead-ins, quoted article items,
 * sources without an article followed by `第X条` paragraphs, numbered continuations, spellings that
 * the importer normalises to longer ones, long complete cells without final punctuation, cut cells
 * — and a soup of the same pieces in any order, for the property tests of the builder, the renderer
 * and the file formats. Test code only.
 */
import fc from 'fast-check';
import type { RowCells } from './build-item.js';
import { TRUNCATION_MARK } from './cell-entries.js';
import { toChineseNumber } from './chinese-numerals.js';
import { COMPLETE_MARK } from './truncation.js';

/**
 * The number of runs of a property: `defaultRuns`, or QUANZE_PROPERTY_RUNS when set (e.g. 20000 for
 * a long local run; the default keeps `vitest run` fast).
 */
export function propertyRuns(defaultRuns: number): number {
  const configured = Number(globalThis.process?.env.QUANZE_PROPERTY_RUNS);
  return Number.isInteger(configured) && configured > 0 ? configured : defaultRuns;
}

// `【文件】` and `国务院令646号` read as the longer `【规范性文件】` and `国务院令第646号`.
const RANKS = ['【法律】', '【法规】', '【规章】', '【规范性文件】', '【文件】', '【国家法律】', ''];
const TITLES = [
  '《中华人民共和国保守国家秘密法》',
  '《中华人民共和国行政处罚法》',
  '《保密检查工作规定》',
  '《行政机关公务员处分条例》',
  '',
];
const EDITIONS = [
  '（主席令第28号）',
  '（国务院令646号）',
  '（国保发〔2013〕14号）',
  '（1996年主席令第六十三号公布，2009年主席令第十八号修改）',
  '（中华人民共和国主席令第49号）',
  '',
];
// '' — a source that names no article (its articles follow on `第X条` paragraphs); `第45条` and a
// range read as the longer `第四十五条` and `第三十六条、第三十七条、第三十八条`.
const ARTICLES = [
  '第四十五条',
  '第十四条第三款',
  '第六十一条：',
  '第二十条',
  '',
  '第45条',
  '第三十六条至第三十八条',
  '第十四条第三款、第四款',
  '第二十条第（一）、（四）项',
];
const QUOTES = [
  ' 保密行政管理部门对保密检查中发现的非法获取、持有的国家秘密载体，应当予以收缴。',
  ' 行政机关实施行政处罚，有下列情形之一的：（一）没有法定的行政处罚依据的；（二）擅自改变行政处罚种类、幅度的。',
  '“违反本法规定，给公民、法人或者其他组织造成损失的，依法给予赔偿。”',
  ' 一般应当提前1至2个工作日发出书面通知',
  '：“有下列行为之一的，给予记过、记大过处分：（四）其他玩忽职守、贻误工作的行为。”',
  ' 保密工作部门应当依据保密法律法规和保密技术标准，对涉密信息系统的相关材料进行审查，并出具审查意见',
  '',
];
/** A paragraph that continues the citation before it with a further article. */
const CONTINUATIONS = ['第四十四条 有关机关、单位应当配合。', '第四十四条 保密行政管理部门对机关、单位遵守保密制度的情况进行检查'];

/** How the entries of a cell are numbered. */
const MARKERS = ['.', '、', '．', '. ', '（）'];
const DUTY_NAMES = ['立案', '调查取证', '审理', '告知', '监督执行', '督促整改', '送达'];
const DUTY_TEXTS = [
  '通过举报、检查，发现涉嫌违法的行为，予以审查，决定是否立案。',
  '对立案的案件，指定专人负责，及时组织调查取证，制作笔录',
  '以公文形式告知申请机关审查决定。',
  '5个工作日内一次性告知。',
  '对检查中发现的泄密隐患，书面告知受检机关、单位存在的问题、拟采取的措施及其理由和依据，以及依法享有的权利和救济途径，并跟踪督促整改落实情况',
];
const CLAUSES = [
  '无法定依据或者超越法定权限实施行政强制的；',
  '违反法定程序实施检查的。',
  '玩忽职守、贻误工作的',
  '在审查过程中滥用职权、玩忽职守、徇私舞弊的；',
  '对检查中发现的泄密隐患不依法处理，或者对应当移送司法机关处理的涉嫌犯罪案件不移送，造成严重后果的其他违反法律法规规章文件规定的行为',
];
const PREAMBLES = [
  '因不履行或不正确履行行政职责，有下列情形之一的，行政机关及相关工作人员应承担相应责任：',
  '下列情形的，行政机关及相关工作人员应承担相应责任：',
];

const pick = (options: readonly string[]) => fc.constantFrom(...options);

/** One citation's text. */
export const citationText = fc
  .tuple(pick(RANKS), pick(TITLES), pick(EDITIONS), pick(ARTICLES), pick(QUOTES))
  .map(([rank, title, edition, article, quote]) => `${rank}${title}${title === '' ? '' : edition}${article}${quote}`)
  .filter((text) => text.trim() !== '');

/** `N<marker>`: `1.` `1、` `1．` `1. ` or `（一）`. */
function markerOf(no: number, marker: string): string {
  return marker === '（）' ? `（${toChineseNumber(no)}）` : `${no}${marker}`;
}

/**
 * The body of a numbered cell: entries as `N<marker>text` (one marker spelling per cell, as lists
 * write them), on own paragraphs or inline, some 同N (with the full stop lists put after it), some
 * marked as cut by an export of ours.
 */
function numberedCell(texts: fc.Arbitrary<string>, options: { sameAs: boolean }): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.tuple(texts, fc.boolean(), fc.nat({ max: 4 }), fc.nat({ max: 9 })), { minLength: 1, maxLength: 5 }),
      pick(MARKERS),
      fc.constantFrom('\n', ' '),
    )
    .map(([entries, marker, join]) =>
      entries
        .map(([text, isSameAs, target, dice], index) => {
          const stop = marker.trim() === '、' || marker === '（）' ? '。' : marker.trim();
          const body = options.sameAs && isSameAs && index > 0 ? `同${(target % index) + 1}${stop}` : text;
          return `${markerOf(index + 1, marker)}${body}${dice === 0 ? TRUNCATION_MARK : ''}`;
        })
        .join(join),
    );
}

/** A citation cell: unnumbered paragraphs (with continuation articles) or numbered entries (some continuing the one before). */
export const citationCell = fc.oneof(
  fc.array(fc.oneof(citationText, pick(CONTINUATIONS)), { minLength: 0, maxLength: 3 }).map((paragraphs) => paragraphs.join('\n')),
  numberedCell(fc.oneof({ weight: 4, arbitrary: citationText }, { weight: 1, arbitrary: pick(CONTINUATIONS) }), { sameAs: true }),
);

const dutyText = fc.oneof(
  fc.tuple(pick(DUTY_NAMES), fc.constantFrom('责任：', '责任:'), pick(DUTY_TEXTS)).map(([name, colon, text]) => `${name}${colon}${text}`),
  fc.constant('其他法律法规规章文件规定应履行的责任。'),
);

/** A 责任事项 cell (its `同N` are written out on import: duties have no sameAs field). */
export const dutyCell = fc.oneof(numberedCell(dutyText, { sameAs: true }), fc.constant(''));

/** A 追责情形 cell, with or without a lead-in. */
export const accountabilityCell = fc
  .tuple(fc.option(pick(PREAMBLES)), numberedCell(pick(CLAUSES), { sameAs: true }), fc.constantFrom('\n', ' '))
  .map(([preamble, body, join]) => (preamble === null ? body : `${preamble}${join}${body}`));

/** Cut a cell the way the exporter did (at 240–255 characters), or mark it cut, or leave it. */
export function maybeCut(cell: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(cell, fc.constantFrom('whole', 'cut', 'marked'), fc.integer({ min: 240, max: 255 })).map(([text, how, cap]) => {
    if (how === 'marked' && text !== '') return `${text}${TRUNCATION_MARK}`;
    if (how !== 'cut' || text === '') return text;
    let long = text;
    while ([...long].length < cap + 20) long += `\n${text}`;
    return [...long].slice(0, cap).join('').trimEnd();
  });
}

/** Row cells as an exporter writes them. */
export const rowCells: fc.Arbitrary<RowCells> = fc.record({
  no: fc.integer({ min: 1, max: 10_000 }).map(String),
  category: fc.constantFrom('行政处罚', '行政强制', '行政检查', '行政确认', '其他行政权力'),
  name: fc.constantFrom('对非法获取、持有国家秘密载体的处罚', '对保密工作的监督检查', '涉密信息系统投入使用前的保密审查'),
  subItem: fc.constantFrom('', '子项一'),
  legalBases: maybeCut(citationCell),
  duties: maybeCut(dutyCell),
  dutyBases: maybeCut(citationCell),
  accountability: maybeCut(accountabilityCell),
  accountabilityBases: maybeCut(citationCell),
  note: fc.constantFrom('', '备注文字'),
});

/**
 * Pieces of cell text that each mean something to the reader — markers in every spelling, inline
 * and at paragraph starts, 同N, sources, editions, article references, quotes, colons, our marks,
 * odd whitespace, a long run of text — to be put together in any order.
 */
const SOUP_PIECES = [
  '1.',
  '2、',
  '3．',
  ' 2. ',
  ' 3. ',
  '\n2.',
  '\n3.',
  '\n4.',
  '（一）',
  '（二）',
  '\n（二）',
  '\n（三）',
  ' （二）',
  '(二)',
  '同1。',
  '同2.',
  '\n',
  ' ',
  '\t',
  '\u3000',
  '：',
  '“',
  '”',
  '甲',
  '乙',
  '的',
  '１',
  '【法律】',
  '【文件】',
  '【党内法规】',
  '《法》',
  '（主席令第28号）',
  '（国务院令646号）',
  '第一条',
  '第45条',
  '第三条至第五条',
  '第二条第三款、第四款',
  '第二十条第（一）、（四）项',
  '第四十四条 ',
  '\n第四十四条 ',
  '1.5',
  '。',
  '；',
  TRUNCATION_MARK,
  COMPLETE_MARK,
  '责任：',
  '立案责任：',
  '有下列情形之一的：',
  '保'.repeat(60),
  '<p>',
  '&amp;',
  '"',
  '𠀀',
];

/** Any text made of SOUP_PIECES: what a list written by hand, or by an odd exporter, may hold in a cell. */
export const cellSoup: fc.Arbitrary<string> = fc.array(pick(SOUP_PIECES), { maxLength: 20 }).map((pieces) => pieces.join(''));

/** Row cells whose list cells are soup. */
export const soupRowCells: fc.Arbitrary<RowCells> = fc.record({
  no: fc.integer({ min: 1, max: 10_000 }).map(String),
  category: fc.constantFrom('行政处罚', ' 行政\t检查 '),
  name: fc.constantFrom('对保密工作的监督检查', '涉密信息系统\n投入使用前的  保密审查'),
  subItem: fc.constantFrom('', '子项一', '\u3000'),
  legalBases: cellSoup,
  duties: cellSoup,
  dutyBases: cellSoup,
  accountability: cellSoup,
  accountabilityBases: cellSoup,
  note: fc.constantFrom('', '备注\n\n  文字 '),
});
