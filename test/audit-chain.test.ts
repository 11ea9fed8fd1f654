/**
 * The audit chain on real databases: records are sealed in the transaction of their change, one
 * gap-free chain per organisation even under concurrent writers, the database refuses updates and
 * deletes — and when someone with database access gets past that anyway (drops the triggers) and
 * changes, deletes, reorders or cuts off records, `verifyAuditLog` and `quanze audit verify` name
 * the first broken record.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { ZAuditVerifyResponse } from '../src/contracts/audit.js';
import { recordAudit } from '../src/services/audit/record-audit.js';
import { verifyAuditLog } from '../src/services/audit/verify-audit-log.js';
import type { ServiceContext } from '../src/services/context.js';
import { seedOrganisations } from '../src/services/organisations/seed-organisations.js';
import { inTransaction } from '../src/services/transaction.js';
import { createUser } from '../src/services/users/create-user.js';
import { appendAudit } from '../src/store/audit/audit-log.repository.js';
import { systemContext, TEST_PASSWORD, uniqueName } from './helpers/access-fixtures.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';

const run = promisify(execFile);

describe.each(dialectsUnderTest())('audit chain on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  /** A database with the seed organisations and six audited account creations on lz. */
  async function withRecords(): Promise<{ ctx: ServiceContext; lzId: string }> {
    database = await freshDatabase(dialect);
    const ctx = systemContext(database.db);
    const orgs = await seedOrganisations(ctx);
    for (let i = 0; i < 6; i++) {
      await createUser(ctx, { username: uniqueName('a'), displayName: `审计测试 ${i}`, orgCode: 'lz', password: TEST_PASSWORD });
    }
    return { ctx, lzId: orgs.get('lz')?.id as string };
  }

  async function allowTampering(): Promise<void> {
    const db = database?.db;
    if (!db) throw new Error('no database');
    if (dialect === 'sqlite') {
      await sql`DROP TRIGGER audit_log_no_update`.execute(db);
      await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
    } else {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
    }
  }

  async function idAt(lzId: string, seq: number): Promise<string> {
    const row = await database?.db
      .selectFrom('audit_log')
      .select('id')
      .where('org_id', '=', lzId)
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow();
    return row?.id as string;
  }

  async function lzVerdict(ctx: ServiceContext) {
    const result = await verifyAuditLog(ctx, { orgCode: 'lz' });
    expect(result.chains).toHaveLength(1);
    return { ok: result.ok, chain: result.chains[0] };
  }

  it('numbers each organisation’s records without gaps, links them, and verifies', async () => {
    const { ctx, lzId } = await withRecords();
    const rows = await ctx.db
      .selectFrom('audit_log')
      .select(['seq', 'prev_hash', 'hash', 'alg', 'at'])
      .where('org_id', '=', lzId)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(rows.every((r) => r.alg === 'sm3' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(r.at))).toBe(true);
    const head = await ctx.db.selectFrom('audit_heads').select(['seq', 'hash']).where('org_id', '=', lzId).executeTakeFirstOrThrow();
    expect([Number(head.seq), head.hash]).toEqual([6, rows[5]?.hash]);

    const { ok, chain } = await lzVerdict(ctx);
    expect(ok).toBe(true);
    expect(chain).toMatchObject({ ok: true, count: 6, brokenAt: null });
    const all = await verifyAuditLog(ctx);
    expect(all.chains.map((c) => c.organisation.code)).toEqual(['gx', 'lj', 'lz']);
  });

  it('keeps one gap-free chain under concurrent writers, and SHA-256 records verify beside SM3 ones', async () => {
    const { ctx, lzId } = await withRecords();
    const sha = { ...ctx, settings: { ...ctx.settings, auditHash: 'sha256' as const } };
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        inTransaction(i % 2 ? sha : ctx, (tx) =>
          recordAudit(tx, { orgId: lzId, action: 'user.read', targetType: 'user', targetId: String(i) }),
        ),
      ),
    );
    const seqs = await ctx.db.selectFrom('audit_log').select('seq').where('org_id', '=', lzId).orderBy('seq').execute();
    expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect((await lzVerdict(ctx)).chain).toMatchObject({ ok: true, count: 26 });
  });

  it('writes a record only inside the transaction of its change, and rolls it back with it', async () => {
    const { ctx, lzId } = await withRecords();
    const record = {
      id: 'x',
      orgId: lzId,
      at: new Date().toISOString(),
      actorId: null,
      actorName: '系统',
      action: 'user.read',
      targetType: 'user',
      targetId: null,
      requestId: null,
      sourceIp: null,
      details: {},
      alg: 'sm3' as const,
    };
    await expect(appendAudit(ctx.db, record)).rejects.toThrow(/inside the transaction/);
    await expect(
      inTransaction(ctx, async (tx) => {
        await recordAudit(tx, { orgId: lzId, action: 'user.read', targetType: 'user', targetId: null });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await lzVerdict(ctx)).chain).toMatchObject({ ok: true, count: 6 });
  });

  it('refuses updates and deletes of audit records in the database itself', async () => {
    const { ctx, lzId } = await withRecords();
    await expect(ctx.db.updateTable('audit_log').set({ actor_name: 'someone else' }).where('org_id', '=', lzId).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(ctx.db.deleteFrom('audit_log').where('org_id', '=', lzId).execute()).rejects.toThrow(/append-only/);
  });

  it('names a changed record', async () => {
    const { ctx, lzId } = await withRecords();
    await allowTampering();
    await ctx.db
      .updateTable('audit_log')
      .set({ details: '{"username":"someone-else"}' })
      .where('org_id', '=', lzId)
      .where('seq', '=', 3)
      .execute();
    const { ok, chain } = await lzVerdict(ctx);
    expect(ok).toBe(false);
    expect(chain).toMatchObject({ ok: false, brokenAt: 3, recordId: await idAt(lzId, 3), reason: 'hash-mismatch', count: 2 });
    expect(chain?.message).toContain('第 3 条');

    // The command line names it too, and exits with 1.
    const target = database?.target;
    if (!target) throw new Error('no database');
    const env = {
      ...process.env,
      DATABASE_URL: target.kind === 'sqlite' ? `sqlite:${target.file}` : target.url,
      LOG_LEVEL: 'silent',
    };
    const cli = await run(
      process.execPath,
      ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'cli', 'main.ts'), 'audit', 'verify', '--org', 'lz', '--json'],
      {
        env,
        cwd: PROJECT_ROOT,
      },
    ).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(cli.code).toBe(1);
    const printed = ZAuditVerifyResponse.parse(JSON.parse(cli.stdout));
    expect(printed.chains[0]).toMatchObject({ ok: false, brokenAt: 3, recordId: await idAt(lzId, 3), reason: 'hash-mismatch' });
  });

  it('names the record after a deleted one', async () => {
    const { ctx, lzId } = await withRecords();
    const fourth = await idAt(lzId, 4);
    await allowTampering();
    await ctx.db.deleteFrom('audit_log').where('org_id', '=', lzId).where('seq', '=', 3).execute();
    const { chain } = await lzVerdict(ctx);
    expect(chain).toMatchObject({ ok: false, brokenAt: 4, recordId: fourth, reason: 'sequence-gap' });
    expect(chain?.message).toContain('第 3 条记录缺失');
  });

  it('names reordered records', async () => {
    const { ctx, lzId } = await withRecords();
    const [third, fourth] = [await idAt(lzId, 3), await idAt(lzId, 4)];
    await allowTampering();
    // Swap the positions of records 3 and 4 (through a free number: (org, seq) is unique).
    await ctx.db.updateTable('audit_log').set({ seq: 1000 }).where('id', '=', third).execute();
    await ctx.db.updateTable('audit_log').set({ seq: 3 }).where('id', '=', fourth).execute();
    await ctx.db.updateTable('audit_log').set({ seq: 4 }).where('id', '=', third).execute();
    const { chain } = await lzVerdict(ctx);
    expect(chain).toMatchObject({ ok: false, brokenAt: 3, recordId: fourth, reason: 'prev-mismatch' });
  });

  it('notices records cut off the end, and a deleted chain head', async () => {
    const { ctx, lzId } = await withRecords();
    await allowTampering();
    await ctx.db.deleteFrom('audit_log').where('org_id', '=', lzId).where('seq', '=', 6).execute();
    expect((await lzVerdict(ctx)).chain).toMatchObject({ ok: false, brokenAt: 6, recordId: null, reason: 'head-mismatch', count: 5 });
    await ctx.db.deleteFrom('audit_heads').where('org_id', '=', lzId).execute();
    expect((await lzVerdict(ctx)).chain).toMatchObject({ ok: false, reason: 'head-mismatch', head: null });
    // Without its head the chain refuses new records rather than renumber from 1.
    await expect(
      inTransaction(ctx, (tx) => recordAudit(tx, { orgId: lzId, action: 'user.read', targetType: 'user', targetId: null })),
    ).rejects.toThrow(/head .* is missing/);
  });
});
