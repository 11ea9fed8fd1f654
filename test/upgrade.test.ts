/**
 * Upgrades: each release leaves a database behind as a fixture (test/fixtures/upgrade-<release>.db.gz,
 * made by scripts/make-upgrade-fixture.ts from that release's code). Every migration written since
 * must apply to it cleanly, and what the release stored must still read back: the published list,
 * the accounts, and an audit chain that verifies.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { verifyAuditLog } from '../src/services/audit/verify-audit-log.js';
import { getPowerList } from '../src/services/catalog/published-list.js';
import { createContext, SYSTEM } from '../src/services/context.js';
import { appliedMigrationNames } from '../src/store/backup.js';
import { openDatabase } from '../src/store/database.js';
import { migrateToLatest, pendingMigrations } from '../src/store/migrate.js';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures');
const fixtures = fs.readdirSync(FIXTURES).filter((f) => /^upgrade-.+\.db\.gz$/.test(f));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-upgrade-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('upgrade fixtures', () => {
  it('there is at least one (today’s release)', () => {
    expect(fixtures).toContain('upgrade-0.1.0.db.gz');
  });
});

describe.each(fixtures)('a database made by %s', (fixture) => {
  it('takes every later migration and still reads back its list, accounts and audit chain', async () => {
    const file = path.join(scratch, fixture.replace(/\.gz$/, ''));
    fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, fixture))));
    const before = await appliedMigrationNames({ kind: 'sqlite', file });
    expect(before.length).toBeGreaterThan(0);

    const database = openDatabase({ kind: 'sqlite', file });
    try {
      const pendingBefore = await pendingMigrations(database.db);
      const result = await migrateToLatest(database.db);
      // Exactly the migrations the fixture lacked ran, each successfully, and none is left.
      expect((result.results ?? []).map((r) => [r.migrationName, r.status])).toEqual(pendingBefore.map((name) => [name, 'Success']));
      expect(await pendingMigrations(database.db)).toEqual([]);
      // Nothing the release applied was renamed or dropped from the list since.
      expect((await appliedMigrationNames({ kind: 'sqlite', file })).slice(0, before.length)).toEqual(before);

      const ctx = createContext(database.db, SYSTEM, { clock: () => new Date('2026-12-03T02:00:00Z') });
      const list = await getPowerList(ctx, 'lz');
      expect(list.version.no).toBe(1);
      expect(list.list.items).toHaveLength(7);
      const officer = await database.db.selectFrom('users').select('username').where('username', '=', 'fixture-officer').executeTakeFirst();
      expect(officer?.username).toBe('fixture-officer');
      const verdict = await verifyAuditLog(ctx);
      expect(verdict.ok).toBe(true);
    } finally {
      await database.close();
    }
  });
});
