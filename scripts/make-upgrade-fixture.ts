/**
 * Makes test/fixtures/upgrade-<release>.db.gz: a SQLite database as the given release leaves it —
 * migrated, the organisations, the bundled list and the legal registry seeded, one account with a
 * role — so that test/upgrade.test.ts can apply every later migration to it. Run once per release
 * (from that release's checkout) and commit the file; never regenerate an old one.
 *
 *   npx tsx scripts/make-upgrade-fixture.ts 0.1.0
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { PROJECT_ROOT } from '../src/config/env.js';
import { seedBundledList } from '../src/services/catalog/seed-bundled-list.js';
import { createContext, SYSTEM } from '../src/services/context.js';
import { openMigratedDatabase } from '../src/services/database-lifecycle.js';
import { seedLegalRegistry } from '../src/services/legal-sources/seed-legal-registry.js';
import { assignRole } from '../src/services/roles/assign-role.js';
import { createUser } from '../src/services/users/create-user.js';

const release = process.argv[2];
if (!release || !/^[0-9A-Za-z.-]+$/.test(release)) throw new Error('usage: make-upgrade-fixture.ts <release>');
const out = path.join(PROJECT_ROOT, 'test', 'fixtures', `upgrade-${release}.db.gz`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-fixture-'));
const file = path.join(dir, 'quanze.db');
// A fixed clock: the fixture's rows do not depend on when it was made.
const clock = () => new Date('2026-12-03T02:00:00Z');
const database = await openMigratedDatabase({ kind: 'sqlite', file });
const ctx = createContext(database.db, SYSTEM, { clock });
await seedBundledList(ctx, 'lz', path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv'));
await seedLegalRegistry(ctx);
const user = await createUser(ctx, {
  username: 'fixture-officer',
  displayName: '夹具执法员',
  orgCode: 'lz',
  password: 'Fixture-Passphrase-Upgrade-2026',
});
await assignRole(ctx, { userId: user.id, role: 'officer', orgCode: 'lz', scope: 'organisation' });
await database.close();
// One self-contained file: fold the write-ahead log in and drop free pages.
const SQLite = (await import('better-sqlite3')).default;
const raw = new SQLite(file);
raw.pragma('journal_mode = DELETE');
raw.exec('VACUUM');
raw.close();
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${path.relative(PROJECT_ROOT, out)}: ${(fs.statSync(out).size / 1024).toFixed(0)} KB`);
