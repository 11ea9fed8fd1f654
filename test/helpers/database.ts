/**
 * Real databases for tests: a fresh SQLite file, and — when QUANZE_TEST_PG_URL is set — a fresh
 * PostgreSQL database created for the test file and dropped after it. Service tests run the same
 * assertions on every dialect returned by `dialectsUnderTest()`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type OpenedDatabase, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

export type TestDialect = 'sqlite' | 'postgres';

/** sqlite always; postgres when QUANZE_TEST_PG_URL names a server. */
export function dialectsUnderTest(): TestDialect[] {
  return process.env.QUANZE_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase extends OpenedDatabase {
  /** the DATABASE_URL-style target, for starting a server on the same database */
  target: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  destroy(): Promise<void>;
}

/**
 * A freshly created and migrated database of the given dialect. `sqliteParentDir` puts the SQLite
 * file's folder somewhere else than the system's temporary folder (e.g. on a small file system).
 */
export async function freshDatabase(dialect: TestDialect, options: { sqliteParentDir?: string } = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(options.sqliteParentDir ?? os.tmpdir(), 'quanze-test-'));
    const target = { kind: 'sqlite' as const, file: path.join(dir, 'quanze.db') };
    const opened = openDatabase(target);
    await migrateToLatest(opened.db);
    return {
      ...opened,
      target,
      destroy: async () => {
        await opened.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.QUANZE_TEST_PG_URL;
  if (!adminUrl) throw new Error('QUANZE_TEST_PG_URL is not set');
  const name = `quanze_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target = { kind: 'postgres' as const, url: url.toString() };
  const opened = openDatabase(target);
  await migrateToLatest(opened.db);
  return {
    ...opened,
    target,
    destroy: async () => {
      await opened.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await dropTestDatabase(cleanup, name);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/**
 * Drops a test database. FORCE ends sessions still connected — but PostgreSQL 15 refuses, for a
 * non-superuser, when an autovacuum worker happens to be on the fresh database ("must be a member of
 * the role whose process is being terminated", seen once in CI). A plain DROP DATABASE stops an
 * autovacuum worker itself (and our own pool is closed by then), so that is the fallback.
 */
export async function dropTestDatabase(client: pg.Client, name: string): Promise<void> {
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
  }
}
