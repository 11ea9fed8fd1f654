/**
 * Wire shapes of the public power-list API (/api/v1/powerlists/…), shared by the server and web/.
 */
import { z } from 'zod';
import { ZRefusal } from './cases.js';
import { ZCitationNotice } from './legal-sources.js';
import { ZFinding, ZPowerItem, ZPowerList, ZPowerListDiff } from './power-list.js';

export const ZOrganisationRef = z.object({
  code: z.string(),
  name: z.string(),
});

/** One imported version of an organisation's list. */
export const ZVersionSummary = z.object({
  no: z.number().int().positive(),
  title: z.string(),
  importedAt: z.string(),
  sourceName: z.string(),
  sourceSha256: z.string(),
  itemCount: z.number().int(),
  findingCount: z.number().int(),
  isCurrent: z.boolean(),
  diffSummary: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }).nullable(),
});
export type TVersionSummary = z.infer<typeof ZVersionSummary>;

/** GET /api/v1/powerlists/current and GET /api/v1/powerlists/versions/:n */
export const ZPowerListResponse = z.object({
  organisation: ZOrganisationRef,
  version: ZVersionSummary,
  list: ZPowerList,
  /** difference against the previous version, null for the first */
  diff: ZPowerListDiff.nullable(),
});
export type TPowerListResponse = z.infer<typeof ZPowerListResponse>;

/** GET /api/v1/powerlists/versions */
export const ZVersionsResponse = z.object({
  organisation: ZOrganisationRef,
  versions: z.array(ZVersionSummary),
});
export type TVersionsResponse = z.infer<typeof ZVersionsResponse>;

/** GET /api/v1/powerlists/items/:no (current version; ?version=N for an earlier one) */
export const ZItemResponse = z.object({
  organisation: ZOrganisationRef,
  version: ZVersionSummary,
  item: ZPowerItem,
  findings: z.array(ZFinding),
  /**
   * What the legal-source registry says about the item's citations, one notice per citation that
   * is stale (with the current edition and article, or unknown), of unknown status, or unresolved;
   * computed against the registry as it stands now. Empty before the registry is seeded.
   */
  citationNotices: z.array(ZCitationNotice),
});
export type TItemResponse = z.infer<typeof ZItemResponse>;

/** GET /api/v1/powerlists/items?q=…&category=… — search over names, duties and citation texts */
export const ZSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.string().max(20).optional(),
  version: z.coerce.number().int().positive().optional(),
});
export const ZSearchHit = z.object({
  no: z.number().int(),
  category: z.string(),
  name: z.string(),
  subItem: z.string().nullable(),
  /** where the query matched: the Chinese label of the field (项目名称, 责任事项, 实施依据 …) and a short snippet around the match */
  matches: z.array(z.object({ field: z.string(), snippet: z.string() })),
  findingCount: z.number().int(),
  /** the search terms this item contains (items are ranked by how many) */
  matchedTerms: z.array(z.string()).optional(),
});
export const ZSearchResponse = z.object({
  organisation: ZOrganisationRef,
  version: ZVersionSummary,
  q: z.string().nullable(),
  total: z.number().int(),
  items: z.array(ZSearchHit),
  /** the terms searched for: the query split at spaces, unknown Chinese phrases into two-character words */
  terms: z.array(z.string()).optional(),
  /** when nothing matched: item names close to the query */
  suggestions: z.array(z.string()).optional(),
});
export type TSearchResponse = z.infer<typeof ZSearchResponse>;
export type TSearchHit = z.infer<typeof ZSearchHit>;

/** RFC 9457 problem details, with field paths for validation errors. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** rule-violated (422): each supervision rule that refused, quoting the list's clause and basis */
  refusals: z.array(ZRefusal).optional(),
});
export type TProblem = z.infer<typeof ZProblem>;
