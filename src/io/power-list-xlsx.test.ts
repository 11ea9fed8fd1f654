import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.js';
import { buildPowerItem, type RowCells } from '../domain/powerlist/build-item.js';
import { MAX_XLSX_BYTES, MAX_XLSX_ROWS, readPowerListXlsx, writePowerListXlsx } from './power-list-xlsx.js';

const HEADERS = ['序号', '权力分类', '项目名称', '子项', '实施依据', '责任事项', '责任事项依据', '追责情形', '追责依据', '备注'];

function cells(overrides: Partial<RowCells> = {}): RowCells {
  return {
    no: '1',
    category: '行政检查',
    name: '对保密工作的监督检查',
    subItem: '',
    legalBases:
      '【法律】《中华人民共和国保守国家秘密法》（主席令第28号）第四十四条 保密行政管理部门对机关、单位遵守保密制度的情况进行检查。',
    duties: '1.告知责任：向受检机关、单位发出书面通知。\n2.检查责任：对受检机关进行检查。\n3.其他法律法规规章文件规定应履行的责任。',
    dutyBases:
      '1.【规范性文件】《保密检查工作规定》（国保发〔2013〕14号）第十七条 保密行政管理部门组织开展保密检查，一般应当提前1至2个工作日向受检机关、单位发出书面通知。\n2.同1。',
    accountability:
      '下列情形的，行政机关及相关工作人员应承担相应责任：\n1.违反法定程序实施检查的。\n2.放弃、推诿、拖延、拒绝履行检查职责的。',
    accountabilityBases: '1.【法规】《行政机关公务员处分条例》（国务院令第495号）第二十条 有下列行为之一的，给予记过、记大过处分。',
    note: '',
    ...overrides,
  };
}

const sampleList = () => ({
  title: '柳州市国家保密局权责清单',
  items: [buildPowerItem(cells()), buildPowerItem(cells({ no: '2', name: '对泄密案件的调查处理', note: '含“同1”引用' }))],
});

/** A workbook built by hand, as another office suite might save one. */
async function workbookOf(rows: (string | number | null)[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function rowOf(c: RowCells): string[] {
  return [c.no, c.category, c.name, c.subItem, c.legalBases, c.duties, c.dutyBases, c.accountability, c.accountabilityBases, c.note];
}

async function readError(bytes: Uint8Array): Promise<DomainError> {
  try {
    await readPowerListXlsx(bytes);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('writePowerListXlsx', () => {
  it('reads back the same list', async () => {
    const list = sampleList();
    expect(await readPowerListXlsx(await writePowerListXlsx(list))).toEqual(list);
  });

  it('lays out a title row, a frozen header row and one wrapped row per item', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writePowerListXlsx(sampleList())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    expect(sheet.getCell('A1').value).toBe('柳州市国家保密局权责清单');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(HEADERS.map((_, index) => sheet.getRow(2).getCell(index + 1).value)).toEqual(HEADERS);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getCell('A3').value).toBe(1);
    expect(sheet.getCell('F3').alignment?.wrapText).toBe(true);
    expect(String(sheet.getCell('F3').value)).toContain('\n2.检查责任：');
    expect(sheet.getColumn(5).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
  });

  it('refuses a cell longer than Excel can hold', async () => {
    const item = buildPowerItem(cells({ note: '长'.repeat(40_000) }));
    await expect(writePowerListXlsx({ title: '清单', items: [item] })).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('readPowerListXlsx', () => {
  it('finds the header below blank and title rows, skips repeated headers and blank rows, maps columns by name', async () => {
    const reordered = [2, 0, 1, 3, 4, 5, 6, 7, 8, 9];
    const pick = (row: string[]) => reordered.map((index) => row[index] ?? '');
    const first = cells();
    const second = cells({ no: '2', name: '对泄密案件的调查处理' });
    const bytes = await workbookOf([
      [],
      ['柳州市国家保密局权责清单'],
      ['（2026年版）'],
      pick(HEADERS),
      pick(rowOf(first)),
      [],
      pick(HEADERS),
      pick(rowOf(second)),
      [null, null, null],
    ]);
    const list = await readPowerListXlsx(bytes);
    expect(list.title).toBe('柳州市国家保密局权责清单');
    expect(list.items).toEqual([buildPowerItem(first), buildPowerItem(second)]);
  });

  it('reads numbers, rich text, CRLF line breaks and spaced header names', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    sheet.addRow(['序 号', '权力分类', '项目名称', '责任事项']);
    sheet.addRow([
      3,
      { richText: [{ text: '行政' }, { text: '检查' }] },
      '对保密工作的监督检查',
      '1.告知责任：发出书面通知。\r\n2.检查责任：进行检查。',
    ]);
    const list = await readPowerListXlsx(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(list.title).toBe('');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      no: 3,
      category: '行政检查',
      legalBases: [],
      duties: [
        { no: 1, name: '告知' },
        { no: 2, name: '检查' },
      ],
    });
  });

  it('rejects bytes that are not a zip', async () => {
    const error = await readError(new TextEncoder().encode('序号\t权力分类\t项目名称\n'));
    expect(error.code).toBe('malformed-file');
    expect(error.message).toContain('不是 Excel 工作簿');
  });

  it('rejects a damaged zip', async () => {
    const whole = await writePowerListXlsx(sampleList());
    const error = await readError(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.code).toBe('malformed-file');
  });

  it('rejects a sheet without a header row', async () => {
    const error = await readError(await workbookOf([['柳州市国家保密局权责清单'], ['1', '行政处罚', '某项']]));
    expect(error.code).toBe('malformed-file');
    expect(error.message).toContain('未找到表头行');
  });

  it('numbers the rows of a sheet without 序号 by position, keeping that they had none', async () => {
    const list = await readPowerListXlsx(
      await workbookOf([['标题'], HEADERS.slice(1), rowOf(cells()).slice(1), rowOf(cells({ name: '乙' })).slice(1)]),
    );
    expect(list.items.map((item) => [item.no, item.printedNo])).toEqual([
      [1, ''],
      [2, ''],
    ]);
  });

  it('gives row and column of a bad 序号 and of a repeated one', async () => {
    const bad = await readError(await workbookOf([HEADERS, rowOf(cells({ no: '一' }))]));
    expect(bad.code).toBe('malformed-file');
    expect(bad.location).toEqual({ line: 2, column: 1 });
    const missingName = await readError(await workbookOf([['标题'], HEADERS, rowOf(cells({ name: '' }))]));
    expect(missingName.location).toEqual({ line: 3, column: 3 });
    const repeated = await readError(await workbookOf([HEADERS, rowOf(cells()), rowOf(cells({ name: '另一项' }))]));
    expect(repeated.location).toEqual({ line: 3, column: 1 });
    expect(repeated.message).toContain('序号 1 重复');
  });

  it('refuses a file over 20 MB before opening it', async () => {
    const error = await readError(new Uint8Array(MAX_XLSX_BYTES + 1));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('20 MB');
  });

  it('refuses a zip whose entries claim to unpack to too much', async () => {
    const bytes = new Uint8Array(await writePowerListXlsx(sampleList()));
    const view = new DataView(bytes.buffer);
    // patch the declared uncompressed size of the first central-directory entry to 2 GB
    let central = -1;
    for (let offset = 0; offset + 4 <= bytes.length; offset += 1) {
      if (view.getUint32(offset, true) === 0x02014b50) {
        central = offset;
        break;
      }
    }
    expect(central).toBeGreaterThan(0);
    view.setUint32(central + 24, 0x7fffffff, true);
    const error = await readError(bytes);
    expect(error.code).toBe('too-large');
  });

  it(`refuses a sheet of more than ${MAX_XLSX_ROWS} rows`, async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    sheet.addRow(HEADERS);
    sheet.getCell(MAX_XLSX_ROWS + 1, 1).value = 'x';
    const error = await readError(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain(`${MAX_XLSX_ROWS}`);
  });
});
