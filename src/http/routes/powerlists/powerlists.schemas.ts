/** Request schemas of the power-list routes (responses come from src/contracts/api.ts). */
import { z } from 'zod';

export const ZVersionParams = z.object({ n: z.coerce.number().int().positive().max(1_000_000) });
export const ZItemParams = z.object({ no: z.coerce.number().int().positive().max(1_000_000) });
export const ZVersionQuery = z.object({ version: z.coerce.number().int().positive().max(1_000_000).optional() });
export const ZExportQuery = z.object({
  format: z.enum(['json', 'xlsx', 'tsv']).default('json'),
  version: z.coerce.number().int().positive().max(1_000_000).optional(),
});
