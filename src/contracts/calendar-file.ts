/**
 * Reads a holiday-arrangement file: `quanze calendar import FILE` and the web page's upload share
 * this one reader (pure, in the contracts, so the browser parses the file before sending it as JSON).
 *
 * JSON: `{ "source": "…", "coveredYears": [2027], "entries": [{ "date": "2027-01-01", "kind": "holiday", "name": "元旦" }] }`
 * (or just the array of entries).
 *
 * CSV (UTF-8, comma-separated, `#` starts a comment line, an optional header `date,kind,name`):
 *
 *     date,kind,name
 *     2027,covered,国务院办公厅关于2027年部分节假日安排的通知
 *     2027-01-01,holiday,元旦
 *     2027-02-20,workday,春节
 *     2026-11-04,remove,
 *
 * kind: `holiday` (放假), `workday` (上班 — on a weekend it is a 调休 working day), `remove` (删除:
 * drop an earlier entry), or `covered` (整年: the first column is a year whose whole arrangement the
 * file contains; the third column names the notice it comes from).
 */
import type { TCalendarImportRequest } from './calendar.js';

const KINDS: Record<string, 'holiday' | 'workday' | 'remove' | 'covered'> = {
  holiday: 'holiday',
  放假: 'holiday',
  休: 'holiday',
  workday: 'workday',
  上班: 'workday',
  班: 'workday',
  remove: 'remove',
  删除: 'remove',
  covered: 'covered',
  整年: 'covered',
};

/** A file that cannot be read: the message names the line (1-based) when there is one. */
export class CalendarFileError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null) {
    super(line ? `第 ${line} 行：${message}` : message);
    this.name = 'CalendarFileError';
    this.line = line;
  }
}

function fail(message: string, line?: number): never {
  throw new CalendarFileError(message, line ?? null);
}

/**
 * Parses the file's text by its name (.json or .csv); the result is validated by ZCalendarImportRequest.
 * @throws CalendarFileError
 */
export function parseCalendarText(text: string, fileName: string): TCalendarImportRequest {
  const body = text.replace(/^\uFEFF/, '');
  if (/\.json$/i.test(fileName) || /^\s*[[{]/.test(body)) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      fail(`不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`);
    }
    if (Array.isArray(json)) return { entries: json as TCalendarImportRequest['entries'] };
    if (json && typeof json === 'object') return json as TCalendarImportRequest;
    fail('JSON 应为对象 { entries, coveredYears, source } 或条目数组');
  }
  const entries: TCalendarImportRequest['entries'] = [];
  const coveredYears: number[] = [];
  const sources: string[] = [];
  body.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const [first = '', second = '', ...rest] = text.split(',').map((c) => c.trim());
    if (line === 1 && first.toLowerCase() === 'date') return;
    const kind = KINDS[second.toLowerCase()] ?? KINDS[second];
    if (!kind) fail(`类型“${second}”无法识别，应为 holiday、workday、remove 或 covered`, line);
    const name = rest.join(',').trim();
    if (kind === 'covered') {
      if (!/^\d{4}$/.test(first)) fail(`covered 行的第一列应为年份，不是“${first}”`, line);
      coveredYears.push(Number(first));
      if (name) sources.push(name);
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(first)) fail(`日期“${first}”应为 YYYY-MM-DD`, line);
    entries.push({ date: first, kind, name });
  });
  if (entries.length === 0 && coveredYears.length === 0) fail('文件中没有任何条目');
  return { entries, coveredYears, source: [...new Set(sources)].join('；') };
}
