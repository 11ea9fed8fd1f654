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
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
