/**
 * One row of a power list (the ten cells as plain text) → one canonical power item. Every file
 * format (TSV with HTML cells, Excel, …) reduces its cells to RowCells and calls this, so the
 * interpretation of a cell is the same whatever the file.
 */
import type { TCitation, TClause, TDuty, TPowerItem } from '../../contracts/power-list.js';
import { DomainError, ERROR_CODES } from '../errors.js';
import { buildCitations } from './citations.js';
import { buildClauses } from './clauses.js';
import { buildDuties } from './duties.js';
import { normalizeWidth, splitCell, splitCellEntries } from './split-cell.js';

/** The ten cells of a row as plain text, paragraphs separated by '\n'. */
export interface RowCells {
  /** 序号 */
  no: string;
  /** 权力分类 */
  category: string;
  /** 项目名称 */
  name: string;
  /** 子项 */
  subItem: string;
  /** 实施依据 */
  legalBases: string;
  /** 责任事项 */
  duties: string;
  /** 责任事项依据 */
  dutyBases: string;
  /** 追责情形 */
  accountability: string;
  /** 追责依据 */
  accountabilityBases: string;
  /** 备注 */
  note: string;
}

function invalid(field: keyof RowCells, message: string): DomainError {
  return new DomainError(ERROR_CODES.validation, message, { issues: [{ path: [field], message }] });
}

/** 序号 as a positive integer; `1`, ` 1 `, `１`, `1.` and `1、` all read as 1. */
function parseItemNo(raw: string): number {
  const text = normalizeWidth(raw)
    .trim()
    .replace(/[.、．]$/, '');
  if (text === '') throw invalid('no', '序号不能为空。');
  const no = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(no > 0)) throw invalid('no', `序号“${raw.trim()}”不是正整数。`);
  return no;
}

/**
 * Whitespace that normaliseSpacing would change: a whitespace character (of `\s`) other than ' '
 * and '\n', a run, or a blank at either end. Spelled out rather than `[^\S \n]`: V8 scans it faster.
 */
const UNUSUAL_SPACING = /[\t\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|[ \n][ \n]|^[ \n]|[ \n]$/;

/**
 * The cell's text with its whitespace as the HTML reduction of a TSV cell leaves it: each paragraph
 * with runs of whitespace (tabs, ideographic spaces, no-break spaces) collapsed to one space and
 * trimmed, empty paragraphs dropped. An Excel cell holds whatever the user typed; reduced this way
 * it reads as the same list as the TSV export of that list, and every export of it reads back.
 */
function normaliseSpacing(text: string): string {
  // The cells of a TSV file arrive normalised: one test instead of a rebuild.
  if (!UNUSUAL_SPACING.test(text)) return text;
  return text
    .split('\n')
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n');
}

function optionalText(text: string): string | null {
  const normalised = normaliseSpacing(text);
  return normalised === '' ? null : normalised;
}

/**
 * A name, category or sub-item wrapped onto several lines inside its cell is one line: the lines
 * are joined directly (Chinese), with a space only between two Latin letters or digits.
 */
function unwrapLines(text: string): string {
  const lines = normaliseSpacing(text).split('\n');
  return lines.reduce(
    (joined, line) =>
      joined === '' ? line : /[A-Za-z0-9]$/.test(joined) && /^[A-Za-z0-9]/.test(line) ? `${joined} ${line}` : joined + line,
    '',
  );
}

/**
 * Lines of a citation cell that continue a citation header wrapped inside its brackets — an edition
 * note on its own line (`【法规】《…条例》（国务院令第646号，` / `2011年1月8日修订）第三十四条`), a title
 * wrapped inside 《》 — are one line with it, so that they do not read as a citation of their own.
 * Only a line that is nothing but the start of a header (marker, rank, title, open bracket) is
 * joined, and only to a line that closes that bracket before anything else.
 */
export function joinWrappedBrackets(text: string): string {
  const lines = text.split('\n');
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous !== undefined && continuesHeader(previous, line)) joined[joined.length - 1] = previous + line;
    else joined.push(line);
  }
  return joined.join('\n');
}

const HEADER_START = '^(?:\\d{1,3}\\s*[.、．]\\s*)?(?:【[^】]{1,10}】\\s*)?';
/** `【法规】《…条例》（国务院令第646号，` — a header whose edition note goes on. */
const OPEN_EDITION = new RegExp(`${HEADER_START}《[^《》\\n]+》\\s*[（(][^（()）]*$`);
/** `【法律】《中华人民共和国保守` — a header whose title goes on. */
const OPEN_TITLE = new RegExp(`${HEADER_START}《[^《》（()）\\n]+$`);

function continuesHeader(previous: string, line: string): boolean {
  if (OPEN_EDITION.test(previous)) return /^[^（()）《》【】]*[）)]/.test(line);
  if (OPEN_TITLE.test(previous)) return /^[^《》【】（()）第\d]{1,40}》/.test(line);
  return false;
}

/** The citations of a 实施依据, 责任事项依据 or 追责依据 cell. */
export function readCitationCell(text: string): TCitation[] {
  return buildCitations(splitCellEntries(joinWrappedBrackets(normaliseSpacing(text))));
}

/** `同实施依据` / `同设定依据` / `同责任事项依据` / `同追责依据`: the whole cell stands for another column's. */
const SAME_AS_COLUMN = /^同\s*(实施依据|设定依据|法律依据|责任事项依据|责任依据|追责依据)\s*[。.]?$/;

const COLUMN_OF_REFERENCE: Readonly<Record<string, 'legalBases' | 'dutyBases' | 'accountabilityBases'>> = {
  实施依据: 'legalBases',
  设定依据: 'legalBases',
  法律依据: 'legalBases',
  责任事项依据: 'dutyBases',
  责任依据: 'dutyBases',
  追责依据: 'accountabilityBases',
};

/**
 * The row's cells with every `同实施依据`-style citation cell replaced by the text of the column it
 * names — what a reader remembers as "the cell above" for a `同上` in the next row.
 */
export function resolveColumnReferences(cells: RowCells): RowCells {
  return {
    ...cells,
    legalBases: resolveColumnReference(cells, 'legalBases'),
    dutyBases: resolveColumnReference(cells, 'dutyBases'),
    accountabilityBases: resolveColumnReference(cells, 'accountabilityBases'),
  };
}

/** The text of a citation cell, with a `同实施依据` cell replaced by the text of the column it names (one step, no chains). */
function resolveColumnReference(cells: RowCells, field: 'legalBases' | 'dutyBases' | 'accountabilityBases'): string {
  const match = SAME_AS_COLUMN.exec(normaliseSpacing(cells[field]));
  const target = match?.[1] === undefined ? undefined : COLUMN_OF_REFERENCE[match[1]];
  if (target === undefined || target === field || SAME_AS_COLUMN.test(normaliseSpacing(cells[target]))) return cells[field];
  return cells[target];
}

/** The duties of a 责任事项 cell. */
export function readDutyCell(text: string): TDuty[] {
  return buildDuties(splitCellEntries(normaliseSpacing(text)));
}

/** The lead-in and the clauses of a 追责情形 cell. */
export function readAccountabilityCell(text: string): { preamble: string | null; clauses: TClause[] } {
  const { preamble, entries } = splitCell(normaliseSpacing(text));
  return { preamble, clauses: buildClauses(entries) };
}

/**
 * Build a power item from the plain-text cells of one row. Throws DomainError `validation` (with
 * the field in `issues`) for a missing or non-numeric 序号 and an empty 权力分类 or 项目名称.
 */
export function buildPowerItem(cells: RowCells): TPowerItem {
  const no = parseItemNo(cells.no);
  const category = unwrapLines(cells.category);
  if (category === '') throw invalid('category', `第 ${no} 项的权力分类不能为空。`);
  const name = unwrapLines(cells.name);
  if (name === '') throw invalid('name', `第 ${no} 项的项目名称不能为空。`);

  const accountability = readAccountabilityCell(cells.accountability);
  return {
    no,
    category,
    name,
    subItem: unwrapLines(cells.subItem) || null,
    legalBases: readCitationCell(resolveColumnReference(cells, 'legalBases')),
    duties: readDutyCell(cells.duties),
    dutyBases: readCitationCell(resolveColumnReference(cells, 'dutyBases')),
    accountabilityPreamble: accountability.preamble,
    accountability: accountability.clauses,
    accountabilityBases: readCitationCell(resolveColumnReference(cells, 'accountabilityBases')),
    note: optionalText(cells.note),
  };
}
