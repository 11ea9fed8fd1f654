/**
 * What the public search looks in: an item's name, its duties and the texts of its citations and
 * accountability clauses — and where in the item a query matched, for the snippet shown to people.
 */
import { ITEM_FIELD_LABELS, type TCitation, type TPowerItem } from '../../contracts/power-list.js';

type SearchField = 'name' | 'subItem' | 'duties' | 'legalBases' | 'dutyBases' | 'accountability' | 'accountabilityBases';

function citationText(c: TCitation): string {
  return [c.title ? `《${c.title}》` : '', c.text].join(' ');
}

function fieldTexts(item: TPowerItem): [SearchField, string][] {
  return [
    ['name', item.name],
    ['subItem', item.subItem ?? ''],
    ['duties', item.duties.map((d) => `${d.name ?? ''} ${d.text}`).join('\n')],
    ['legalBases', item.legalBases.map(citationText).join('\n')],
    ['dutyBases', item.dutyBases.map(citationText).join('\n')],
    ['accountability', item.accountability.map((c) => c.text).join('\n')],
    ['accountabilityBases', item.accountabilityBases.map(citationText).join('\n')],
  ];
}

/** The text stored in the search index for an item. */
export function searchTextOf(item: TPowerItem): string {
  return fieldTexts(item)
    .map(([, text]) => text)
    .filter(Boolean)
    .join('\n');
}

/** Where `query` occurs in an item: one snippet per field, about 40 characters around the first hit. */
export function matchSnippets(item: TPowerItem, query: string, radius = 20): { field: string; snippet: string }[] {
  const needle = query.toLowerCase();
  const out: { field: string; snippet: string }[] = [];
  for (const [field, text] of fieldTexts(item)) {
    const at = text.toLowerCase().indexOf(needle);
    if (at < 0) continue;
    const start = Math.max(0, at - radius);
    const end = Math.min(text.length, at + needle.length + radius);
    const snippet = `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\n/g, ' ')}${end < text.length ? '…' : ''}`;
    out.push({ field: ITEM_FIELD_LABELS[field].zh, snippet });
  }
  return out;
}
