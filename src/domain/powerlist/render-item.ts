/**
 * The inverse of buildPowerItem: a canonical power item written back as the plain-text cells of
 * one row, in the list's own conventions (`1.立案责任：…`, `同1。`, the lead-in first). For every
 * item the importer produces, buildPowerItem(renderPowerItem(item)) deep-equals the item.
 */
import type { TPowerItem } from '../../contracts/power-list.js';
import type { RowCells } from './build-item.js';
import { TRUNCATION_MARK } from './cell-entries.js';
import { renderCitation } from './citations.js';
import { renderDutyText } from './duties.js';

interface RenderedEntry {
  no: number | null;
  text: string;
  truncated: boolean;
}

/**
 * Entries one per paragraph, numbered `N.`; a space after the marker where the text starts with
 * a digit (`1. 5个工作日`), which would otherwise read as the number 1.5. A cut entry ends with
 * TRUNCATION_MARK, so a re-import flags it again whatever its length.
 */
function renderEntries(entries: readonly RenderedEntry[], preamble: string | null = null): string {
  const paragraphs: string[] = preamble === null ? [] : [preamble];
  for (const entry of entries) {
    const marker = entry.no === null ? '' : /^\d/.test(entry.text) ? `${entry.no}. ` : `${entry.no}.`;
    paragraphs.push(`${marker}${entry.text}${entry.truncated ? TRUNCATION_MARK : ''}`);
  }
  return paragraphs.join('\n');
}

/** Write a power item back as the plain-text cells of one row ('\n' between paragraphs). */
export function renderPowerItem(item: TPowerItem): RowCells {
  const citations = (list: TPowerItem['legalBases']): string =>
    renderEntries(list.map((citation) => ({ no: citation.no, text: renderCitation(citation), truncated: citation.truncated })));
  return {
    no: String(item.no),
    category: item.category,
    name: item.name,
    subItem: item.subItem ?? '',
    legalBases: citations(item.legalBases),
    duties: renderEntries(item.duties.map((duty) => ({ no: duty.no, text: renderDutyText(duty), truncated: duty.truncated }))),
    dutyBases: citations(item.dutyBases),
    accountability: renderEntries(item.accountability, item.accountabilityPreamble),
    accountabilityBases: citations(item.accountabilityBases),
    note: item.note ?? '',
  };
}
