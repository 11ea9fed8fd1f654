/** Export a stored version of a list as JSON, XLSX or TSV. */
import { writePowerListJson } from '../../io/power-list-json.js';
import { writePowerListTsv } from '../../io/power-list-tsv.js';
import { writePowerListXlsx } from '../../io/power-list-xlsx.js';
import type { ServiceContext } from '../context.js';
import { getPowerList } from './published-list.js';

export const EXPORT_FORMATS = ['json', 'xlsx', 'tsv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
  versionNo: number;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  tsv: 'text/tab-separated-values; charset=utf-8',
};

/** The list of a version (current when undefined) in the given format. */
export async function exportPowerList(
  ctx: ServiceContext,
  orgCode: string,
  format: ExportFormat,
  versionNo?: number,
): Promise<ExportedFile> {
  const { list, version } = await getPowerList(ctx, orgCode, versionNo);
  const bytes =
    format === 'xlsx'
      ? new Uint8Array(await writePowerListXlsx(list))
      : new TextEncoder().encode(format === 'json' ? writePowerListJson(list) : writePowerListTsv(list));
  return { bytes, contentType: CONTENT_TYPES[format], fileName: `${orgCode}-powerlist-v${version.no}.${format}`, versionNo: version.no };
}
