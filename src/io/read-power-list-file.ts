/**
 * Reads a power list from any format we accept, chosen by content first (an .xlsx is a zip, JSON
 * starts with `{`) and by file name second, so a mis-named file still imports.
 */
import type { TPowerItem } from '../contracts/power-list.js';
import { DomainError, ERROR_CODES } from '../domain/errors.js';
import { decodeText } from './decode-text.js';
import { readPowerListJson } from './power-list-json.js';
import { readPowerListTsv } from './power-list-tsv.js';
import { readPowerListXlsx } from './power-list-xlsx.js';

export type PowerListFormat = 'tsv' | 'xlsx' | 'json';

export interface ReadPowerList {
  title: string;
  items: TPowerItem[];
  format: PowerListFormat;
  /** text encoding detected (utf-8, gb18030) — null for xlsx */
  encoding: string | null;
}

export interface ReadPowerListOptions {
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Detect the format of a file from its first bytes and, failing that, its name. */
export function detectFormat(bytes: Uint8Array, fileName: string): PowerListFormat {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'xlsx';
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.xls')) {
    throw new DomainError(ERROR_CODES.unsupportedFormat, '不支持旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 后再导入。');
  }
  const head = decodeText(bytes.subarray(0, 64)).text.trimStart();
  return head.startsWith('{') ? 'json' : 'tsv';
}

/** Parse a power-list file. Throws DomainError (malformed-file, validation, unsupported-format). */
export async function readPowerListFile(bytes: Uint8Array, fileName: string, options: ReadPowerListOptions = {}): Promise<ReadPowerList> {
  const format = detectFormat(bytes, fileName);
  if (format === 'xlsx') {
    const { title, items } = await readPowerListXlsx(bytes);
    return { title, items, format, encoding: null };
  }
  if (format === 'json') {
    const { text, encoding } = decodeText(bytes);
    const list = readPowerListJson(text);
    return { title: list.title, items: list.items, format, encoding };
  }
  const { title, items, encoding } = readPowerListTsv(bytes, options);
  return { title, items, format, encoding };
}
