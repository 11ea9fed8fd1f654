/**
 * Reduces the HTML a power-list exporter puts in a cell (`<p>…</p> <p>…</p>`) to plain text with one
 * '\n' between paragraphs. The result is text, never markup: tags are dropped, script and style
 * content is dropped, entities are decoded — whoever displays it escapes it again.
 */
import { Parser } from 'htmlparser2';

/** Elements that end a paragraph of text. */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'br',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'hr',
  'section',
  'article',
  'header',
  'footer',
  'dd',
  'dt',
  'dl',
]);

/** Elements whose content is code or inert markup, never text of the cell. */
const DROPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'svg',
  'math',
  'title',
  'head',
]);

/**
 * A cell holds HTML when it contains something that is unmistakably a tag; otherwise it is plain
 * text, where `<` is a character and a line break is a paragraph break.
 */
const TAG_PATTERN = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>|<!--/;

function collapseParagraph(raw: string): string {
  // \s covers the ideographic space U+3000 and the no-break space of &nbsp; as well.
  return raw.replace(/\s+/g, ' ').trim();
}

/**
 * The portal's own cells: nothing but `<p>` paragraphs of text without markup characters or
 * entities. Read directly — the same result as the parser, several times faster on large lists.
 */
const SIMPLE_PARAGRAPHS = /^\s*(?:<p>[^<>&]*<\/p>\s*)+$/;

function simpleParagraphsToText(cell: string): string {
  const paragraphs: string[] = [];
  for (const part of cell.split(/<\/?p>/)) {
    const text = collapseParagraph(part);
    if (text.length > 0) paragraphs.push(text);
  }
  return paragraphs.join('\n');
}

/** Reduce a cell's HTML (or plain text) to plain text; paragraphs are separated by '\n'. */
export function htmlToText(cell: string): string {
  if (cell.length === 0) return '';
  if (cell.startsWith('<p>', cell.search(/\S/)) && SIMPLE_PARAGRAPHS.test(cell)) return simpleParagraphsToText(cell);
  // Plain text goes through the same parser so that entities are decoded the same way, with its
  // '<' escaped (a literal character) and its line breaks turned into paragraph breaks.
  const html = TAG_PATTERN.test(cell) ? cell : cell.replace(/</g, '&lt;').replace(/\r?\n|\r/g, '<br>');

  const paragraphs: string[] = [];
  let current = '';
  let droppedDepth = 0;
  const endParagraph = (): void => {
    const text = collapseParagraph(current);
    if (text.length > 0) paragraphs.push(text);
    current = '';
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (DROPPED_ELEMENTS.has(name)) droppedDepth += 1;
        else if (BLOCK_ELEMENTS.has(name)) endParagraph();
        else if (name === 'td' || name === 'th') current += ' ';
      },
      onclosetag(name) {
        if (DROPPED_ELEMENTS.has(name)) droppedDepth = Math.max(0, droppedDepth - 1);
        else if (BLOCK_ELEMENTS.has(name)) endParagraph();
        else if (name === 'td' || name === 'th') current += ' ';
      },
      ontext(text) {
        if (droppedDepth === 0) current += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  endParagraph();
  return paragraphs.join('\n');
}
