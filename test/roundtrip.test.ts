/**
 * Every list survives every format we write: the bundled list and generated ones (cells as lists
 * write them, and any text of the pieces cells are made of) — TSV → canonical JSON → XLSX → JSON
 * gives the same JSON text, TSV → TSV the same list, JSON → JSON the same text, and a list read
 * from Excel exported as TSV reads back the same.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TPowerItem, TPowerList } from '../src/contracts/power-list.js';
import { buildPowerItem } from '../src/domain/powerlist/build-item.js';
import { diffPowerLists } from '../src/domain/powerlist/diff.js';
import { lintPowerList } from '../src/domain/powerlist/lint.js';
import { propertyRuns, rowCells, soupRowCells } from '../src/domain/powerlist/row-cells.arbitraries.js';
import { COMPLETE_MARK } from '../src/domain/powerlist/truncation.js';
import { readPowerListJson, writePowerListJson } from '../src/io/power-list-json.js';
import { readPowerListTsv, writePowerListTsv } from '../src/io/power-list-tsv.js';
import { readPowerListXlsx, writePowerListXlsx } from '../src/io/power-list-xlsx.js';

const BUNDLED = new URL('../data/powerlists/liuzhou-secrecy-bureau.tsv', import.meta.url);

/** A list as the importer hands it on: items plus the linter's findings. */
function canonical(list: { title: string; items: TPowerItem[] }): TPowerList {
  return { title: list.title, items: list.items, findings: lintPowerList(list) };
}

describe('round trips of the bundled list', () => {
  const fromTsv = readPowerListTsv(readFileSync(BUNDLED));
  const json = writePowerListJson(canonical(fromTsv));

  it('reads the bundled list as seven items with findings', () => {
    expect(fromTsv.title).toBe('柳州市国家保密局权责清单');
    expect(fromTsv.items.map((item) => item.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(readPowerListJson(json).findings.length).toBeGreaterThan(10);
  });

  it('TSV → JSON → XLSX → JSON gives identical canonical JSON text', async () => {
    const workbook = await writePowerListXlsx(readPowerListJson(json));
    const fromXlsx = await readPowerListXlsx(workbook);
    expect(writePowerListJson(canonical(fromXlsx))).toBe(json);
  });

  it('TSV → writePowerListTsv → read gives the identical list', () => {
    // no cell of the bundled list needs the complete mark: its export reads as it is
    expect(writePowerListTsv(fromTsv)).not.toContain(COMPLETE_MARK);
    const again = readPowerListTsv(new TextEncoder().encode(writePowerListTsv(fromTsv)));
    expect(again.title).toBe(fromTsv.title);
    expect(again.items).toEqual(fromTsv.items);
    expect(writePowerListJson(canonical(again))).toBe(json);
  });

  it('JSON write → read → write gives identical text', () => {
    const list = readPowerListJson(json);
    expect(list).toEqual(canonical(fromTsv));
    expect(writePowerListJson(list)).toBe(json);
  });

  it('sees no difference between the list and its XLSX round trip, and one where an item was edited', async () => {
    const fromXlsx = await readPowerListXlsx(await writePowerListXlsx(fromTsv));
    expect(diffPowerLists(fromTsv, fromXlsx)).toEqual({ added: [], removed: [], changed: [], titleChanged: null });

    const edited = structuredClone(fromTsv);
    const seventh = edited.items[6];
    if (seventh === undefined) throw new Error('the bundled list has seven items');
    seventh.note = '2024年保密法实施条例施行后调整';
    const diff = diffPowerLists(fromTsv, edited);
    expect(diff.changed).toEqual([
      { name: seventh.name, noBefore: 7, noAfter: 7, changes: [{ field: 'note', before: null, after: seventh.note }] },
    ]);
  });
});

describe('round trips of any list', () => {
  const lists = fc.record({
    title: fc.constantFrom('某局权责清单', 'A & <B> "引"'),
    rows: fc.uniqueArray(fc.oneof(rowCells, soupRowCells), { minLength: 1, maxLength: 4, selector: (cells) => cells.no }),
  });

  it('TSV, XLSX and JSON exports read back to identical canonical JSON', async () => {
    await fc.assert(
      fc.asyncProperty(lists, async ({ title, rows }) => {
        // what every reader makes of the rows' cells
        const list = { title, items: rows.map(buildPowerItem) };
        const json = writePowerListJson(canonical(list));

        const fromTsv = readPowerListTsv(new TextEncoder().encode(writePowerListTsv(list)));
        expect(writePowerListJson(canonical(fromTsv))).toBe(json);
        const fromXlsx = await readPowerListXlsx(await writePowerListXlsx(list));
        expect(writePowerListJson(canonical(fromXlsx))).toBe(json);
        expect(writePowerListJson(readPowerListJson(json))).toBe(json);
        // a list read from Excel, exported as TSV
        const xlsxThenTsv = readPowerListTsv(new TextEncoder().encode(writePowerListTsv(fromXlsx)));
        expect(writePowerListJson(canonical(xlsxThenTsv))).toBe(json);
      }),
      { numRuns: propertyRuns(40) },
    );
  });
});
