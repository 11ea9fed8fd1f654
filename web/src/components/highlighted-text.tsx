/**
 * Text with the search query marked. Rendered as React text nodes: imported list text may carry
 * HTML, and it must show as text.
 */
import { splitHighlight } from '../lib/highlight.js';

/** `text` with every occurrence of `query` wrapped in <mark>. */
export function HighlightedText({ text, query }: { text: string; query?: string | null }) {
  return (
    <>
      {splitHighlight(text, query).map((segment, index) =>
        segment.isMatch ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity besides their position
          <mark key={index} className="qz-mark">
            {segment.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity besides their position
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
