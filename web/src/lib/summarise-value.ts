/**
 * Short, human summaries of an item field's value for the version diff (before → after).
 */

const MAX_CHARS = 60;

function clip(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > MAX_CHARS ? `${chars.slice(0, MAX_CHARS).join('')}…` : chars.join('');
}

/** Text of a field value: strings clipped, lists counted (3 条), empty values as （空）. */
export function summariseValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'string') return clip(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '（空）' : `${value.length} 条`;
  return '（已修改）';
}
