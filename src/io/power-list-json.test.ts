import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TPowerList, ZFinding, ZPowerItem, ZPowerList } from '../contracts/power-list.js';
import { DomainError } from '../domain/errors.js';
import { findJsonSyntaxError, lineAndColumn, readPowerListJson, writePowerListJson } from './power-list-json.js';

function sampleList(): TPowerList {
  return {
    title: '柳州市国家保密局权责清单',
    items: [
      {
        no: 1,
        category: '行政处罚',
        name: '对非法获取、持有国家秘密载体的处罚',
        subItem: null,
        legalBases: [
          {
            no: null,
            sameAs: null,
            rank: '法律',
            title: '中华人民共和国保守国家秘密法',
            edition: '主席令第28号',
            articles: [{ article: 45, paragraph: null, item: null }],
            text: '保密行政管理部门对保密检查中发现的非法获取、持有的国家秘密载体，应当予以收缴。',
            truncated: false,
          },
        ],
        duties: [
          { no: 1, name: '立案', text: '通过举报、检查，发现涉嫌违法行为的，予以审查，决定是否立案。', truncated: false },
          { no: 3, name: '审理', text: '审理案件调查报告……以适当', truncated: true },
        ],
        dutyBases: [],
        accountabilityPreamble: '因不履行或不正确履行行政职责，有下列情形之一的，行政机关及相关工作人员应承担相应责任：',
        accountability: [{ no: 1, text: '无法定依据或者超越法定权限实施行政强制的；', truncated: false }],
        accountabilityBases: [],
        note: null,
      },
    ],
    findings: [
      {
        rule: 'truncated-cell',
        severity: 'warning',
        item: 1,
        field: 'duties',
        entry: 1,
        message: '第1项“责任事项”第3条内容被截断',
        messageEn: 'cut off',
      },
    ],
  };
}

function catchDomainError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('writePowerListJson', () => {
  it('writes 2-space indented JSON ending in one newline', () => {
    const text = writePowerListJson(sampleList());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text.split('\n')[1]).toBe('  "title": "柳州市国家保密局权责清单",');
  });

  it('orders keys as the contract does, whatever order the input had', () => {
    const list = sampleList();
    const [first] = list.items;
    if (first === undefined) throw new Error('sample has an item');
    const shuffled = {
      findings: list.findings,
      items: [Object.fromEntries(Object.entries(first).reverse())],
      title: list.title,
    } as unknown as TPowerList;
    const text = writePowerListJson(shuffled);
    const parsed = JSON.parse(text) as { items: Record<string, unknown>[]; findings: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(Object.keys(ZPowerList.shape));
    // the optional extraFields and printedNo are absent from an item that has none
    expect(Object.keys(parsed.items[0] ?? {})).toEqual(
      Object.keys(ZPowerItem.shape).filter((key) => key !== 'extraFields' && key !== 'printedNo'),
    );
    expect(Object.keys(parsed.findings[0] ?? {})).toEqual(Object.keys(ZFinding.shape));
    expect(text).toBe(writePowerListJson(sampleList()));
  });

  it('refuses a list that breaks the contract', () => {
    const broken = { ...sampleList(), title: 3 } as unknown as TPowerList;
    expect(catchDomainError(() => writePowerListJson(broken)).code).toBe('validation');
  });
});

describe('readPowerListJson', () => {
  it('reads back exactly what was written', () => {
    const text = writePowerListJson(sampleList());
    const list = readPowerListJson(text);
    expect(list).toEqual(sampleList());
    expect(writePowerListJson(list)).toBe(text);
  });

  it('accepts a leading byte-order mark', () => {
    expect(readPowerListJson(`\uFEFF${writePowerListJson(sampleList())}`).title).toBe('柳州市国家保密局权责清单');
  });

  it('gives field paths for values that break the contract', () => {
    const data = sampleList() as unknown as { items: { duties: Record<string, unknown>[] }[] };
    const duties = data.items[0]?.duties;
    if (duties === undefined) throw new Error('sample has duties');
    duties[1] = { ...duties[1], name: 42 };
    const error = catchDomainError(() => readPowerListJson(JSON.stringify(data)));
    expect(error.code).toBe('validation');
    expect(error.issues).toEqual([{ path: ['items', 0, 'duties', 1, 'name'], message: expect.any(String) }]);
    expect(error.message).toContain('items.0.duties.1.name');
    expect(error.message).toMatch(/共 1 处问题/);
  });

  it('names a missing top-level field', () => {
    const error = catchDomainError(() => readPowerListJson('{"title":"清单","items":[]}'));
    expect(error.issues.map((issue) => issue.path)).toEqual([['findings']]);
  });

  it('reports a trailing comma as malformed with line and column', () => {
    const text = '{\n  "title": "清单",\n  "items": [],\n}\n';
    const error = catchDomainError(() => readPowerListJson(text));
    expect(error.code).toBe('malformed-file');
    expect(error.location).toEqual({ line: 4, column: 1 });
    expect(error.message).toMatch(/^第 4 行第 1 列：文件不是有效的 JSON/);
  });

  it('reports an unterminated string where it starts, and a truncated file at its end', () => {
    const newline = catchDomainError(() => readPowerListJson('{"title": "清单\n}'));
    expect(newline.location).toEqual({ line: 1, column: 14 });
    expect(newline.message).toContain('字符串中不能直接出现换行');
    const unterminated = catchDomainError(() => readPowerListJson('{"title": "清单'));
    expect(unterminated.location).toEqual({ line: 1, column: 11 });
    expect(unterminated.message).toContain('缺少结束的双引号');
    const cut = catchDomainError(() => readPowerListJson('{"title": "清单", "items": ['));
    expect(cut.code).toBe('malformed-file');
    expect(cut.message).toContain('文件意外结束');
    expect(catchDomainError(() => readPowerListJson('')).code).toBe('malformed-file');
  });
});

describe('findJsonSyntaxError', () => {
  it('accepts every valid JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(findJsonSyntaxError(text)).toBeNull();
      }),
    );
  });

  it('agrees with JSON.parse on damaged JSON, and points inside the text', () => {
    const damaged = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '\n', 'x'))
      .map(([text, at, insert]) => {
        const index = at % (text.length + 1);
        return text.slice(0, index) + insert + text.slice(index + 1);
      });
    fc.assert(
      fc.property(damaged, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const problem = findJsonSyntaxError(text);
        expect(problem === null).toBe(parses);
        if (problem !== null) expect(problem.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
  });

  it('reports nesting deeper than it follows instead of overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}x`;
    expect(findJsonSyntaxError(deep)?.reason).toBe('嵌套层级过深');
  });
});

describe('lineAndColumn', () => {
  it('counts lines from 1 and columns in characters', () => {
    expect(lineAndColumn('ab\n清单x', 5)).toEqual({ line: 2, column: 3 });
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
