/**
 * POST /api/v1/powerlists/import — upload a power-list file (multipart/form-data, field `file`,
 * at most 20 MB; optional fields `org` (organisation code) and `dryRun` ("true" to check without
 * storing)). Shared by the server and web/.
 */
import { z } from 'zod';
import { ZFinding, ZPowerListDiff } from './power-list.js';

/** Largest accepted upload. */
export const POWERLIST_UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

export const ZImportResponse = z.object({
  organisation: z.object({ code: z.string() }),
  /** the version written, or the one a real import would write (dry run) */
  versionNo: z.number().int().positive(),
  dryRun: z.boolean(),
  format: z.string(),
  encoding: z.string().nullable(),
  title: z.string(),
  itemCount: z.number().int(),
  findings: z.array(ZFinding),
  /** against the previous version; null for the first */
  diff: ZPowerListDiff.nullable(),
});
export type TImportResponse = z.infer<typeof ZImportResponse>;
