/**
 * A list import writes its version as 'staging' in short batches and publishes it in one quick
 * transaction (issue 10). Pinned here, on every dialect: nothing of an import is visible before it
 * is published — not while it writes, not after it failed half-way, not after its process died —
 * and the server goes on answering reads while an import writes. Also the item read, which now
 * loads that item's findings only: it must still say everything the whole list says about it.
 *
 * The import is paused and broken deterministically through the parser it is given: a wrapper
 * around the real worker session whose row pulls wait on a gate the test opens, or fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { isRegistryFinding } from '../src/domain/legal-sources/registry-findings.js';
import { readPowerListTsv, writePowerListTsv } from '../src/io/power-list-tsv.js';
import { importPowerList } from '../src/services/catalog/import-power-list.js';
import { getPowerItem, getPowerList, listPowerListVersions, searchPowerItems } from '../src/services/catalog/published-list.js';
import { type AnalyseOptions, type AnalysisSession, IsolatedParser } from '../src/services/catalog/read-power-list-isolated.js';
import { seedBundledList } from '../src/services/catalog/seed-bundled-list.js';
import { createContext, type ServiceContext, SYSTEM } from '../src/services/context.js';
import { applyRegistryChange } from '../src/services/legal-sources/apply-registry-change.js';
import { seedLegalRegistry } from '../src/services/legal-sources/seed-legal-registry.js';
import { seedOrganisations } from '../src/services/organisations/seed-organisations.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const BUNDLED = path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv');
const LIMITS = { maxConcurrent: 1, maxQueued: 4, timeoutMs: 60_000, maxHeapMb: 512 };

/** A list of `count` items (the bundled ones repeated under new names): several batches of rows. */
function listOf(count: number, title = '分批导入的清单'): Uint8Array {
  const bundled = readPowerListTsv(fs.readFileSync(BUNDLED)).items;
  const items = Array.from({ length: count }, (_, i) => {
    const base = bundled[i % bundled.length];
    if (!base) throw new Error('bundled list is empty');
    return { ...base, no: i + 1, name: `${base.name}（第${i + 1}号）` };
  });
  return new TextEncoder().encode(writePowerListTsv({ title, items }));
}

/** What the gated parser lets a test do to the import it serves. */
interface Control {
  /** resolves when the import asks for rows after `pauseAfter` pulls (it has written those batches) */
  paused: Promise<void>;
  /** lets the import go on */
  release(): void;
}

/**
 * The real parser, but the import's row pulls go through `pull`: after `pauseAfter` pulls it waits
 * for release(); with `failAt` that pull throws instead.
 */
class GatedParser extends IsolatedParser {
  private gate: { opened: Promise<void>; open: () => void; reached: () => void } | null = null;
  constructor(private readonly plan: { pauseAfter?: number; failAt?: number }) {
    super(LIMITS);
  }
  control(): Control {
    let open = () => {};
    let reached = () => {};
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    const paused = new Promise<void>((resolve) => {
      reached = resolve;
    });
    this.gate = { opened, open, reached };
    return { paused, release: open };
  }
  override async analyse(bytes: Uint8Array, fileName: string, options: AnalyseOptions): Promise<AnalysisSession> {
    const session = await super.analyse(bytes, fileName, options);
    let pulls = 0;
    return {
      ...session,
      nextRows: async (count) => {
        pulls++;
        if (this.plan.failAt === pulls) throw new Error('the disk went away');
        if (this.plan.pauseAfter !== undefined && pulls === this.plan.pauseAfter + 1 && this.gate) {
          this.gate.reached();
          await this.gate.opened;
        }
        return session.nextRows(count);
      },
    };
  }
}

describe.each(dialectsUnderTest())('list imports on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    ctx = createContext(database.db, SYSTEM);
    await seedOrganisations(ctx);
    await seedLegalRegistry(ctx);
    expect((await seedBundledList(ctx, 'lz', BUNDLED))?.versionNo).toBe(1);
  });
  afterAll(() => database.destroy());

  async function stagedRows() {
    const versions = await database.db.selectFrom('power_list_versions').select(['id', 'state']).where('state', '=', 'staging').execute();
    const items = await database.db
      .selectFrom('power_list_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('version_id', 'in', versions.map((v) => v.id).concat(['-']))
      .executeTakeFirstOrThrow();
    return { versions: versions.length, items: Number(items.n) };
  }

  it('shows nothing of an import until it is published, then all of it', async () => {
    const parser = new GatedParser({ pauseAfter: 2 });
    const control = parser.control();
    const importing = importPowerList(ctx, { orgCode: 'lz', fileName: 'v2.tsv', bytes: listOf(60), parser });
    await control.paused;
    // Two batches are written, as staging rows: every read still shows version 1.
    const staged = await stagedRows();
    expect(staged.versions).toBe(1);
    expect(staged.items).toBeGreaterThan(0);
    const current = await getPowerList(ctx, 'lz');
    expect(current.version.no).toBe(1);
    expect(current.list.items).toHaveLength(7);
    expect((await listPowerListVersions(ctx, 'lz')).versions.map((v) => v.no)).toEqual([1]);
    expect((await searchPowerItems(ctx, 'lz', { q: '第3号' })).items).toEqual([]);
    await expect(getPowerItem(ctx, 'lz', 1, 2)).rejects.toThrow(/没有第 2 版/);

    control.release();
    const result = await importing;
    expect(result.versionNo).toBe(2);
    expect(await stagedRows()).toEqual({ versions: 0, items: 0 });
    const published = await getPowerList(ctx, 'lz');
    expect(published.version.no).toBe(2);
    expect(published.list.items).toHaveLength(60);
    expect((await searchPowerItems(ctx, 'lz', { q: '第3号' })).items.map((i) => i.no)).toEqual([3]);
    // Each item keeps its own linter findings; the version row only those about no item.
    const row = await database.db
      .selectFrom('power_list_versions')
      .select(['id', 'findings_json', 'finding_count'])
      .where('version_no', '=', 2)
      .executeTakeFirstOrThrow();
    expect((JSON.parse(row.findings_json) as { item: number | null }[]).every((f) => f.item === null)).toBe(true);
    const items = await database.db
      .selectFrom('power_list_items')
      .select(['findings_json', 'finding_count'])
      .where('version_id', '=', row.id)
      .execute();
    const own = items.map((i) => JSON.parse(i.findings_json ?? 'null') as unknown[]);
    expect(own.every((findings, i) => Array.isArray(findings) && findings.length === items[i]?.finding_count)).toBe(true);
    expect(own.reduce((n, findings) => n + findings.length, 0) + JSON.parse(row.findings_json).length).toBe(row.finding_count);
  });

  it('a failure half-way leaves no visible part of the version, and no staged rows', async () => {
    const before = await getPowerList(ctx, 'lz');
    const parser = new GatedParser({ failAt: 3 });
    await expect(importPowerList(ctx, { orgCode: 'lz', fileName: 'v3.tsv', bytes: listOf(90, '不完整的清单'), parser })).rejects.toThrow(
      /disk went away/,
    );
    const after = await getPowerList(ctx, 'lz');
    expect(after.version.no).toBe(before.version.no);
    expect(after.list.items).toHaveLength(before.list.items.length);
    expect((await listPowerListVersions(ctx, 'lz')).versions).toHaveLength(before.version.no);
    expect(await stagedRows()).toEqual({ versions: 0, items: 0 });
  });

  it('rows left by an import whose process died are never shown, and the next import removes them', async () => {
    // What a killed process leaves: a staged version with some of its items, for the next number.
    const org = await database.db.selectFrom('organisations').select('id').where('code', '=', 'lz').executeTakeFirstOrThrow();
    const latest = (await listPowerListVersions(ctx, 'lz')).versions[0]?.no ?? 0;
    await database.db
      .insertInto('power_list_versions')
      .values({
        id: 'died-half-way',
        org_id: org.id,
        version_no: latest + 1,
        title: '半途而废',
        source_name: 'x.tsv',
        source_sha256: '0'.repeat(64),
        source_format: 'tsv',
        imported_at: '2026-12-03T00:00:00.000Z',
        imported_by: null,
        findings_json: '[]',
        diff_json: null,
        item_count: 1,
        finding_count: 0,
        state: 'staging',
      })
      .execute();
    const item = (await getPowerList(ctx, 'lz')).list.items[0];
    await database.db
      .insertInto('power_list_items')
      .values({
        id: 'died-half-way-1',
        org_id: org.id,
        version_id: 'died-half-way',
        item_no: 1,
        category: '行政处罚',
        name: '半途而废的事项',
        search_text: '半途而废的事项',
        item_json: JSON.stringify({ ...item, name: '半途而废的事项' }),
        finding_count: 0,
        findings_json: '[]',
      })
      .execute();
    expect((await getPowerList(ctx, 'lz')).version.no).toBe(latest);
    expect((await searchPowerItems(ctx, 'lz', { q: '半途而废' })).items).toEqual([]);

    const result = await importPowerList(ctx, { orgCode: 'lz', fileName: 'again.tsv', bytes: fs.readFileSync(BUNDLED) });
    expect(result.versionNo).toBe(latest + 1);
    expect(await stagedRows()).toEqual({ versions: 0, items: 0 });
    expect((await getPowerList(ctx, 'lz')).list.items.map((i) => i.name)).toEqual(
      readPowerListTsv(fs.readFileSync(BUNDLED)).items.map((i) => i.name),
    );
  });

  it('an item read says what the whole list says about that item, also right after a registry change', async () => {
    const compare = async () => {
      const list = await getPowerList(ctx, 'lz');
      for (const item of list.list.items) {
        const read = await getPowerItem(ctx, 'lz', item.no);
        expect(read.findings, `item ${item.no}`).toEqual(list.list.findings.filter((f) => f.item === item.no));
        expect(read.version.findingCount).toBe(list.version.findingCount);
      }
      return list;
    };
    const before = await compare();
    await applyRegistryChange(ctx, {
      change: { kind: 'set-status', sourceId: 'gongwuyuan-chufen-tiaoli', edition: '国务院令第495号', status: 'repealed' },
    });
    const after = await compare();
    // The change is seen by the item reads: the findings are not those of before.
    expect(after.list.findings).not.toEqual(before.list.findings);
  });

  it('reads a version stored before items kept their own findings (all of them with the version)', async () => {
    const list = await getPowerList(ctx, 'lz');
    const version = await database.db
      .selectFrom('power_list_versions')
      .select('id')
      .where('version_no', '=', list.version.no)
      .executeTakeFirstOrThrow();
    const withOwn = await Promise.all(list.list.items.map((item) => getPowerItem(ctx, 'lz', item.no)));
    // What such a version looks like: every linter finding with the version, none with the items.
    const lint = list.list.findings.filter((finding) => !isRegistryFinding(finding));
    await database.db
      .updateTable('power_list_versions')
      .set({ findings_json: JSON.stringify(lint) })
      .where('id', '=', version.id)
      .execute();
    await database.db.updateTable('power_list_items').set({ findings_json: null }).where('version_id', '=', version.id).execute();
    const withoutOwn = await Promise.all(list.list.items.map((item) => getPowerItem(ctx, 'lz', item.no)));
    expect(withoutOwn).toEqual(withOwn);
    expect((await getPowerList(ctx, 'lz')).list).toEqual(list.list);
    expect(withOwn.some((read) => read.findings.some((f) => !isRegistryFinding(f)))).toBe(true);
  });
});

describe('the server while an import writes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers reads while an import is half-written, and the current list changes only when it is published', async () => {
    const parser = new GatedParser({ pauseAfter: 1 });
    const control = parser.control();
    const importing = importPowerList(createContext(server.db, SYSTEM), { orgCode: 'lz', fileName: 'v2.tsv', bytes: listOf(60), parser });
    await control.paused;
    // With the whole import in one transaction, this read would wait for the import's end (the
    // SQLite connection is held); here it is answered at once, from version 1.
    const during = await fetch(`${server.baseUrl}/api/v1/powerlists/items/1`);
    expect(during.status).toBe(200);
    const body = (await during.json()) as { version: { no: number }; item: { name: string } };
    expect(body.version.no).toBe(1);
    const health = await fetch(`${server.baseUrl}/readyz`);
    expect(health.status).toBe(200);

    control.release();
    await importing;
    const afterwards = (await (await fetch(`${server.baseUrl}/api/v1/powerlists/items/1`)).json()) as { version: { no: number } };
    expect(afterwards.version.no).toBe(2);
  });

  it('a registry change made here is seen by the very next read (the tag state kept for a second is dropped)', async () => {
    const before = await fetch(`${server.baseUrl}/api/v1/powerlists/items/1`);
    const tag = before.headers.get('etag');
    expect(tag).toBeTruthy();
    await applyRegistryChange(createContext(server.db, SYSTEM), {
      change: { kind: 'set-status', sourceId: 'gongwuyuan-chufen-tiaoli', edition: '国务院令第495号', status: 'repealed' },
    });
    const after = await fetch(`${server.baseUrl}/api/v1/powerlists/items/1`, { headers: { 'if-none-match': tag as string } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
  });
});
