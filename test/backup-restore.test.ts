/**
 * Backup and restore on every dialect: a backup taken while the server serves (and writes), restored
 * into an empty database, holds the same rows in every table and its audit chains verify; a restore
 * refuses a backup whose file was altered or cut short, and a target that already holds data unless
 * forced.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../src/config/env.js';
import { verifyAuditLog } from '../src/services/audit/verify-audit-log.js';
import { backupDatabase } from '../src/services/operations/backup-database.js';
import { restoreDatabase } from '../src/services/operations/restore-database.js';
import { type Db, openDatabase } from '../src/store/database.js';
import { createAccount, systemContext } from './helpers/access-fixtures.js';
import { dialectsUnderTest, dropTestDatabase, type TestDialect } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** An empty database of the dialect (no tables), and how to drop it. */
async function emptyTarget(dialect: TestDialect): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-restore-'));
    return {
      target: { kind: 'sqlite', file: path.join(dir, 'quanze.db') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.QUANZE_TEST_PG_URL as string;
  const name = `quanze_r_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await dropTestDatabase(cleanup, name);
      await cleanup.end();
    },
  };
}

/** Every row of every table, sorted, as JSON text: two databases with the same data give the same snapshot. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    out[table] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

describe.each(dialectsUnderTest())('backup and restore (%s)', (dialect) => {
  let server: TestServer;
  let sourceTarget: DatabaseTarget;
  const cleanups: (() => Promise<void>)[] = [];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-backups-'));

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    const ctx = systemContext(server.db);
    for (let i = 0; i < 3; i++) await createAccount(ctx, { grants: [{ role: 'officer', orgCode: 'lz' }] });
    sourceTarget = server.target;
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await server?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('a backup taken while the server serves restores to a consistent copy whose chains verify', async () => {
    const out = path.join(scratch, 'while-serving');
    // Public reads and sign-in attempts keep the server busy while the copy is made.
    const traffic = Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2 === 0
          ? server.app.inject({ method: 'GET', url: '/api/v1/powerlists/current' })
          : server.app.inject({
              method: 'POST',
              url: '/api/v1/auth/login',
              payload: { username: 'nobody', password: 'wrong-password-123' },
            }),
      ),
    );
    const manifest = await backupDatabase({ target: sourceTarget, outDir: out });
    await traffic;
    expect(manifest.engine).toBe(dialect);
    expect(manifest.files).toHaveLength(1);
    expect(manifest.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.migrations.length).toBeGreaterThan(0);

    const empty = await emptyTarget(dialect);
    cleanups.push(empty.drop);
    await restoreDatabase({ target: empty.target, fromDir: out });
    const restored = openDatabase(empty.target);
    try {
      // Writes made during the copy may or may not be in it; whichever, the copy is consistent.
      const verdict = await verifyAuditLog(systemContext(restored.db));
      expect(verdict.ok).toBe(true);
      expect(verdict.chains.length).toBeGreaterThan(0);
    } finally {
      await restored.close();
    }
  });

  it('a quiet backup restores to identical data in every table', async () => {
    const out = path.join(scratch, 'quiet');
    await backupDatabase({ target: sourceTarget, outDir: out });
    const empty = await emptyTarget(dialect);
    cleanups.push(empty.drop);
    await restoreDatabase({ target: empty.target, fromDir: out });
    const restored = openDatabase(empty.target);
    try {
      const [before, after] = [await snapshot(server.db), await snapshot(restored.db)];
      expect(Object.keys(after)).toEqual(Object.keys(before));
      expect(before.users?.length).toBeGreaterThanOrEqual(3);
      expect(after).toEqual(before);
    } finally {
      await restored.close();
    }
  });

  it('refuses an altered file, a missing manifest, and a non-empty target without --force', async () => {
    const out = path.join(scratch, 'refusals');
    const manifest = await backupDatabase({ target: sourceTarget, outDir: out });
    const file = path.join(out, manifest.files[0]?.name as string);
    const empty = await emptyTarget(dialect);
    cleanups.push(empty.drop);

    // One byte changed in the middle of the file.
    const original = fs.readFileSync(file);
    const altered = Buffer.from(original);
    const at = Math.floor(altered.length / 2);
    altered[at] = (altered[at] ?? 0) ^ 0xff;
    fs.writeFileSync(file, altered);
    await expect(restoreDatabase({ target: empty.target, fromDir: out })).rejects.toThrow('备份文件与备份清单不符');
    // Cut short.
    fs.writeFileSync(file, original.subarray(0, original.length - 1));
    await expect(restoreDatabase({ target: empty.target, fromDir: out })).rejects.toThrow('备份文件与备份清单不符');
    fs.writeFileSync(file, original);

    const noManifest = path.join(scratch, 'no-manifest');
    fs.mkdirSync(noManifest);
    fs.copyFileSync(file, path.join(noManifest, path.basename(file)));
    await expect(restoreDatabase({ target: empty.target, fromDir: noManifest })).rejects.toThrow('manifest.json');

    // Nothing was written by the refusals: the target is still empty, so this restore goes through.
    await restoreDatabase({ target: empty.target, fromDir: out });
    await expect(restoreDatabase({ target: empty.target, fromDir: out })).rejects.toThrow('--force');
    await restoreDatabase({ target: empty.target, fromDir: out, force: true });
    const restored = openDatabase(empty.target);
    try {
      expect((await verifyAuditLog(systemContext(restored.db))).ok).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it('refuses to write a backup into a folder that has files', async () => {
    const out = path.join(scratch, 'busy');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'other.txt'), 'x');
    await expect(backupDatabase({ target: sourceTarget, outDir: out })).rejects.toThrow('不是空的');
  });
});
