/**
 * The base working calendar: the holiday and 调休 data of the chinese-days package (exact pin
 * 1.5.7 in package.json, data for 2004–2026), read from the JSON file the package ships so the
 * answer does not depend on how a bundler or test runner unwraps its CommonJS default export.
 */
import { createRequire } from 'node:module';
import type { WorkingCalendarData } from '../../domain/calendar/working-calendar.js';

interface ChineseDaysJson {
  /** date → "English name,中文名,days" */
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);

/** The Chinese name out of "National Day,国庆节,3". */
function chineseName(entry: string): string {
  return entry.split(',')[1]?.trim() || entry;
}

let cached: WorkingCalendarData | null = null;

/** The package's data as plain WorkingCalendarData; the covered years are those with holiday entries. */
export function chineseDaysData(): WorkingCalendarData {
  if (cached) return cached;
  const json = require('chinese-days/dist/chinese-days.json') as ChineseDaysJson;
  const holidays: Record<string, string> = {};
  const adjustedWorkdays: Record<string, string> = {};
  const years = new Set<number>();
  for (const [date, entry] of Object.entries(json.holidays)) {
    holidays[date] = chineseName(entry);
    years.add(Number(date.slice(0, 4)));
  }
  for (const [date, entry] of Object.entries(json.workdays)) adjustedWorkdays[date] = chineseName(entry);
  cached = { years: [...years].sort((a, b) => a - b), holidays, adjustedWorkdays };
  return cached;
}
