/**
 * The canonical shape of a power list (权责清单): what the importer produces, what every exporter
 * consumes, what the API serves and what the CLI prints with `--json`. Shared with web/ — no Node,
 * no React here.
 */
import { z } from 'zod';

/** The power categories a list uses (权力分类). Other strings are kept but linted. */
export const POWER_CATEGORIES = [
  '行政处罚',
  '行政强制',
  '行政检查',
  '行政确认',
  '行政许可',
  '行政征收',
  '行政给付',
  '行政裁决',
  '行政奖励',
  '其他行政权力',
] as const;

/** Source rank as written in 【】 before a citation. */
export const ZRank = z.enum(['法律', '法规', '规章', '规范性文件']);
export type TRank = z.infer<typeof ZRank>;

/** One cited article: 第四十五条第二款第（三）项 → { article: 45, paragraph: 2, item: 3 }. */
export const ZArticleRef = z.object({
  article: z.number().int().positive(),
  paragraph: z.number().int().positive().nullable(),
  item: z.number().int().positive().nullable(),
});
export type TArticleRef = z.infer<typeof ZArticleRef>;

/** One legal citation (依据) inside a cell. */
export const ZCitation = z.object({
  /** the number the cell gave the entry (`1.`), null when unnumbered */
  no: z.number().int().nullable(),
  /** `3.同1.` → sameAs 1; the other fields are then copied from entry 1 */
  sameAs: z.number().int().nullable(),
  rank: ZRank.nullable(),
  /** canonical title, without 《》 */
  title: z.string().nullable(),
  /** normalised edition, e.g. 主席令第28号, 国务院令第646号; null when the cell names none */
  edition: z.string().nullable(),
  articles: z.array(ZArticleRef),
  /** the quoted article text */
  text: z.string(),
  /** the exporter cut this entry off mid-sentence */
  truncated: z.boolean(),
});
export type TCitation = z.infer<typeof ZCitation>;

/** One responsibility item (责任事项): a step of the procedure. */
export const ZDuty = z.object({
  no: z.number().int().nullable(),
  /** short step name without 责任: 立案, 调查取证, 审理 … ; null when the cell gives none */
  name: z.string().nullable(),
  text: z.string(),
  truncated: z.boolean(),
});
export type TDuty = z.infer<typeof ZDuty>;

/** One accountability circumstance (追责情形). */
export const ZClause = z.object({
  no: z.number().int().nullable(),
  text: z.string(),
  truncated: z.boolean(),
});
export type TClause = z.infer<typeof ZClause>;

export const ZItemField = z.enum([
  'no',
  'category',
  'name',
  'subItem',
  'legalBases',
  'duties',
  'dutyBases',
  'accountability',
  'accountabilityBases',
  'note',
]);
export type TItemField = z.infer<typeof ZItemField>;

/** The column names the list prints (Chinese) and their English glosses, for messages and UIs. */
export const ITEM_FIELD_LABELS: Record<TItemField | 'accountabilityPreamble' | 'extraFields', { zh: string; en: string }> = {
  no: { zh: '序号', en: 'number' },
  category: { zh: '权力分类', en: 'category' },
  name: { zh: '项目名称', en: 'name' },
  subItem: { zh: '子项', en: 'sub-item' },
  legalBases: { zh: '实施依据', en: 'legal basis' },
  duties: { zh: '责任事项', en: 'duties' },
  dutyBases: { zh: '责任事项依据', en: 'basis of duties' },
  accountabilityPreamble: { zh: '追责情形（引言）', en: 'accountability lead-in' },
  accountability: { zh: '追责情形', en: 'accountability circumstances' },
  accountabilityBases: { zh: '追责依据', en: 'basis of accountability' },
  note: { zh: '备注', en: 'note' },
  extraFields: { zh: '其他栏目', en: 'other columns' },
};

/**
 * A column of the imported file that is none of the list's ten (事项编码, 承办机构, 行使层级 …): kept
 * under its header, shown with the item and written back by every export — never dropped.
 */
export const ZExtraField = z.object({
  /** the column's header as the file wrote it (a two-row header as `追责·对象范围`) */
  header: z.string().min(1),
  value: z.string(),
});
export type TExtraField = z.infer<typeof ZExtraField>;

/** One power (一项权力) of the list. */
export const ZPowerItem = z.object({
  no: z.number().int().positive(),
  category: z.string().min(1),
  name: z.string().min(1),
  subItem: z.string().nullable(),
  /** 实施依据 */
  legalBases: z.array(ZCitation),
  /** 责任事项 */
  duties: z.array(ZDuty),
  /** 责任事项依据 */
  dutyBases: z.array(ZCitation),
  /** the unnumbered lead-in of the 追责情形 cell (因不履行或不正确履行行政职责，有下列情形之一的…), null when none */
  accountabilityPreamble: z.string().nullable(),
  /** 追责情形 */
  accountability: z.array(ZClause),
  /** 追责依据 */
  accountabilityBases: z.array(ZCitation),
  /** 备注 */
  note: z.string().nullable(),
  /** the file's other columns for this item, in column order; absent when it has none */
  extraFields: z.array(ZExtraField).optional(),
  /**
   * the 序号 the file printed, when the item was numbered by its position instead ('' for a row
   * without 序号; `3` for a sub-item under a merged 序号 3; `3-1`); absent when `no` is the file's own
   */
  printedNo: z.string().optional(),
});
export type TPowerItem = z.infer<typeof ZPowerItem>;

export const ZSeverity = z.enum(['error', 'warning', 'info']);
export type TSeverity = z.infer<typeof ZSeverity>;

/** A linter finding. `item` is the item's `no`, null for list-wide findings. */
export const ZFinding = z.object({
  rule: z.string(),
  severity: ZSeverity,
  item: z.number().int().nullable(),
  field: ZItemField.nullable(),
  /** index of the entry within the field (0-based), when the finding is about one entry */
  entry: z.number().int().nullable().optional(),
  message: z.string(),
  messageEn: z.string(),
});
export type TFinding = z.infer<typeof ZFinding>;

/** The canonical power list. */
export const ZPowerList = z.object({
  title: z.string(),
  items: z.array(ZPowerItem),
  findings: z.array(ZFinding),
});
export type TPowerList = z.infer<typeof ZPowerList>;

/** Difference between two versions of a list, keyed by item name. */
export const ZFieldChange = z.object({
  /** `extraFields` changes carry `header：value` lines as before and after */
  field: ZItemField.or(z.literal('accountabilityPreamble')).or(z.literal('extraFields')),
  before: z.unknown(),
  after: z.unknown(),
});
export const ZItemDiff = z.object({
  name: z.string(),
  noBefore: z.number().int().nullable(),
  noAfter: z.number().int().nullable(),
  changes: z.array(ZFieldChange),
});
export const ZPowerListDiff = z.object({
  added: z.array(z.object({ no: z.number().int(), name: z.string() })),
  removed: z.array(z.object({ no: z.number().int(), name: z.string() })),
  changed: z.array(ZItemDiff),
  titleChanged: z.object({ before: z.string(), after: z.string() }).nullable(),
});
export type TPowerListDiff = z.infer<typeof ZPowerListDiff>;
export type TItemDiff = z.infer<typeof ZItemDiff>;
