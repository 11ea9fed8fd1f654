import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellMarkupTooComplexError, exceedsMarkupLimits, htmlToText, MAX_CELL_TAG_DEPTH, MAX_CELL_TAGS } from './html-to-text.js';

describe('htmlToText', () => {
  it('turns paragraphs into lines', () => {
    expect(htmlToText('<p>1.立案责任：审查。</p> <p>2.调查取证责任：取证。</p>')).toBe('1.立案责任：审查。\n2.调查取证责任：取证。');
  });

  it('treats br, div and li as paragraph breaks', () => {
    expect(htmlToText('a<br>b<div>c</div><ul><li>d</li><li>e</li></ul>f')).toBe('a\nb\nc\nd\ne\nf');
  });

  it('collapses whitespace inside a paragraph and drops empty paragraphs', () => {
    expect(htmlToText('<p>  第四十五条 \n\t 保密&nbsp;行政　管理 </p><p> </p><p></p>')).toBe('第四十五条 保密 行政 管理');
  });

  it('decodes entities', () => {
    expect(htmlToText('<p>&lt;b&gt; &amp; &#x4e00;&#20108; &quot;x&quot;</p>')).toBe('<b> & 一二 "x"');
  });

  it('keeps inline markup as text only', () => {
    expect(htmlToText('<p>依据<b>《保密法》</b><span style="color:red">第一条</span></p>')).toBe('依据《保密法》第一条');
  });

  it('reads a cell without tags as plain text: < is a character, line breaks are paragraphs', () => {
    expect(htmlToText('甲<乙 且 丙>丁 a<b\n第二段')).toBe('甲<乙 且 丙>丁 a<b\n第二段');
    expect(htmlToText('x<1 & y')).toBe('x<1 & y');
    expect(htmlToText('1.甲\r\n2.乙')).toBe('1.甲\n2.乙');
  });

  it('decodes entities in plain cells too, so an escaped export reads back', () => {
    expect(htmlToText('A&amp;B &lt;p&gt;')).toBe('A&B <p>');
  });

  it('drops script and style content and event-handler attributes', () => {
    expect(htmlToText('<p>前<script>alert("x")</script>后</p>')).toBe('前后');
    expect(htmlToText('<style>p{color:red}</style><p>正文</p>')).toBe('正文');
    expect(htmlToText('<img src=x onerror=alert(1)>图')).toBe('图');
    expect(htmlToText('<a href="javascript:alert(1)">链接</a>')).toBe('链接');
    expect(htmlToText('<svg onload=alert(1)><script>alert(2)</script></svg>后')).toBe('后');
    expect(htmlToText('<iframe src="javascript:alert(1)"></iframe>')).toBe('');
  });

  it('returns an empty string for an empty cell', () => {
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<p></p>')).toBe('');
  });

  it('never returns a tag from markup, and keeps every character of plain text', () => {
    // A lone '<' is text and may end up next to a letter ('<' + '</b>' + 'a' is the text '<a');
    // the output is text to be escaped on display, so the pieces below only hold '<' in tags.
    const piece = fc.constantFrom(
      '<p>',
      '</p>',
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      '<br/>',
      '<!--',
      '-->',
      '>',
      '"',
      "'",
      '<style>',
      ' ',
      '\n',
      '甲',
      'a',
      '1.',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const input = parts.join('');
        const output = htmlToText(input);
        for (const line of output === '' ? [] : output.split('\n')) {
          expect(line).not.toBe('');
          expect(line).toBe(line.trim());
        }
        if (/<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>|<!--/.test(input)) {
          // Markup: no '<' that could start a tag survives (the input has no entities to decode).
          expect(output).not.toMatch(/<[a-zA-Z/!?]/);
        } else {
          // Plain text: every non-space character survives, in order.
          expect(output.replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads plain <p> cells the same way on its fast path as through the parser', () => {
    const paragraph = fc.string({ unit: fc.constantFrom('甲', 'a', ' ', '\n', '\t', '。', '1', '.', '"', '\u3000'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), fc.constantFrom('', ' ', '\n'), (paragraphs, gap) => {
        const cell = paragraphs.map((p) => `<p>${p}</p>`).join(gap);
        // An empty inline element takes the cell off the fast path without changing its text.
        expect(htmlToText(cell)).toBe(htmlToText(`${cell}<span></span>`));
      }),
      { numRuns: 300 },
    );
  });
});

describe('htmlToText markup limits (issue 9: deeply nested HTML in one cell)', () => {
  it('refuses 200,000 nested <b> at once, before the parser sees them', () => {
    const bomb = `${'<b>'.repeat(200_000)}x${'</b>'.repeat(200_000)}`;
    expect(() => htmlToText(bomb)).toThrow(CellMarkupTooComplexError);
    expect(exceedsMarkupLimits(bomb)).toBe(true);
  });

  it('refuses nesting deeper than the limit even with few tags, and reads nesting up to it', () => {
    const nested = (depth: number) => `${'<span>'.repeat(depth)}文字${'</span>'.repeat(depth)}`;
    expect(htmlToText(nested(MAX_CELL_TAG_DEPTH))).toBe('文字');
    expect(() => htmlToText(nested(MAX_CELL_TAG_DEPTH + 1))).toThrow(/嵌套超过 100 层/);
  });

  it('counts paragraphs that close as they go by their depth, not their number', () => {
    const many = '<p>段落</p>'.repeat(5_000);
    expect(htmlToText(many).split('\n')).toHaveLength(5_000);
    expect(() => htmlToText('<br>'.repeat(MAX_CELL_TAGS + 1))).toThrow(/超过 20000 个/);
  });
});
