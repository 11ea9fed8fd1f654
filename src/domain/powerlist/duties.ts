/**
 * Duties (责任事项): the numbered steps of a power's procedure, `1.立案责任：通过举报、检查…`.
 */
import type { TDuty } from '../../contracts/power-list.js';
import type { CellEntry } from './cell-entries.js';
import { resolveSameAsEntries } from './same-as.js';
import { splitCellEntries } from './split-cell.js';
import { knownStepOf } from './step-names.js';

/**
 * `立案责任：…` / `调查取证责任:…` / `申报阶段责任：…` / `接受阶段:…` / `立案环节：…` — a short name (no
 * punctuation or space, at most 15 characters), 阶段 or 环节 and/or 责任, a colon; or a known step
 * name and a colon alone (`受理：…`). The closing `其他法律法规规章文件规定应履行的责任。` has no
 * colon after 责任 and is a duty without a name: its words are a sentence, not a step name, and a
 * step named 其他 would not read back to the same text.
 */
const NAMED_DUTY = /^([^\s：:，,。；;、]{1,15}?)\s*(?:(?:阶段|环节)\s*(?:责任)?|责任)\s*[：:]\s*/;
const BARE_NAMED_DUTY = /^([^\s：:，,。；;、]{1,6})\s*[：:]\s*/;

/** Name and text of one duty entry's text. */
export function parseDutyText(text: string): { name: string | null; text: string } {
  const named = NAMED_DUTY.exec(text);
  if (named !== null) return { name: named[1] ?? null, text: text.slice(named[0].length) };
  const bare = BARE_NAMED_DUTY.exec(text);
  if (bare?.[1] !== undefined && knownStepOf(bare[1]) !== undefined) return { name: bare[1], text: text.slice(bare[0].length) };
  return { name: null, text };
}

/**
 * Every way of writing a duty back as an entry (without its number marker), most natural first:
 * `立案责任：text`, or the text alone when unnamed; then with a space after the colon, as a list may
 * have written it (it keeps a text that opens with `3. 1.` from opening an entry at its ` 1.`).
 */
export function dutyForms(duty: Pick<TDuty, 'name' | 'text'>): string[] {
  if (duty.name === null) return [duty.text];
  // A name that itself ends in 阶段 or 环节 reads back only with that word written twice.
  return [
    `${duty.name}责任：${duty.text}`,
    `${duty.name}责任： ${duty.text}`,
    `${duty.name}阶段责任：${duty.text}`,
    `${duty.name}阶段责任： ${duty.text}`,
  ];
}

/**
 * The first of a duty's forms that, written behind `marker` (`2.`, `（二）`; none for an unnumbered
 * duty), reads back through the cell reader to the same name and text; null when none does on its own.
 */
export function findDutyForm(duty: Pick<TDuty, 'name' | 'text'>, marker: string): string | null {
  return dutyForms(duty).find((form) => readsBackAs(form, marker, duty)) ?? null;
}

/** The text of a duty written back as an entry: the first of its forms that reads back, else the plain form. */
export function renderDutyText(duty: Pick<TDuty, 'name' | 'text'>, marker = ''): string {
  return findDutyForm(duty, marker) ?? dutyForms(duty)[0] ?? '';
}

/** Does `entryText` behind `marker`, read as the cell reader reads an entry, give back the duty's name and text? */
function readsBackAs(entryText: string, marker: string, duty: Pick<TDuty, 'name' | 'text'>): boolean {
  const [read, ...more] = buildDuties(splitCellEntries(marker + entryText));
  return read !== undefined && more.length === 0 && read.name === duty.name && read.text === duty.text;
}

/**
 * The duties of a 责任事项 cell, one per entry. A `同N` entry takes name and text of entry N and
 * keeps its own number and truncation flag; an unresolvable `同N` stays a duty with text `同N`.
 */
export function buildDuties(entries: CellEntry[]): TDuty[] {
  const sources = resolveSameAsEntries(entries);
  return entries.map((entry, index) => {
    const { name, text } = parseDutyText((sources[index] ?? entry).text);
    return { no: entry.no, name, text, truncated: entry.truncated };
  });
}
