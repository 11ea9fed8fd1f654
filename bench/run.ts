/**
 * `npm run bench`: import throughput on a synthetic 10,000-item list (the bundled items repeated
 * with new numbers and names), measured for parsing alone, parsing + linting, and a full import
 * into a fresh SQLite database (and PostgreSQL when QUANZE_TEST_PG_URL is set), and the stale-citation
 * check against the bundled legal-source registry that every read of a list runs.
 * Target (issue 2): a 10,000-item import in under 5 s on these 2-core machines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/config/env.js';
import { parseRegistry } from '../src/domain/legal-sources/registry.js';
import { findStaleCitations } from '../src/domain/legal-sources/stale-citations.js';
import { lintPowerList } from '../src/domain/powerlist/lint.js';
import { readPowerListTsv, writePowerListTsv } from '../src/io/power-list-tsv.js';
import { importPowerList } from '../src/services/catalog/import-power-list.js';
import { getPowerItem, getPowerList } from '../src/services/catalog/published-list.js';
import { createContext, SYSTEM } from '../src/services/context.js';
import { applyRegistryChange } from '../src/services/legal-sources/apply-registry-change.js';
import { seedLegalRegistry } from '../src/services/legal-sources/seed-legal-registry.js';
import { seedOrganisations } from '../src/services/organisations/seed-organisations.js';
import { openDatabase } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const TARGET_SECONDS = 5;
const STALE_TARGET_SECONDS = 0.5;

function syntheticList(count: number): Uint8Array {
  const bundled = readPowerListTsv(fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv')));
  const items = Array.from({ length: count }, (_, i) => {
    const base = bundled.items[i % bundled.items.length]!;
    return { ...base, no: i + 1, name: `${base.name}（第${i + 1}号）` };
  });
  return new TextEncoder().encode(writePowerListTsv({ title: '基准测试清单', items }));
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, (performance.now() - start) / 1000];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, (performance.now() - start) / 1000];
}

async function importInto(target: Parameters<typeof openDatabase>[0], bytes: Uint8Array): Promise<number> {
  const database = openDatabase(target);
  try {
    await migrateToLatest(database.db);
    const ctx = createContext(database.db, SYSTEM);
    await seedOrganisations(ctx);
    await seedLegalRegistry(ctx);
    const [, seconds] = await timeAsync(() => importPowerList(ctx, { orgCode: 'lz', fileName: 'bench.tsv', bytes }));
    // Reads judge citations against the registry as it stands: the whole list, then one item (its
    // version's finding count comes from the cache the list read filled), then one on a cold cache.
    const [list, listSeconds] = await timeAsync(() => getPowerList(ctx, 'lz'));
    const [, itemSeconds] = await timeAsync(() => getPowerItem(ctx, 'lz', 1));
    await applyRegistryChange(ctx, {
      change: { kind: 'set-status', sourceId: 'gongwuyuan-chufen-tiaoli', edition: '国务院令第495号', status: 'repealed' },
    });
    const [, coldItemSeconds] = await timeAsync(() => getPowerItem(ctx, 'lz', 1));
    console.log(
      `  read list ${listSeconds.toFixed(2)} s (${list.list.findings.length} findings), item ${itemSeconds.toFixed(3)} s, item after a registry change ${coldItemSeconds.toFixed(2)} s`,
    );
    return seconds;
  } finally {
    await database.close();
  }
}

const bytes = syntheticList(ITEMS);
const mb = bytes.length / 1024 / 1024;
console.log(`synthetic list: ${ITEMS} items, ${mb.toFixed(1)} MB, ${os.cpus().length} cores, Node ${process.version}`);

const [parsed, parseSeconds] = time(() => readPowerListTsv(bytes));
console.log(
  `parse TSV            ${parseSeconds.toFixed(2)} s  (${Math.round(ITEMS / parseSeconds)} items/s, ${(mb / parseSeconds).toFixed(1)} MB/s)`,
);
const [findings, lintSeconds] = time(() => lintPowerList(parsed));
console.log(`lint                 ${lintSeconds.toFixed(2)} s  (${findings.length} findings)`);

// Stale citations are computed at every read of a list (issue 4): they must stay well under a second.
const registry = parseRegistry(fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'legal-sources.json'), 'utf8'));
const [staleFindings, staleSeconds] = time(() => findStaleCitations(parsed.items, registry, '2026-11-26'));
console.log(
  `stale citations      ${staleSeconds.toFixed(2)} s  (${staleFindings.length} findings)  target < ${STALE_TARGET_SECONDS} s: ${staleSeconds < STALE_TARGET_SECONDS ? 'met' : 'MISSED'}`,
);
// Harder lists: article numbers shifted by the item's index modulo 300 (every article of the longest
// laws cited somewhere), and shifted without bound (no citation repeats: more articles than any law has).
for (const [label, spread] of [
  ['stale, 300 articles ', 300],
  ['stale, no repeats   ', Number.POSITIVE_INFINITY],
] as const) {
  const varied = parsed.items.map((item, i) => {
    const shift = (citations: typeof item.legalBases) =>
      citations.map((c) => ({ ...c, articles: c.articles.map((a) => ({ ...a, article: a.article + (i % spread) })) }));
    return {
      ...item,
      legalBases: shift(item.legalBases),
      dutyBases: shift(item.dutyBases),
      accountabilityBases: shift(item.accountabilityBases),
    };
  });
  const [, seconds] = time(() => findStaleCitations(varied, registry, '2026-11-26'));
  console.log(`${label} ${seconds.toFixed(2)} s`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-bench-'));
const sqliteSeconds = await importInto({ kind: 'sqlite', file: path.join(dir, 'bench.db') }, bytes);
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  `full import, SQLite  ${sqliteSeconds.toFixed(2)} s  (${Math.round(ITEMS / sqliteSeconds)} items/s)  target < ${TARGET_SECONDS} s: ${sqliteSeconds < TARGET_SECONDS ? 'met' : 'MISSED'}`,
);

if (process.env.QUANZE_TEST_PG_URL) {
  const pg = await import('pg');
  const name = `quanze_bench_${process.pid}`;
  const admin = new pg.default.Client({ connectionString: process.env.QUANZE_TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.QUANZE_TEST_PG_URL);
  url.pathname = `/${name}`;
  try {
    const pgSeconds = await importInto({ kind: 'postgres', url: url.toString() }, bytes);
    console.log(`full import, Postgres ${pgSeconds.toFixed(2)} s  (${Math.round(ITEMS / pgSeconds)} items/s)`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
