/**
 * Wire shapes of the legal-source registry API (/api/v1/legal-sources/…), shared by the server and
 * web/. The registry itself (sources, editions, mappings, changes) is in ./legal-sources.ts; this
 * file adds what the API says about it: revisions, labels for people, and the list items a change
 * affects.
 */
import { z } from 'zod';
import {
  ZArticleMapping,
  ZCalendarSource,
  ZCitationLocation,
  ZEdition,
  ZEditionStatus,
  ZLegalRegistry,
  ZMappingConfidence,
  ZRegistryChange,
  ZTimeLimit,
} from './legal-sources.js';
import { ZRank } from './power-list.js';

/** How a revision came about: the first-start seed, an administrator's change, or an import. */
export const ZRegistryRevisionKind = z.enum(['seed', 'change', 'import']);
export type TRegistryRevisionKind = z.infer<typeof ZRegistryRevisionKind>;

/** Chinese labels of revision kinds. */
export const REGISTRY_REVISION_KIND_LABELS: Record<TRegistryRevisionKind, string> = {
  seed: '初始数据',
  change: '修改',
  import: '导入',
};

/** One revision of the registry (the registry is append-only: every change is a new revision). */
export const ZRegistryRevision = z.object({
  no: z.number().int().positive(),
  kind: ZRegistryRevisionKind,
  /** ISO 8601 UTC */
  changedAt: z.string(),
  changedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  /** the change that made it; null for the seed and for imports */
  change: ZRegistryChange.nullable(),
});
export type TRegistryRevision = z.infer<typeof ZRegistryRevision>;

/** An edition as the registry page shows it: with its status label and whether it is the one in force. */
export const ZEditionView = ZEdition.extend({
  statusLabel: z.string(),
  isCurrent: z.boolean(),
});
export type TEditionView = z.infer<typeof ZEditionView>;

/** An article mapping with its confidence label (已核对 / 推定). */
export const ZArticleMappingView = ZArticleMapping.extend({ confidenceLabel: z.string() });
export type TArticleMappingView = z.infer<typeof ZArticleMappingView>;

/** A legal source as the registry page shows it. */
export const ZLegalSourceView = z.object({
  id: z.string(),
  title: z.string(),
  aliases: z.array(z.string()),
  rank: ZRank,
  /** the edition in force, null when the registry records none */
  currentEdition: z.string().nullable(),
  editions: z.array(ZEditionView),
  articleMap: z.array(ZArticleMappingView),
});
export type TLegalSourceView = z.infer<typeof ZLegalSourceView>;

/** GET /api/v1/legal-sources — the current registry, public, with labels for people. */
export const ZLegalRegistryResponse = z.object({
  revision: ZRegistryRevision,
  about: z.string().nullable(),
  sources: z.array(ZLegalSourceView),
  timeLimits: z.array(ZTimeLimit),
  calendar: ZCalendarSource.nullable(),
  /** every status with its label, for filters and legends */
  statusLabels: z.record(ZEditionStatus, z.string()),
  confidenceLabels: z.record(ZMappingConfidence, z.string()),
});
export type TLegalRegistryResponse = z.infer<typeof ZLegalRegistryResponse>;

/** GET /api/v1/legal-sources/revisions?limit=&offset= */
export const ZRegistryRevisionsQuery = z.object({
  limit: z.coerce.number().int().min(1, '每页至少 1 条').max(200, '每页最多 200 条').default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const ZRegistryRevisionsResponse = z.object({
  total: z.number().int(),
  revisions: z.array(ZRegistryRevision),
});
export type TRegistryRevisionsResponse = z.infer<typeof ZRegistryRevisionsResponse>;

/** A list item a registry change affects, in the current version of its organisation's list. */
export const ZAffectedItem = z.object({
  organisation: z.object({ code: z.string(), name: z.string() }),
  versionNo: z.number().int().positive(),
  item: z.object({ no: z.number().int(), category: z.string(), name: z.string() }),
  /** the citations of the item the change touches */
  citations: z.array(ZCitationLocation),
});
export type TAffectedItem = z.infer<typeof ZAffectedItem>;

/** POST /api/v1/legal-sources/changes — one administrator change. */
export const ZRegistryChangeRequest = z.object({
  change: ZRegistryChange,
  /** the revision the change was prepared against; a newer one makes it a 409 instead of a blind write */
  expectedRevision: z.number().int().positive().optional(),
  /** only validate and list the affected items; write nothing */
  dryRun: z.boolean().optional(),
});
export type TRegistryChangeRequest = z.infer<typeof ZRegistryChangeRequest>;

/** The answer to a change or an import: the revision now current and the items it affects. */
export const ZRegistryWriteResponse = z.object({
  dryRun: z.boolean(),
  /** false when an import equals the current registry: nothing was written */
  changed: z.boolean(),
  /** the new revision (for a dry run or an unchanged import: the current one) */
  revision: ZRegistryRevision,
  affected: z.array(ZAffectedItem),
});
export type TRegistryWriteResponse = z.infer<typeof ZRegistryWriteResponse>;

/** POST /api/v1/legal-sources/import?expectedRevision=N&dryRun=true — the body is the registry JSON. */
export const ZRegistryImportQuery = z.object({
  expectedRevision: z.coerce.number().int().positive().optional(),
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});

/** The body of an import, and of an export: exactly data/legal-sources.json's shape. */
export const ZRegistryDocument = ZLegalRegistry;
