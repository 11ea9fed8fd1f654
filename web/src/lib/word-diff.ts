/**
 * A word-level diff of two texts for the version comparison: Chinese characters are words of
 * their own, runs of Latin letters or digits are one word each. Unchanged runs longer than the
 * context are clipped, so an edit of two words shows those two words, not the block between them.
 */

/** A run of the diff. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Above this many words on both sides the longest-common-subsequence table would be too big. */
const MAX_CELLS = 4_000_000;

/** The words of a text: each Han character or punctuation mark, or a run of letters and digits. */
export function diffWords(text: string): string[] {
  return text.match(/\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+|\s+|[^\p{L}\p{N}\s]/gu) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** The diff as runs; null when the texts are too long to compare word by word. */
export function wordDiff(before: string, after: string): DiffPart[] | null {
  const a = diffWords(before);
  const b = diffWords(after);
  if (a.length * b.length > MAX_CELLS) return null;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        a[i] === b[j] ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(parts, 'same', a[i] as string);
      i += 1;
      j += 1;
    } else if (i < a.length && (j >= b.length || (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))) {
      // Removed words before added ones: 两→三 reads as "两" struck, then "三".
      push(parts, 'removed', a[i] as string);
      i += 1;
    } else {
      push(parts, 'added', b[j] as string);
      j += 1;
    }
  }
  return parts;
}

/** Unchanged runs clipped to `context` characters beside each change (… marks what was cut). */
export function clipUnchanged(parts: readonly DiffPart[], context: number): DiffPart[] {
  return parts.map((part, index) => {
    if (part.kind !== 'same') return part;
    const chars = [...part.text];
    const isFirst = index === 0;
    const isLast = index === parts.length - 1;
    const keep = isFirst || isLast ? context : context * 2;
    if (chars.length <= keep + 1) return part;
    if (isFirst) return { kind: 'same', text: `…${chars.slice(-context).join('')}` };
    if (isLast) return { kind: 'same', text: `${chars.slice(0, context).join('')}…` };
    return { kind: 'same', text: `${chars.slice(0, context).join('')}…${chars.slice(-context).join('')}` };
  });
}
