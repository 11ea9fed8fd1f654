/**
 * Explains how an item field changed between two versions: which entries were added, removed or
 * edited, and for an edit the changed part of the text with a little context around it.
 */

import { clipUnchanged, type DiffPart, wordDiff } from './word-diff.js';

/** The changed part of a text: context, what was removed, what was added, context. */
export interface TextChange {
  /** unchanged text just before the change (clipped, with a leading … when clipped) */
  lead: string;
  removed: string;
  added: string;
  /** unchanged text just after the change (clipped, with a trailing … when clipped) */
  tail: string;
}

/** One line of a field's change: which entry (第2条) and what changed in it. */
export interface FieldChangeLine {
  /** 第2条, 新增第3条 …; null for a single-valued field */
  label: string | null;
  change: TextChange;
  /** for an edited entry: the word-level diff with long unchanged runs clipped (null when too long to compare) */
  parts?: DiffPart[] | null;
}

/** The clipped word diff of an edit. */
function editParts(was: string, now: string): DiffPart[] | null {
  const parts = wordDiff(was, now);
  return parts ? clipUnchanged(parts, CONTEXT_CHARS) : null;
}

const CONTEXT_CHARS = 12;

/** The smallest differing middle of two texts, with up to `context` unchanged characters around it. */
export function textChange(before: string, after: string, context = CONTEXT_CHARS): TextChange {
  const a = Array.from(before);
  const b = Array.from(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) {
    suffix += 1;
  }
  const leadStart = Math.max(0, prefix - context);
  const tailEnd = Math.min(a.length, a.length - suffix + context);
  return {
    lead: (leadStart > 0 ? '…' : '') + a.slice(leadStart, prefix).join(''),
    removed: a.slice(prefix, a.length - suffix).join(''),
    added: b.slice(prefix, b.length - suffix).join(''),
    tail: a.slice(a.length - suffix, tailEnd).join('') + (tailEnd < a.length ? '…' : ''),
  };
}

/** Readable text of a field value or list entry (duties, citations and clauses carry `text`). */
export function entryText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') {
    const { name, title, text } = value as { name?: unknown; title?: unknown; text: string };
    if (typeof name === 'string' && name) return `${name}：${text}`;
    if (typeof title === 'string' && title) return `《${title}》${text}`;
    return text;
  }
  return JSON.stringify(value);
}

/** The lines describing how a field went from `before` to `after`; list fields entry by entry. */
export function describeFieldChange(before: unknown, after: unknown): FieldChangeLine[] {
  if (!Array.isArray(before) && !Array.isArray(after)) {
    const was = entryText(before);
    const now = entryText(after);
    return [{ label: null, change: textChange(was, now), parts: was && now ? editParts(was, now) : null }];
  }
  const a: unknown[] = Array.isArray(before) ? before : [];
  const b: unknown[] = Array.isArray(after) ? after : [];
  const lines: FieldChangeLine[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const was = i < a.length ? entryText(a[i]) : null;
    const now = i < b.length ? entryText(b[i]) : null;
    if (was === now) continue;
    if (was === null) lines.push({ label: `新增第${i + 1}条`, change: textChange('', now ?? '') });
    else if (now === null) lines.push({ label: `删除第${i + 1}条`, change: textChange(was, '') });
    else lines.push({ label: `第${i + 1}条`, change: textChange(was, now), parts: editParts(was, now) });
  }
  return lines;
}
