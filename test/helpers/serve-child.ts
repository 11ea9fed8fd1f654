/**
 * The product as a separate process (`quanze serve`), for tests that must kill it, measure its
 * memory or keep the test runner's own work out of its event loop: crash trials, the load test.
 * Also a fresh database for it (a SQLite file, or a PostgreSQL database created and dropped) and a
 * team of officers with sessions made beforehand through the use cases (sessions live in the
 * database, so they survive restarts and need no sign-in under load).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { seedBundledList } from '../../src/services/catalog/seed-bundled-list.js';
import { openMigratedDatabase } from '../../src/services/database-lifecycle.js';
import { seedLegalRegistry } from '../../src/services/legal-sources/seed-legal-registry.js';
import { createOfficer, type SignedIn, signIn, systemContext } from './access-fixtures.js';
import { dropTestDatabase } from './database.js';

export type ChildTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** Today in Shanghai (the installation's zone), as YYYY-MM-DD: the day case facts are dated. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/**
 * A fresh database for a child server: a file in `dir` for SQLite; for PostgreSQL (needs
 * QUANZE_TEST_PG_URL) a database `<prefix>_<pid>` dropped by `drop()`.
 */
export async function freshChildTarget(
  kind: ChildTarget['kind'],
  dir: string,
  prefix: string,
): Promise<{ target: ChildTarget; drop: () => Promise<void> }> {
  if (kind === 'sqlite') return { target: { kind, file: path.join(dir, 'quanze.db') }, drop: async () => {} };
  const adminUrl = process.env.QUANZE_TEST_PG_URL;
  if (!adminUrl) throw new Error('QUANZE_TEST_PG_URL is not set');
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await dropTestDatabase(admin, name);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind, url: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await dropTestDatabase(c, name);
      await c.end();
    },
  };
}

export interface Team {
  officerIds: string[];
  sessions: SignedIn[];
}

/**
 * Migrates and seeds the database (bundled Liuzhou list, legal registry) and makes `officers`
 * officers of 'lz', each with `sessionsPerOfficer` sessions.
 */
export async function prepareTeam(target: ChildTarget, options: { officers: number; sessionsPerOfficer: number }): Promise<Team> {
  const database = await openMigratedDatabase(target);
  try {
    const ctx = systemContext(database.db);
    await seedBundledList(ctx, 'lz', path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv'));
    await seedLegalRegistry(ctx);
    const officerIds: string[] = [];
    const sessions: SignedIn[] = [];
    for (let i = 0; i < options.officers; i++) {
      const officer = await createOfficer(ctx, { orgCode: 'lz', displayName: `执法员${i}` });
      officerIds.push(officer.id);
      for (let s = 0; s < options.sessionsPerOfficer; s++) sessions.push(await signIn(ctx, officer.account));
    }
    return { officerIds, sessions };
  } finally {
    await database.close();
  }
}

/** The environment of a child server on `target`: quiet logs, sessions that do not idle out during a run. */
export function childServerEnv(target: ChildTarget, dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    QUANZE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    QUANZE_SESSION_IDLE_MINUTES: String(24 * 60),
    DATABASE_URL: target.kind === 'postgres' ? target.url : `sqlite:${target.file}`,
    ...extra,
  };
}

/** `quanze serve` on the target; resolves with its URL once it listens (stderr goes to ours). */
export async function startServeChild(
  target: ChildTarget,
  dataDir: string,
  options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'cli', 'main.ts'), 'serve'],
    { cwd: PROJECT_ROOT, env: childServerEnv(target, dataDir, options.env), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const match = /(http:\/\/localhost:\d+)/.exec(line);
    if (line.includes('Quanze') && match?.[1]) {
      lines.on('line', () => {}); // keep draining stdout
      return { url: match[1].replace('localhost', '127.0.0.1'), child };
    }
  }
  throw new Error('the server exited before listening');
}
