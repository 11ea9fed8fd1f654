/**
 * The power-list linter: checks an imported list for what a person should fix or confirm before the
 * list is operated — cells the exporter cut off, `同N` references to nothing, accountability text
 * copied from another power category, missing legal bases, citations without title or article,
 * duplicate items and duties that name no known procedure step. Pure; one small function per rule.
 */
import {
  ITEM_FIELD_LABELS,
  type TCitation,
  type TFinding,
  type TItemField,
  type TPowerItem,
  type TSeverity,
} from '../../contracts/power-list.js';
import { knownStepOf } from './step-names.js';

/** A cell the exporter truncated mid-sentence (one finding per truncated entry). */
export const RULE_TRUNCATED_CELL = 'truncated-cell';
/** `同N` pointing at no entry N of the same cell. */
export const RULE_UNRESOLVED_SAME_AS = 'unresolved-same-as';
/** 追责情形 or 追责依据 that belong to another power category than the item's. */
export const RULE_CATEGORY_MISMATCH = 'category-mismatch';
/** An item without any 实施依据. */
export const RULE_MISSING_LEGAL_BASIS = 'missing-legal-basis';
/** A citation that names a source but no article. */
export const RULE_CITATION_WITHOUT_ARTICLE = 'citation-without-article';
/** Two items with the same 项目名称 (and 子项). */
export const RULE_DUPLICATE_ITEM_NAME = 'duplicate-item-name';
/** A 责任事项 without a step name, or with a name that is not a known step. */
export const RULE_UNKNOWN_DUTY_STEP = 'unknown-duty-step';
/** A citation that names no source (no 《》). */
export const RULE_CITATION_WITHOUT_TITLE = 'citation-without-title';
/** An item whose 责任事项, 责任事项依据, 追责情形 or 追责依据 is empty. */
export const RULE_EMPTY_COLUMN = 'empty-column';
/** An item whose category does not fit what the power does (责令改正 listed as 行政处罚, a 罚款 not). */
export const RULE_CATEGORY_ACTION_MISMATCH = 'category-action-mismatch';
/** An entry that still holds a numbered sequence (`…的；3、…`) the reader could not split. */
export const RULE_UNSPLIT_ENTRIES = 'unsplit-entries';
/** An item numbered by its position because the file gave it no 序号 of its own. */
export const RULE_RENUMBERED_ITEM = 'renumbered-item';
/** The file had columns beyond the list's ten; they are kept as extra fields (said once, on the first item with one). */
export const RULE_EXTRA_COLUMNS = 'extra-columns';

/** Every rule id, in the order findings of one item are reported. */
export const LINT_RULE_IDS = [
  RULE_EXTRA_COLUMNS,
  RULE_RENUMBERED_ITEM,
  RULE_MISSING_LEGAL_BASIS,
  RULE_EMPTY_COLUMN,
  RULE_CATEGORY_ACTION_MISMATCH,
  RULE_DUPLICATE_ITEM_NAME,
  RULE_CATEGORY_MISMATCH,
  RULE_UNRESOLVED_SAME_AS,
  RULE_TRUNCATED_CELL,
  RULE_CITATION_WITHOUT_TITLE,
  RULE_CITATION_WITHOUT_ARTICLE,
  RULE_UNKNOWN_DUTY_STEP,
  RULE_UNSPLIT_ENTRIES,
] as const;

/** What the linter reads: the list without its findings. */
export interface LintablePowerList {
  title: string;
  items: TPowerItem[];
}

type CitationField = 'legalBases' | 'dutyBases' | 'accountabilityBases';
type EntryField = CitationField | 'duties' | 'accountability';

const CITATION_FIELDS: readonly CitationField[] = ['legalBases', 'dutyBases', 'accountabilityBases'];
const ENTRY_FIELDS: readonly EntryField[] = ['legalBases', 'duties', 'dutyBases', 'accountability', 'accountabilityBases'];

/** Column names as the list prints them, for messages. */
const FIELD_LABELS = ITEM_FIELD_LABELS;

/** Lint a whole list; findings come item by item in list order, rules in `LINT_RULE_IDS` order. */
export function lintPowerList(list: LintablePowerList): TFinding[] {
  // First item seen per identity, so duplicate detection stays linear on 10,000-item lists.
  const firstByIdentity = new Map<string, TPowerItem>();
  const renumbered = checkRenumberedItems(list.items);
  const extraColumns = checkExtraColumns(list.items);
  return list.items.flatMap((item) => [
    ...(extraColumns.get(item) ?? []),
    ...(renumbered.get(item) ?? []),
    ...checkMissingLegalBasis(item),
    ...checkEmptyColumns(item),
    ...checkCategoryAction(item),
    ...checkDuplicateItemName(item, firstByIdentity),
    ...checkCategoryMismatch(item),
    ...checkUnresolvedSameAs(item),
    ...checkTruncatedCells(item),
    ...checkCitationsWithoutTitle(item),
    ...checkCitationsWithoutArticle(item),
    ...checkUnknownDutySteps(item),
    ...checkUnsplitEntries(item),
  ]);
}

// ── rules ────────────────────────────────────────────────────────────────────────────────────

/** `truncated-cell`: one warning per entry the exporter cut off. */
export function checkTruncatedCells(item: TPowerItem): TFinding[] {
  return ENTRY_FIELDS.flatMap((field) =>
    entriesOf(item, field).flatMap((entry, index) => {
      if (!entry.truncated) return [];
      const label = FIELD_LABELS[field];
      const no = entryNo(entry, index);
      return [
        finding(
          RULE_TRUNCATED_CELL,
          'warning',
          item,
          field,
          index,
          `第${item.no}项“${label.zh}”第${no}条内容被截断（原文导出时超长被截去），请核对原始清单补全。`,
          `Item ${item.no}, ${label.en} entry ${no} was cut off when the list was exported; complete it from the original list.`,
        ),
      ];
    }),
  );
}

/** `unresolved-same-as`: a citation `同N` whose cell has no other entry numbered N. */
export function checkUnresolvedSameAs(item: TPowerItem): TFinding[] {
  return CITATION_FIELDS.flatMap((field) => {
    const citations = item[field];
    return citations.flatMap((citation, index) => {
      const target = citation.sameAs;
      if (target === null) return [];
      if (citations.some((other, otherIndex) => otherIndex !== index && other.no === target)) return [];
      const label = FIELD_LABELS[field];
      const no = entryNo(citation, index);
      return [
        finding(
          RULE_UNRESOLVED_SAME_AS,
          'error',
          item,
          field,
          index,
          `第${item.no}项“${label.zh}”第${no}条写作“同${target}”，但本栏没有第${target}条，无法确定所指依据。`,
          `Item ${item.no}, ${label.en} entry ${no} says "same as ${target}", but the cell has no entry ${target}.`,
        ),
      ];
    });
  });
}

/** `missing-legal-basis`: an item with no 实施依据 at all. */
export function checkMissingLegalBasis(item: TPowerItem): TFinding[] {
  if (item.legalBases.length > 0) return [];
  return [
    finding(
      RULE_MISSING_LEGAL_BASIS,
      'error',
      item,
      'legalBases',
      null,
      `第${item.no}项“${item.name}”未填写实施依据，缺少行使该项权力的法律依据。`,
      `Item ${item.no} (${item.name}) gives no legal basis for exercising the power.`,
    ),
  ];
}

/** `citation-without-article`: a citation naming a source but no article (not `同N`, not cut off). */
export function checkCitationsWithoutArticle(item: TPowerItem): TFinding[] {
  return CITATION_FIELDS.flatMap((field) =>
    item[field].flatMap((citation, index) => {
      if (citation.sameAs !== null || citation.truncated || citation.title === null || citation.articles.length > 0) return [];
      const label = FIELD_LABELS[field];
      const no = entryNo(citation, index);
      return [
        finding(
          RULE_CITATION_WITHOUT_ARTICLE,
          'warning',
          item,
          field,
          index,
          `第${item.no}项“${label.zh}”第${no}条引用了《${citation.title}》，但未写明具体条款，请补充条款序号。`,
          `Item ${item.no}, ${label.en} entry ${no} cites "${citation.title}" without naming an article.`,
        ),
      ];
    }),
  );
}

/** `citation-without-title`: a citation naming no source (not `同N`, not cut off). */
export function checkCitationsWithoutTitle(item: TPowerItem): TFinding[] {
  return CITATION_FIELDS.flatMap((field) =>
    item[field].flatMap((citation, index) => {
      if (citation.sameAs !== null || citation.truncated || citation.title !== null) return [];
      const label = FIELD_LABELS[field];
      const no = entryNo(citation, index);
      return [
        finding(
          RULE_CITATION_WITHOUT_TITLE,
          'warning',
          item,
          field,
          index,
          `第${item.no}项“${label.zh}”第${no}条未写明所依据的法律文件名称（《》），无法确认其出处。`,
          `Item ${item.no}, ${label.en} entry ${no} does not name the source it cites.`,
        ),
      ];
    }),
  );
}

/** An item's identity within a list: its name and sub-item. */
function itemIdentity(item: TPowerItem): string {
  return `${item.name.trim()}\u0000${(item.subItem ?? '').trim()}`;
}

/**
 * `duplicate-item-name`: an item whose name and sub-item repeat an earlier item's. `firstByIdentity`
 * holds the earlier items and is updated with this one when it is the first of its identity.
 */
export function checkDuplicateItemName(item: TPowerItem, firstByIdentity: Map<string, TPowerItem>): TFinding[] {
  const key = itemIdentity(item);
  const first = firstByIdentity.get(key);
  if (first === undefined) {
    firstByIdentity.set(key, item);
    return [];
  }
  const shown = item.subItem === null || item.subItem.trim() === '' ? item.name : `${item.name}（子项：${item.subItem}）`;
  return [
    finding(
      RULE_DUPLICATE_ITEM_NAME,
      'error',
      item,
      'name',
      null,
      `第${item.no}项的项目名称“${shown}”与第${first.no}项重复，同一项权力只应列出一次。`,
      `Item ${item.no} has the same name as item ${first.no}: ${shown}.`,
    ),
  ];
}

/** The catch-all duty every list ends with (其他法律法规规章文件规定应履行的责任): needs no step name. */
const CATCH_ALL_DUTY = /^其他.*责任[。.；;]?$/;

/** `unknown-duty-step`: a 责任事项 with no step name, or one that is not a known step. */
export function checkUnknownDutySteps(item: TPowerItem): TFinding[] {
  const label = FIELD_LABELS.duties;
  return item.duties.flatMap((duty, index) => {
    if (duty.name !== null && knownStepOf(duty.name) !== undefined) return [];
    if (duty.name === null && CATCH_ALL_DUTY.test(duty.text.trim())) return [];
    const no = entryNo(duty, index);
    if (duty.name === null) {
      return [
        finding(
          RULE_UNKNOWN_DUTY_STEP,
          'info',
          item,
          'duties',
          index,
          `第${item.no}项“${label.zh}”第${no}条未写明环节名称（如“立案责任：”），无法对应到办理环节。`,
          `Item ${item.no}, duty ${no} names no procedure step (such as "立案责任：").`,
        ),
      ];
    }
    return [
      finding(
        RULE_UNKNOWN_DUTY_STEP,
        'info',
        item,
        'duties',
        index,
        `第${item.no}项“${label.zh}”第${no}条的环节名称“${duty.name}”不在常用环节之列，请确认是否笔误或需新增办理环节。`,
        `Item ${item.no}, duty ${no} names the step "${duty.name}", which is not a known procedure step.`,
      ),
    ];
  });
}

/**
 * `extra-columns`: the list's other columns (事项编码, 承办机构 …), named once — on the first item that
 * has any — so that whoever imports sees they were kept, not dropped, and under which headers.
 */
export function checkExtraColumns(items: readonly TPowerItem[]): Map<TPowerItem, TFinding[]> {
  const headers: string[] = [];
  for (const item of items) for (const field of item.extraFields ?? []) if (!headers.includes(field.header)) headers.push(field.header);
  const first = items.find((item) => (item.extraFields ?? []).length > 0);
  if (first === undefined) return new Map();
  const named = headers.map((header) => `“${header}”`).join('');
  // A kept column one character away from one of the ten is most likely that column misspelt.
  const suspects = headers.flatMap((header) => {
    const near = LIST_COLUMN_NAMES.find((name) => isOneEditApart(header, name));
    return near === undefined ? [] : [`“${header}”是否为“${near}”之误`];
  });
  const suspicion = suspects.length === 0 ? '' : `（${suspects.join('；')}？若是，请改正列名后重新导入）`;
  return new Map([
    [
      first,
      [
        finding(
          RULE_EXTRA_COLUMNS,
          'info',
          first,
          null,
          null,
          `第${first.no}项起，原表中的${named}${headers.length > 1 ? '等' : ''}列不属于权责清单的十个栏目，已作为“其他栏目”随事项保留和导出，请确认无误${suspicion}。`,
          `From item ${first.no} on, the file's columns ${headers.join(', ')} are none of the list's ten; they are kept with each item as other columns.`,
        ),
      ],
    ],
  ]);
}

/** The ten columns as the list prints them. */
const LIST_COLUMN_NAMES: readonly string[] = (
  ['no', 'category', 'name', 'subItem', 'legalBases', 'duties', 'dutyBases', 'accountability', 'accountabilityBases', 'note'] as const
).map((field) => FIELD_LABELS[field].zh);

/** Whether two names of three or more characters differ by one substituted, added or dropped character. */
function isOneEditApart(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.min(x.length, y.length) < 3 || Math.abs(x.length - y.length) > 1 || a === b) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i += 1;
  const rest = (from: string[], at: number) => from.slice(at).join('');
  if (x.length === y.length) return rest(x, i + 1) === rest(y, i + 1);
  return x.length > y.length ? rest(x, i + 1) === rest(y, i) : rest(x, i) === rest(y, i + 1);
}

/**
 * `renumbered-item`: items the reader numbered by position because the file gave them no 序号 of
 * their own — none, a sub-item's shared (merged) 序号, a `3-1` — one finding each; and items whose own
 * 序号 was shifted by those, one finding where a run of shifted numbers starts (not one per item of a
 * long list).
 */
export function checkRenumberedItems(items: readonly TPowerItem[]): Map<TPowerItem, TFinding[]> {
  const findings = new Map<TPowerItem, TFinding[]>();
  let previousPrinted: string | null = null;
  let previousShift: number | null = null;
  for (const item of items) {
    const printed = item.printedNo?.trim();
    if (printed === undefined) {
      previousPrinted = String(item.no);
      previousShift = null;
      continue;
    }
    const isOwnNumber = /^\d+$/.test(printed) && printed !== previousPrinted;
    const shift = isOwnNumber ? item.no - Number(printed) : null;
    previousPrinted = printed;
    if (isOwnNumber) {
      if (shift !== previousShift) {
        findings.set(item, [
          finding(
            RULE_RENUMBERED_ITEM,
            'info',
            item,
            'no',
            null,
            `第${item.no}项“${item.name}”在原表中的序号为“${printed}”：原表分页或分类重新编号，或前面有子项、没有序号的行，清单按位置连续编号，自此项起的序号与原表不同，请核对。`,
            `Item ${item.no} (${item.name}) is numbered ${printed} in the file: numbering restarted (per page or category), or sub-items or rows without a number above it shift the numbers from here on.`,
          ),
        ]);
      }
      previousShift = shift;
      continue;
    }
    previousShift = null;
    findings.set(item, [
      finding(
        RULE_RENUMBERED_ITEM,
        'info',
        item,
        'no',
        null,
        printed === ''
          ? `第${item.no}项“${item.name}”在原表中没有序号，已按其在清单中的位置编号，请核对。`
          : `第${item.no}项“${item.name}”在原表中的序号为“${printed}”（子项或与其他行共用序号），已按其在清单中的位置编号，请核对。`,
        printed === ''
          ? `Item ${item.no} (${item.name}) has no number in the file; it was numbered by its position.`
          : `Item ${item.no} (${item.name}) is numbered "${printed}" in the file (a sub-item or a shared number); it was numbered by its position.`,
      ),
    ]);
  }
  return findings;
}

/** The columns every complete item fills, besides 实施依据 (its own rule, an error). */
const REQUIRED_ENTRY_FIELDS: readonly ('duties' | 'dutyBases' | 'accountability' | 'accountabilityBases')[] = [
  'duties',
  'dutyBases',
  'accountability',
  'accountabilityBases',
];

/** `empty-column`: an item without 责任事项, 责任事项依据, 追责情形 or 追责依据 — one finding per empty column. */
export function checkEmptyColumns(item: TPowerItem): TFinding[] {
  return REQUIRED_ENTRY_FIELDS.flatMap((field) => {
    const isEmpty =
      field === 'accountability' ? item.accountability.length === 0 && item.accountabilityPreamble === null : item[field].length === 0;
    if (!isEmpty) return [];
    const label = FIELD_LABELS[field];
    return [
      finding(
        RULE_EMPTY_COLUMN,
        'warning',
        item,
        field,
        null,
        `第${item.no}项“${item.name}”未填写“${label.zh}”，权责清单的每项权力都应写明责任事项、责任事项依据、追责情形和追责依据。`,
        `Item ${item.no} (${item.name}) has no ${label.en}; every power of a list states its duties, their basis, the accountability circumstances and their basis.`,
      ),
    ];
  });
}

/**
 * The kinds of administrative penalty of 行政处罚法 (2021) §9: 警告、通报批评；罚款、没收违法所得、没收非法财物；
 * 暂扣许可证件、降低资质等级、吊销许可证件；限制开展生产经营活动、责令停产停业、责令关闭、限制从业；行政拘留 —
 * and the word 处罚 itself.
 */
const PENALTY_WORDS = /处罚|警告|通报批评|罚款|没收|暂扣|降低资质|吊销|限制开展生产经营|责令停产停业|责令关闭|限制从业|拘留/;
/**
 * Orders that are not penalties (行政处罚法 §28: 责令改正 accompanies a penalty but is none; 责令停止使用
 * and the like are measures). A 收缴 may be a penalty by another name and is not flagged.
 */
const NON_PENALTY_ORDERS = /责令(?:限期)?改正|责令(?:立即)?停止(?:使用|违法行为)?|责令整改|责令限期整改/;

/**
 * `category-action-mismatch`: what the power does, as its name (and sub-item) says, does not fit its
 * category — a 行政处罚 that only orders correction or a stop of use, or a power that imposes one of
 * the penalties of 行政处罚法 §9 listed under another category.
 */
export function checkCategoryAction(item: TPowerItem): TFinding[] {
  const category = item.category.trim();
  const does = `${item.name}${item.subItem ?? ''}`;
  if (category === '行政处罚') {
    const order = NON_PENALTY_ORDERS.exec(does);
    if (order === null || PENALTY_WORDS.test(does)) return [];
    return [
      finding(
        RULE_CATEGORY_ACTION_MISMATCH,
        'warning',
        item,
        'category',
        null,
        `第${item.no}项“${item.name}”列为“行政处罚”，但“${order[0]}”不是《中华人民共和国行政处罚法》（2021年修订）第九条所列的处罚种类，宜列为行政强制或其他行政权力，请核对。`,
        `Item ${item.no} (${item.name}) is listed as a penalty, but "${order[0]}" is none of the kinds of penalty of the Administrative Penalty Law (2021) §9.`,
      ),
    ];
  }
  const penalty = /罚款|没收违法所得|没收非法财物|吊销|暂扣|行政拘留|通报批评|责令停产停业|责令关闭|限制从业|降低资质等级/.exec(does);
  if (penalty === null || category === '' || /处罚/.test(category)) return [];
  return [
    finding(
      RULE_CATEGORY_ACTION_MISMATCH,
      'warning',
      item,
      'category',
      null,
      `第${item.no}项“${item.name}”列为“${category}”，但“${penalty[0]}”是《中华人民共和国行政处罚法》（2021年修订）第九条所列的处罚种类，宜列为行政处罚，请核对。`,
      `Item ${item.no} (${item.name}) is listed as ${category}, but "${penalty[0]}" is a kind of penalty of the Administrative Penalty Law (2021) §9.`,
    ),
  ];
}

/**
 * A numbered sequence left inside one entry: after the punctuation that ends an entry, `3、…` or
 * `4.…` (Arabic), or in duties and clauses `（三）…`. The reader splits the next expected number; a
 * number that skips or restarts stays in the text, and someone should look.
 */
const UNSPLIT_ARABIC = /[；;。！？]\s*\d{1,3}\s*[、.．](?!\d)\s*[\u4e00-\u9fff【《]/;
const UNSPLIT_CHINESE = /[；;。！？]\s*[（(][一二三四五六七八九十]{1,3}[）)]\s*[\u4e00-\u9fff]/;

/** `unsplit-entries`: an entry that still holds a numbered sequence. One finding per entry. */
export function checkUnsplitEntries(item: TPowerItem): TFinding[] {
  const texts: { field: EntryField; index: number; no: number; text: string; chinese: boolean }[] = [
    ...item.duties.map((duty, index) => ({ field: 'duties' as const, index, no: entryNo(duty, index), text: duty.text, chinese: true })),
    ...item.accountability.map((clause, index) => ({
      field: 'accountability' as const,
      index,
      no: entryNo(clause, index),
      text: clause.text,
      chinese: true,
    })),
    ...CITATION_FIELDS.flatMap((field) =>
      // quoted law numbers its items （一）（二）: only Arabic sequences count in a citation
      item[field].map((citation, index) => ({ field, index, no: entryNo(citation, index), text: citation.text, chinese: false })),
    ),
  ];
  return texts.flatMap(({ field, index, no, text, chinese }) => {
    const match = UNSPLIT_ARABIC.exec(text) ?? (chinese ? UNSPLIT_CHINESE.exec(text) : null);
    if (match === null) return [];
    const label = FIELD_LABELS[field];
    // the numbered text as the user will search for it: from the number on, a few characters
    const at = text
      .slice(match.index + 1)
      .trim()
      .slice(0, 10);
    return [
      finding(
        RULE_UNSPLIT_ENTRIES,
        'warning',
        item,
        field,
        index,
        `第${item.no}项“${label.zh}”第${no}条中还有编号“${at}…”，可能是几条内容连在了一起（编号不连续或重复），请核对并分条。`,
        `Item ${item.no}, ${label.en} entry ${no} still holds a numbered sequence ("${at}…"): several entries may have run together.`,
      ),
    ];
  });
}

// ── category mismatch ────────────────────────────────────────────────────────────────────────

/**
 * The categories whose acts and laws can be recognised in text: a clause naming the act
 * (实施行政强制…) or a citation of the law (《中华人民共和国行政强制法》) belongs to that category.
 */
const RECOGNISABLE_CATEGORIES = [
  { category: '行政处罚', act: '行政处罚', law: '行政处罚法' },
  { category: '行政强制', act: '行政强制', law: '行政强制法' },
  { category: '行政许可', act: '行政许可', law: '行政许可法' },
] as const;

/**
 * The word by which a text speaks of the item's own category (行政检查 → 检查). A clause or
 * citation that mentions it alongside another category is a legitimate cross reference
 * (对不符合行政处罚条件的当事人实施行政强制的, or 行政处罚法 on 检查 in an inspection item).
 * 其他行政权力 has no such word.
 */
function ownCategoryWord(category: string): string | null {
  const trimmed = category.trim();
  if (trimmed === '其他行政权力' || !trimmed.startsWith('行政') || trimmed.length <= 2) return null;
  return trimmed.slice(2);
}

/** The other categories a text speaks of, given as acts (行政强制) in the text. */
function foreignActsIn(text: string, category: string): string[] {
  const ownWord = ownCategoryWord(category);
  if (ownWord !== null && text.includes(ownWord)) return [];
  return RECOGNISABLE_CATEGORIES.filter((known) => known.category !== category && text.includes(known.act)).map((known) => known.category);
}

/** The other category whose law a citation cites, with the title as cited; null when none. */
function foreignLawOf(citation: TCitation, category: string): { category: string; title: string } | null {
  if (citation.title === null) return null;
  const title = citation.title;
  const known = RECOGNISABLE_CATEGORIES.find((candidate) => title.includes(candidate.law));
  if (known === undefined || known.category === category) return null;
  const ownWord = ownCategoryWord(category);
  if (ownWord !== null && citation.text.includes(ownWord)) return null;
  return { category: known.category, title };
}

/** A `同N` citation carries its target's fields; resolve it when the importer left them empty. */
function resolveCitation(citations: readonly TCitation[], citation: TCitation): TCitation {
  let current = citation;
  // bounded walk: a cycle of 同N references must not loop forever
  for (let hops = 0; current.sameAs !== null && current.title === null && hops < citations.length; hops += 1) {
    const targetNo: number = current.sameAs;
    const target = citations.find((other) => other !== current && other.no === targetNo);
    if (target === undefined) break;
    current = target;
  }
  return current;
}

/**
 * `category-mismatch`: the item's 追责情形 speak of another category's act, or its 追责依据 cite
 * another category's law — typically a block copied from another item. One finding per field.
 */
export function checkCategoryMismatch(item: TPowerItem): TFinding[] {
  const findings: TFinding[] = [];
  const category = item.category.trim();

  const clauseHits = item.accountability
    .map((clause, index) => ({ no: entryNo(clause, index), index, acts: foreignActsIn(clause.text, category) }))
    .filter((hit) => hit.acts.length > 0);
  if (clauseHits.length > 0) {
    const acts = unique(clauseHits.flatMap((hit) => hit.acts));
    const nos = clauseHits.map((hit) => hit.no).join('、');
    const label = FIELD_LABELS.accountability;
    findings.push(
      finding(
        RULE_CATEGORY_MISMATCH,
        'warning',
        item,
        'accountability',
        singleIndex(clauseHits),
        `第${item.no}项的权力分类为“${category}”，但其“${label.zh}”第${nos}条针对的是“${acts.join('、')}”，疑似套用了其他类别权力的追责情形，请核对。`,
        `Item ${item.no} is a ${category} but its ${label.en} ${nos.replaceAll('、', ', ')} concern ${acts.join(', ')}; they may have been copied from another category.`,
      ),
    );
  }

  const basisHits = item.accountabilityBases
    .map((citation, index) => ({
      no: entryNo(citation, index),
      index,
      law: foreignLawOf(resolveCitation(item.accountabilityBases, citation), category),
    }))
    .flatMap((hit) => (hit.law === null ? [] : [{ ...hit, law: hit.law }]));
  if (basisHits.length > 0) {
    const laws = unique(basisHits.map((hit) => hit.law.title));
    const categories = unique(basisHits.map((hit) => hit.law.category));
    const nos = basisHits.map((hit) => hit.no).join('、');
    const label = FIELD_LABELS.accountabilityBases;
    findings.push(
      finding(
        RULE_CATEGORY_MISMATCH,
        'warning',
        item,
        'accountabilityBases',
        singleIndex(basisHits),
        `第${item.no}项的权力分类为“${category}”，但其“${label.zh}”第${nos}条引用的${laws.map((law) => `《${law}》`).join('、')}适用于“${categories.join('、')}”，与本项权力分类不符，请核对。`,
        `Item ${item.no} is a ${category} but its ${label.en} ${nos.replaceAll('、', ', ')} cite ${laws.join(', ')}, which governs ${categories.join(', ')}.`,
      ),
    );
  }
  return findings;
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────

interface NumberedEntry {
  no: number | null;
  truncated: boolean;
}

function entriesOf(item: TPowerItem, field: EntryField): readonly NumberedEntry[] {
  return item[field];
}

/** The number a person sees: the cell's own number, else the position. */
function entryNo(entry: { no: number | null }, index: number): number {
  return entry.no ?? index + 1;
}

function singleIndex(hits: readonly { index: number }[]): number | null {
  return hits.length === 1 && hits[0] !== undefined ? hits[0].index : null;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function finding(
  rule: string,
  severity: TSeverity,
  item: TPowerItem,
  field: TItemField | null,
  entry: number | null,
  message: string,
  messageEn: string,
): TFinding {
  return { rule, severity, item: item.no, field, entry, message, messageEn };
}
