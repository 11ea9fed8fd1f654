/**
 * The registry of legal sources (法律依据库): which editions of each law, regulation and normative
 * document exist, whether each is in force, and how articles of a superseded edition map to the
 * current one. An administrator records these facts; the code never invents them — where the
 * registry says nothing, the product says "unknown". Shared with web/ — no Node, no React here.
 *
 * The seed is data/legal-sources.json. Sources, editions and mappings are strict objects (a typo
 * in a key is an error, not a silently dropped fact); the time-limit and calendar sections are
 * carried as they are, unknown keys included.
 */
import { z } from 'zod';
import { ZArticleRef, ZItemField, ZRank } from './power-list.js';

/** A calendar date written YYYY-MM-DD that exists (no 2024-02-30). */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isExistingDate, '日期不存在');

function isExistingDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}

/** The status of one edition: in force, superseded by a revision, repealed, or not established. */
export const ZEditionStatus = z.enum(['in-force', 'superseded', 'repealed', 'unknown']);
export type TEditionStatus = z.infer<typeof ZEditionStatus>;

/** Chinese labels of edition statuses, for the UI and messages. */
export const EDITION_STATUS_LABELS: Record<TEditionStatus, string> = {
  'in-force': '现行有效',
  superseded: '已修订',
  repealed: '已废止',
  unknown: '未知',
};

/** How sure the registry is of an article mapping: checked against both texts, or inferred by comparing them. */
export const ZMappingConfidence = z.enum(['checked', 'inferred']);
export type TMappingConfidence = z.infer<typeof ZMappingConfidence>;

/** Chinese labels of mapping confidence (已核对 / 推定). */
export const MAPPING_CONFIDENCE_LABELS: Record<TMappingConfidence, string> = {
  checked: '已核对',
  inferred: '推定',
};

/** One edition of a source, named as it is cited: `主席令第28号`, `国务院令第646号`, `国保发〔2013〕14号`, `2021年修订`. */
export const ZEdition = z.strictObject({
  edition: z.string().trim().min(1),
  /** date adopted or promulgated (公布/通过), when known */
  adopted: ZIsoDate.optional(),
  /** date it took effect (施行), when known */
  effective: ZIsoDate.optional(),
  status: ZEditionStatus,
  /** a fact the registry keeps about this edition (amendments, doubts), shown verbatim */
  note: z.string().optional(),
});
export type TEdition = z.infer<typeof ZEdition>;

/** An article of one edition; `paragraph` (款) absent means the whole article. */
export const ZEditionArticle = z.strictObject({
  edition: z.string().trim().min(1),
  article: z.number().int().positive(),
  paragraph: z.number().int().positive().optional(),
});
export type TEditionArticle = z.infer<typeof ZEditionArticle>;

/** Where an article of one edition went in another: one target, or several when it was split. */
export const ZArticleMapping = z.strictObject({
  from: ZEditionArticle,
  to: z.array(ZEditionArticle).min(1),
  confidence: ZMappingConfidence,
  note: z.string().optional(),
});
export type TArticleMapping = z.infer<typeof ZArticleMapping>;

/** One legal source (a law, a regulation, a normative document) with its editions. */
export const ZLegalSource = z.strictObject({
  /** stable id, kebab-case: `baomi-fa` */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id 应为小写字母、数字和连字符'),
  /** canonical title without 《》 */
  title: z.string().trim().min(1),
  /** other spellings lists use for the same source (the 中华人民共和国 prefix is ignored anyway) */
  aliases: z.array(z.string().trim().min(1)).optional(),
  rank: ZRank,
  editions: z.array(ZEdition).min(1),
  articleMap: z.array(ZArticleMapping),
});
export type TLegalSource = z.infer<typeof ZLegalSource>;

/** A statutory time limit the procedures rely on, carried as recorded. */
export const ZTimeLimit = z.looseObject({
  rule: z.string(),
  days: z.number().int().positive().optional(),
  hours: z.number().int().positive().optional(),
  dayType: z.enum(['calendar', 'working', 'hours']).optional(),
  source: z.string(),
});
export type TTimeLimit = z.infer<typeof ZTimeLimit>;

/** Where the working-day calendar comes from, carried as recorded. */
export const ZCalendarSource = z.looseObject({
  package: z.string(),
  note: z.string().optional(),
});
export type TCalendarSource = z.infer<typeof ZCalendarSource>;

/**
 * The whole registry, exactly the shape of data/legal-sources.json. The cross-record rules (unique
 * ids, mappings naming known editions, one edition in force) are checked by `parseRegistry` in
 * src/domain/legal-sources/registry.ts, which reports them with paths.
 */
export const ZLegalRegistry = z.strictObject({
  about: z.string().optional(),
  sources: z.array(ZLegalSource),
  timeLimits: z.array(ZTimeLimit).optional(),
  calendar: ZCalendarSource.optional(),
});
export type TLegalRegistry = z.infer<typeof ZLegalRegistry>;

/** The fields of an item that hold citations. */
export const ZCitationField = ZItemField.extract(['legalBases', 'dutyBases', 'accountabilityBases']);
export type TCitationField = z.infer<typeof ZCitationField>;

/** What a citation notice is about. */
export const ZCitationNoticeKind = z.enum([
  /** cites a superseded or repealed edition */
  'stale',
  /** cites an edition whose status the registry does not know */
  'status-unknown',
  /** names no edition, so whether it is current cannot be told */
  'edition-not-stated',
  /** the registry knows the source but not the cited edition */
  'edition-unknown',
  /** the registry does not know the source */
  'source-unknown',
]);
export type TCitationNoticeKind = z.infer<typeof ZCitationNoticeKind>;

/** One cited article and where it is in the current edition, when the registry knows. */
export const ZNoticeArticle = z.object({
  cited: ZArticleRef,
  /** the articles of the current edition, null when unknown */
  mapped: z.array(ZEditionArticle).nullable(),
  /** the weakest confidence along the mapping chain, null when unknown */
  confidence: ZMappingConfidence.nullable(),
  /** the notes of the mappings used, verbatim */
  notes: z.array(z.string()),
});
export type TNoticeArticle = z.infer<typeof ZNoticeArticle>;

/**
 * A structured notice about one citation of one item: what it cites, what the registry knows,
 * and — for a stale citation — the current edition and articles. For the item page and for cases.
 */
export const ZCitationNotice = z.object({
  kind: ZCitationNoticeKind,
  item: z.number().int(),
  field: ZCitationField,
  /** 0-based index of the citation within the field */
  entry: z.number().int().nonnegative(),
  /** the entry repeats entry N of the same cell (`同N`); the linter reports only the original */
  sameAs: z.number().int().nullable(),
  cited: z.object({
    /** the title as the list wrote it */
    title: z.string(),
    sourceId: z.string().nullable(),
    /** the registry's canonical title, null when the source is unknown */
    sourceTitle: z.string().nullable(),
    /** the edition as the list wrote it (normalised by the parser), null when none */
    edition: z.string().nullable(),
    /** the articles the citation names */
    articles: z.array(ZArticleRef),
    /** the registry's matching edition, null when none matched */
    registryEdition: z.string().nullable(),
    status: ZEditionStatus.nullable(),
    adopted: z.string().nullable(),
    effective: z.string().nullable(),
    /** the registry's note on the cited edition */
    note: z.string().nullable(),
  }),
  /** the edition in force (stale notices only), null when the registry has none */
  current: z
    .object({
      edition: z.string(),
      adopted: z.string().nullable(),
      effective: z.string().nullable(),
      /** false when the revision is recorded but takes effect after the date checked */
      isEffective: z.boolean(),
      note: z.string().nullable(),
    })
    .nullable(),
  /** one row per cited article (stale notices only; empty otherwise) */
  articles: z.array(ZNoticeArticle),
});
export type TCitationNotice = z.infer<typeof ZCitationNotice>;

/**
 * A change an administrator makes to the registry. `add-edition` may name the editions the new one
 * supersedes (they become 已修订); `set-status` records a status; `add-mapping` records where an
 * article went. Applied by `applyRegistryChange` in src/domain/legal-sources/registry.ts.
 */
export const ZRegistryChange = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('add-edition'),
    sourceId: z.string(),
    edition: ZEdition,
    /** editions of the same source this one replaces; they are set to superseded */
    supersedes: z.array(z.string()).optional(),
  }),
  z.strictObject({
    kind: z.literal('set-status'),
    sourceId: z.string(),
    edition: z.string(),
    status: ZEditionStatus,
  }),
  z.strictObject({
    kind: z.literal('add-mapping'),
    sourceId: z.string(),
    mapping: ZArticleMapping,
  }),
]);
export type TRegistryChange = z.infer<typeof ZRegistryChange>;

/** Where a citation sits in a list: item number, field and 0-based entry index. */
export const ZCitationLocation = z.object({
  item: z.number().int(),
  field: ZCitationField,
  entry: z.number().int().nonnegative(),
  /** the entry repeats entry N of the same cell (`同N`) */
  sameAs: z.number().int().nullable(),
  /** the articles the citation names */
  articles: z.array(ZArticleRef),
});
export type TCitationLocation = z.infer<typeof ZCitationLocation>;
