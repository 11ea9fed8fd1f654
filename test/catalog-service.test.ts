/**
 * The power-list use cases against real databases: import creates versions with diffs, the current
 * version is what the public sees, search finds Chinese substrings, bad files change nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { DomainError } from '../src/domain/errors.js';
import { writePowerListTsv } from '../src/io/power-list-tsv.js';
import { importPowerList } from '../src/services/catalog/import-power-list.js';
import { getPowerItem, getPowerList, listPowerListVersions, searchPowerItems } from '../src/services/catalog/published-list.js';
import { seedBundledList } from '../src/services/catalog/seed-bundled-list.js';
import { createContext, type ServiceContext, SYSTEM } from '../src/services/context.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';

const BUNDLED = path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv');

describe.each(dialectsUnderTest())('catalog services on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    ctx = createContext(database.db, SYSTEM);
    const seeded = await seedBundledList(ctx, 'lz', BUNDLED);
    expect(seeded?.versionNo).toBe(1);
  });
  afterAll(() => database.destroy());

  it('serves the bundled list as version 1 with 7 items and its findings', async () => {
    const current = await getPowerList(ctx, 'lz');
    expect(current.organisation.name).toBe('柳州市国家保密局');
    expect(current.version.no).toBe(1);
    expect(current.version.isCurrent).toBe(true);
    expect(current.list.items.map((i) => i.category)).toEqual([
      '行政处罚',
      '行政强制',
      '行政强制',
      '行政检查',
      '行政检查',
      '行政确认',
      '其他行政权力',
    ]);
    expect(current.list.findings.some((f) => f.rule === 'truncated-cell')).toBe(true);
    expect(current.diff).toBeNull();
  });

  it('does not import the bundled list twice', async () => {
    expect(await seedBundledList(ctx, 'lz', BUNDLED)).toBeNull();
    expect((await listPowerListVersions(ctx, 'lz')).versions).toHaveLength(1);
  });

  it('finds two-character and longer Chinese substrings in names, duties and citations', async () => {
    const carriers = await searchPowerItems(ctx, 'lz', { q: '载体' });
    expect(carriers.items.map((i) => i.no)).toContain(1);
    expect(carriers.items.length).toBeLessThan(7);
    expect(carriers.items.find((i) => i.no === 1)?.matches.some((m) => m.snippet.includes('载体'))).toBe(true);

    const systems = await searchPowerItems(ctx, 'lz', { q: '投入使用许可证' });
    expect(systems.items.map((i) => i.no)).toEqual([7]);

    const byCitation = await searchPowerItems(ctx, 'lz', { q: '行政机关公务员处分条例' });
    expect(byCitation.items.length).toBeGreaterThan(0);

    const inspections = await searchPowerItems(ctx, 'lz', { category: '行政检查' });
    expect(inspections.items.map((i) => i.no)).toEqual([4, 5]);
  });

  it('treats SQL and LIKE metacharacters in a query as text', async () => {
    for (const q of ["'; DROP TABLE power_list_items; --", '%', '_', '\\']) {
      const result = await searchPowerItems(ctx, 'lz', { q });
      expect(result.items).toEqual([]);
    }
    expect((await searchPowerItems(ctx, 'lz', {})).total).toBe(7);
  });

  it('a dry run reports the next version and writes nothing', async () => {
    const result = await importPowerList(ctx, { orgCode: 'lz', fileName: 'x.tsv', bytes: fs.readFileSync(BUNDLED), dryRun: true });
    expect(result.versionNo).toBe(2);
    expect(result.diff).toEqual({ added: [], removed: [], changed: [], titleChanged: null });
    expect((await listPowerListVersions(ctx, 'lz')).versions).toHaveLength(1);
  });

  it('a malformed file is refused with its line and leaves the list as it was', async () => {
    const broken = new TextEncoder().encode('柳州市国家保密局权责清单\n序号\t权力分类\t项目名称\n1\t行政处罚\n');
    const error = await importPowerList(ctx, { orgCode: 'lz', fileName: 'broken.tsv', bytes: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toMatch(/第 \d+ 行/);
    expect((await listPowerListVersions(ctx, 'lz')).versions).toHaveLength(1);
  });

  it('a changed list becomes version 2 with a per-field diff; version 1 stays readable', async () => {
    const v1 = (await getPowerList(ctx, 'lz')).list;
    const items = v1.items.filter((i) => i.no !== 7).map((i) => (i.no === 6 ? { ...i, note: '2026年调整' } : i));
    const bytes = new TextEncoder().encode(writePowerListTsv({ title: v1.title, items }));
    const result = await importPowerList(ctx, { orgCode: 'lz', fileName: 'v2.tsv', bytes });
    expect(result.versionNo).toBe(2);
    expect(result.diff?.removed).toEqual([{ no: 7, name: '涉密信息系统投入使用前的保密审查' }]);
    expect(result.diff?.changed).toHaveLength(1);
    expect(result.diff?.changed[0]?.changes.map((c) => c.field)).toEqual(['note']);

    const current = await getPowerList(ctx, 'lz');
    expect(current.version.no).toBe(2);
    expect(current.list.items).toHaveLength(6);
    const first = await getPowerList(ctx, 'lz', 1);
    expect(first.version.isCurrent).toBe(false);
    expect(first.list.items).toHaveLength(7);
    expect((await getPowerItem(ctx, 'lz', 7, 1)).item.name).toBe('涉密信息系统投入使用前的保密审查');
    await expect(getPowerItem(ctx, 'lz', 7)).rejects.toThrow(/没有序号为 7/);
    const versions = await listPowerListVersions(ctx, 'lz');
    expect(versions.versions.map((v) => [v.no, v.isCurrent, v.diffSummary?.removed ?? null])).toEqual([
      [2, true, 1],
      [1, false, null],
    ]);
    // search runs on the current version only
    expect((await searchPowerItems(ctx, 'lz', { q: '投入使用许可证' })).items).toEqual([]);
  });

  it('answers not-found for an unknown organisation or version', async () => {
    await expect(getPowerList(ctx, 'nope')).rejects.toThrow(/机构代码 nope 不存在/);
    await expect(getPowerList(ctx, 'lz', 99)).rejects.toThrow(/没有第 99 版/);
  });
});
