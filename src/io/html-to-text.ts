/**
 * Reduces the HTML a power-list exporter puts in a cell (`<p>…</p> <p>…</p>`) to plain text with one
 * '\n' between paragraphs. The result is text, never markup: tags are dropped, script and style
 * content is dropped, entities are decoded — whoever displays it escapes it again.
 */
import { Parser } from 'htmlparser2';
import { DomainError, ERROR_CODES } from '../domain/errors.js';

/**
 * Markup a cell may hold. A power-list cell is a few paragraphs with some inline formatting; a
 * cell nested deeper or holding more tags is not a list someone typed but an attack on the parser
 * (200,000 nested `<b>` blocked the event loop for seconds: the parser's work grows faster than the
 * cell). Checked before and while parsing, so such a cell costs one linear scan.
 */
export const MAX_CELL_TAG_DEPTH = 100;
export const MAX_CELL_TAGS = 20_000;

/** A cell over the markup limits; the reader that knows the cell's row and column says which. */
export class CellMarkupTooComplexError extends DomainError {
  constructor(readonly reason: 'depth' | 'tags') {
    super(
      ERROR_CODES.malformedFile,
      reason === 'depth'
        ? `单元格中的 HTML 标记嵌套超过 ${MAX_CELL_TAG_DEPTH} 层，不像是清单内容，无法导入；请清除该单元格的格式后重新导出。`
        : `单元格中的 HTML 标记超过 ${MAX_CELL_TAGS} 个，不像是清单内容，无法导入；请清除该单元格的格式后重新导出。`,
    );
  }
}

/** How many opening tags a cell holds (`<` followed by a letter): one linear scan, no parsing. */
function countOpeningTags(cell: string): number {
  let count = 0;
  for (let index = cell.indexOf('<'); index >= 0; index = cell.indexOf('<', index + 1)) {
    const next = cell.charCodeAt(index + 1);
    if ((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a)) count += 1;
  }
  return count;
}

/** Whether a cell exceeds the markup limits (for a reader locating the cell that failed). */
export function exceedsMarkupLimits(cell: string): boolean {
  try {
    htmlToText(cell);
    return false;
  } catch (error) {
    if (error instanceof CellMarkupTooComplexError) return true;
    throw error;
  }
}

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
  const isHtml = TAG_PATTERN.test(cell);
  if (isHtml && countOpeningTags(cell) > MAX_CELL_TAGS) throw new CellMarkupTooComplexError('tags');
  const html = isHtml ? cell : cell.replace(/</g, '&lt;').replace(/\r?\n|\r/g, '<br>');

  const paragraphs: string[] = [];
  let current = '';
  let droppedDepth = 0;
  // Elements open at this point; void and self-closing tags close at once and do not count.
  let depth = 0;
  const endParagraph = (): void => {
    const text = collapseParagraph(current);
    if (text.length > 0) paragraphs.push(text);
    current = '';
  };

  const parser = new Parser(
    {
      onopentag(name) {
        depth += 1;
        if (depth > MAX_CELL_TAG_DEPTH) throw new CellMarkupTooComplexError('depth');
        if (DROPPED_ELEMENTS.has(name)) droppedDepth += 1;
        else if (BLOCK_ELEMENTS.has(name)) endParagraph();
        else if (name === 'td' || name === 'th') current += ' ';
      },
      onclosetag(name) {
        depth = Math.max(0, depth - 1);
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
