/**
 * One row of a power list (the ten cells as plain text) → one canonical power item. Every file
 * format (TSV with HTML cells, Excel, …) reduces its cells to RowCells and calls this, so the
 * interpretation of a cell is the same whatever the file.
 */
import type { TPowerItem } from '../../contracts/power-list.js';
import { DomainError, ERROR_CODES } from '../errors.js';
import type { CellEntry } from './cell-entries.js';
import { buildCitations } from './citations.js';
import { buildClauses } from './clauses.js';
import { buildDuties } from './duties.js';
import { normalizeWidth, splitCell } from './split-cell.js';

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

function optionalText(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The entries of a cell without a preamble of its own: an unnumbered lead-in becomes unnumbered
 * entries in front (one per paragraph), so that no text of a citation or duty cell is dropped.
 */
function entriesOf(text: string): CellEntry[] {
  const { preamble, entries } = splitCell(text);
  if (preamble === null) return entries;
  const leading = preamble.split('\n').map((paragraph): CellEntry => ({ no: null, sameAs: null, text: paragraph, truncated: false }));
  return [...leading, ...entries];
}

/**
 * Build a power item from the plain-text cells of one row. Throws DomainError `validation` (with
 * the field in `issues`) for a missing or non-numeric 序号 and an empty 权力分类 or 项目名称.
 */
export function buildPowerItem(cells: RowCells): TPowerItem {
  const no = parseItemNo(cells.no);
  const category = cells.category.trim();
  if (category === '') throw invalid('category', `第 ${no} 项的权力分类不能为空。`);
  const name = cells.name.trim();
  if (name === '') throw invalid('name', `第 ${no} 项的项目名称不能为空。`);

  const accountability = splitCell(cells.accountability);
  return {
    no,
    category,
    name,
    subItem: optionalText(cells.subItem),
    legalBases: buildCitations(entriesOf(cells.legalBases)),
    duties: buildDuties(entriesOf(cells.duties)),
    dutyBases: buildCitations(entriesOf(cells.dutyBases)),
    accountabilityPreamble: accountability.preamble,
    accountability: buildClauses(accountability.entries),
    accountabilityBases: buildCitations(entriesOf(cells.accountabilityBases)),
    note: optionalText(cells.note),
  };
}
