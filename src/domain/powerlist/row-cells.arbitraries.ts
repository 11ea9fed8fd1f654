/**
 * fast-check generators of row cells written the way real lists write them — marker spellings,
 * inline and per-paragraph entries, 同N, lead-ins, quoted article items, cut cells — for the
 * property tests of the builder, the renderer and the file formats. Test code only.
 */
import fc from 'fast-check';
import type { RowCells } from './build-item.js';
import { TRUNCATION_MARK } from './cell-entries.js';

const RANKS = ['【法律】', '【法规】', '【规章】', '【规范性文件】', ''];
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
  '',
];
// Every generated citation names its article: a source without one followed by a `第X条` paragraph
// renders (citations.ts, quoted form) across paragraphs and does not read back yet — reported.
const ARTICLES = ['第四十五条', '第十四条第三款', '第六十一条：', '第二十条'];
const QUOTES = [
  ' 保密行政管理部门对保密检查中发现的非法获取、持有的国家秘密载体，应当予以收缴。',
  ' 行政机关实施行政处罚，有下列情形之一的：（一）没有法定的行政处罚依据的；（二）擅自改变行政处罚种类、幅度的。',
  '“违反本法规定，给公民、法人或者其他组织造成损失的，依法给予赔偿。”',
  ' 一般应当提前1至2个工作日发出书面通知',
  '',
];

const MARKERS = ['.', '、', '．', '. '];
const DUTY_NAMES = ['立案', '调查取证', '审理', '告知', '监督执行', '督促整改', '送达'];
const DUTY_TEXTS = [
  '通过举报、检查，发现涉嫌违法的行为，予以审查，决定是否立案。',
  '对立案的案件，指定专人负责，及时组织调查取证，制作笔录',
  '以公文形式告知申请机关审查决定。',
  '5个工作日内一次性告知。',
];
const CLAUSES = [
  '无法定依据或者超越法定权限实施行政强制的；',
  '违反法定程序实施检查的。',
  '玩忽职守、贻误工作的',
  '在审查过程中滥用职权、玩忽职守、徇私舞弊的；',
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

/** The body of a numbered cell: entries as `N<marker>text`, on own paragraphs or inline, some 同N. */
function numberedCell(texts: fc.Arbitrary<string>, options: { sameAs: boolean }): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.tuple(texts, pick(MARKERS), fc.boolean(), fc.nat({ max: 4 })), { minLength: 1, maxLength: 5 }),
      fc.constantFrom('\n', ' '),
    )
    .map(([entries, join]) =>
      entries
        .map(([text, marker, isSameAs, target], index) => {
          const body =
            options.sameAs && isSameAs && index > 0 ? `同${(target % index) + 1}${marker.trim() === '、' ? '。' : marker.trim()}` : text;
          return `${index + 1}${marker}${body}`;
        })
        .join(join),
    );
}

/** A citation cell: unnumbered paragraphs (with continuation articles) or numbered entries. */
export const citationCell = fc.oneof(
  fc
    .array(fc.oneof(citationText, fc.constant('第四十四条 有关机关、单位应当配合。')), { minLength: 0, maxLength: 3 })
    .map((paragraphs) => paragraphs.join('\n')),
  numberedCell(citationText, { sameAs: true }),
);

const dutyText = fc.oneof(
  fc.tuple(pick(DUTY_NAMES), fc.constantFrom('责任：', '责任:'), pick(DUTY_TEXTS)).map(([name, colon, text]) => `${name}${colon}${text}`),
  fc.constant('其他法律法规规章文件规定应履行的责任。'),
);

/** A 责任事项 cell. */
export const dutyCell = fc.oneof(numberedCell(dutyText, { sameAs: false }), fc.constant(''));

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
