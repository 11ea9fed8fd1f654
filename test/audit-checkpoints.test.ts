/**
 * Issue 9, "whoever holds the database file can rewrite history": the two attacks of the probe,
 * done the way an attacker with the database file would (triggers dropped, the product's own
 * chainHash used to recompute), against the signed checkpoints kept outside the database and the
 * heads anchored in the parent organisation's chain.
 *
 * 1. Recompute: delete a record of 柳州, renumber and recompute every later hash and the head — and,
 *    thorough, rewrite the anchor in 广西's chain and recompute that too. `verifyAuditLog` passes;
 *    the checkpoint does not.
 * 2. Cut the tail: delete the last records of 柳州 and set its head row back — and cut 广西's tail
 *    (the anchors, the checkpoint record) too. `verifyAuditLog` passes; the checkpoint does not.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { takeAuditCheckpoint } from '../src/services/audit/take-audit-checkpoint.js';
import { verifyAuditCheckpoints } from '../src/services/audit/verify-audit-checkpoints.js';
import { verifyAuditLog } from '../src/services/audit/verify-audit-log.js';
import type { ServiceContext } from '../src/services/context.js';
import { seedOrganisations } from '../src/services/organisations/seed-organisations.js';
import { createUser } from '../src/services/users/create-user.js';
import { generateSigningKey, parseSigningKey, signCheckpoint } from '../src/store/audit/audit-checkpoint.js';
import { type AuditRecord, GENESIS_PREV_HASH, sealAuditRecord } from '../src/store/audit/audit-hash.js';
import { readChainPage } from '../src/store/audit/audit-log.repository.js';
import { systemContext, TEST_PASSWORD, uniqueName } from './helpers/access-fixtures.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';

const run = promisify(execFile);

describe.each(dialectsUnderTest())('signed audit checkpoints on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });
  const key = generateSigningKey();

  async function withRecords(): Promise<{ ctx: ServiceContext; lzId: string; gxId: string }> {
    database = await freshDatabase(dialect);
    const ctx = systemContext(database.db);
    const orgs = await seedOrganisations(ctx);
    for (let i = 0; i < 6; i++) {
      await createUser(ctx, { username: uniqueName('a'), displayName: `检查点测试 ${i}`, orgCode: 'lz', password: TEST_PASSWORD });
    }
    await createUser(ctx, { username: uniqueName('g'), displayName: '自治区账号', orgCode: 'gx', password: TEST_PASSWORD });
    return { ctx, lzId: orgs.get('lz')?.id as string, gxId: orgs.get('gx')?.id as string };
  }

  function db() {
    if (!database) throw new Error('no database');
    return database.db;
  }

  async function allowTampering(): Promise<void> {
    if (dialect === 'sqlite') {
      await sql`DROP TRIGGER audit_log_no_update`.execute(db());
      await sql`DROP TRIGGER audit_log_no_delete`.execute(db());
    } else {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db());
    }
  }

  async function chainOf(orgId: string): Promise<AuditRecord[]> {
    return readChainPage(db(), orgId, 0, 100_000);
  }

  /** The attacker's rewrite: replaces an organisation's chain by `records`, renumbered and recomputed with the product's own functions. */
  async function rewriteChain(orgId: string, records: AuditRecord[]): Promise<void> {
    await db().deleteFrom('audit_log').where('org_id', '=', orgId).execute();
    let prev = GENESIS_PREV_HASH;
    let seq = 0;
    for (const record of records) {
      seq++;
      const { prevHash: _p, hash: _h, ...content } = record;
      const sealed = sealAuditRecord(prev, { ...content, seq });
      await db()
        .insertInto('audit_log')
        .values({
          id: sealed.id,
          org_id: sealed.orgId,
          seq: sealed.seq,
          at: sealed.at,
          actor_id: sealed.actorId,
          actor_name: sealed.actorName,
          action: sealed.action,
          target_type: sealed.targetType,
          target_id: sealed.targetId,
          request_id: sealed.requestId,
          source_ip: sealed.sourceIp,
          details: JSON.stringify(sealed.details),
          prev_hash: sealed.prevHash,
          hash: sealed.hash,
          alg: sealed.alg,
        })
        .execute();
      prev = sealed.hash;
    }
    await db().updateTable('audit_heads').set({ seq, hash: prev }).where('org_id', '=', orgId).execute();
  }

  it('passes an untouched database, and anchors each head in the parent’s chain', async () => {
    const { ctx, lzId, gxId } = await withRecords();
    const checkpoint = await takeAuditCheckpoint(ctx, { key });
    const lzHead = checkpoint.heads.find((h) => h.orgCode === 'lz');
    expect(lzHead?.seq).toBe((await chainOf(lzId)).length);
    const anchors = (await chainOf(gxId)).filter((r) => r.action === 'audit.anchor');
    expect(anchors.map((a) => a.details)).toEqual([{ orgCode: 'lz', seq: lzHead?.seq, hash: lzHead?.hash }]);
    expect((await verifyAuditLog(ctx)).ok).toBe(true);
    const verdict = await verifyAuditCheckpoints(ctx, { fileText: `${JSON.stringify(checkpoint)}\n`, trustedPublicKey: key.publicKey });
    expect(verdict).toMatchObject({ ok: true, checkpoints: 1, findings: [] });
    // Records appended after the checkpoint are the next checkpoint's business, not a finding.
    await createUser(ctx, { username: uniqueName('b'), displayName: '之后的账号', orgCode: 'lz', password: TEST_PASSWORD });
    expect((await verifyAuditCheckpoints(ctx, { fileText: JSON.stringify(checkpoint), trustedPublicKey: key.publicKey })).ok).toBe(true);
    // A second checkpoint anchors only what moved.
    await takeAuditCheckpoint(ctx, { key });
    await takeAuditCheckpoint(ctx, { key });
    expect((await chainOf(gxId)).filter((r) => r.action === 'audit.anchor')).toHaveLength(2);
  });

  it('attack 1: a chain recomputed after a deletion (parent’s anchor rewritten too) passes the chain check but not the checkpoint', async () => {
    const { ctx, lzId, gxId } = await withRecords();
    const checkpoint = await takeAuditCheckpoint(ctx, { key });
    await allowTampering();
    const lz = await chainOf(lzId);
    await rewriteChain(
      lzId,
      lz.filter((r) => r.seq !== 3),
    );
    const newLzHead = (await chainOf(lzId)).at(-1) as AuditRecord;
    const gx = (await chainOf(gxId)).map((r) =>
      r.action === 'audit.anchor' ? { ...r, details: { ...r.details, seq: newLzHead.seq, hash: newLzHead.hash } } : r,
    );
    await rewriteChain(gxId, gx);

    const verdict = await verifyAuditCheckpoints(ctx, { fileText: JSON.stringify(checkpoint), trustedPublicKey: key.publicKey });
    // The chains are internally consistent again: this is what the probe saw pass.
    expect((await verifyAuditLog(ctx)).ok).toBe(true);
    expect(verdict.ok).toBe(false);
    expect(verdict.findings.map((f) => [f.orgCode, f.reason])).toEqual(
      expect.arrayContaining([
        ['lz', 'tail-cut'],
        ['gx', 'rewritten'],
      ]),
    );
  });

  it('attack 1b: a recomputed chain of the same length is named as rewritten', async () => {
    const { ctx, lzId } = await withRecords();
    const checkpoint = await takeAuditCheckpoint(ctx, { key });
    await allowTampering();
    const lz = await chainOf(lzId);
    await rewriteChain(
      lzId,
      lz.map((r) => (r.seq === 2 ? { ...r, actorName: '别人' } : r)),
    );
    const verdict = await verifyAuditCheckpoints(ctx, { fileText: JSON.stringify(checkpoint), trustedPublicKey: key.publicKey });
    expect(verdict.findings.map((f) => [f.orgCode, f.reason, f.seq])).toEqual([['lz', 'rewritten', lz.length]]);
    // Without rewriting the parent's anchor, the chain check alone notices it too.
    const plain = await verifyAuditLog(ctx, { orgCode: 'lz' });
    expect(plain.chains[0]).toMatchObject({ ok: false, reason: 'anchor-mismatch' });
  });

  it('attack 2: a tail cut together with the head row (and the parent’s tail) passes the chain check but not the checkpoint', async () => {
    const { ctx, lzId, gxId } = await withRecords();
    const gxBefore = (await chainOf(gxId)).length;
    const checkpoint = await takeAuditCheckpoint(ctx, { key });
    await allowTampering();
    const lz = await chainOf(lzId);
    await rewriteChain(lzId, lz.slice(0, -3));
    // Thorough: the anchor and checkpoint records at the end of 广西's chain go as well.
    await rewriteChain(gxId, (await chainOf(gxId)).slice(0, gxBefore));

    const verdict = await verifyAuditCheckpoints(ctx, { fileText: JSON.stringify(checkpoint), trustedPublicKey: key.publicKey });
    expect((await verifyAuditLog(ctx)).ok).toBe(true);
    expect(verdict.ok).toBe(false);
    expect(verdict.findings.map((f) => [f.orgCode, f.reason])).toEqual([
      ['gx', 'tail-cut'],
      ['lz', 'tail-cut'],
    ]);
    expect(verdict.findings[1]?.message).toContain(`只到第 ${lz.length - 3} 条`);
  });

  it('attack 2b: a child’s tail cut without touching the parent fails the chain check through the anchor', async () => {
    const { ctx, lzId } = await withRecords();
    await takeAuditCheckpoint(ctx, { key });
    await allowTampering();
    await rewriteChain(lzId, (await chainOf(lzId)).slice(0, -2));
    const plain = await verifyAuditLog(ctx, { orgCode: 'lz' });
    expect(plain.chains[0]).toMatchObject({ ok: false, reason: 'anchor-mismatch' });
    expect(plain.chains[0]?.message).toContain('末尾记录被删除');
  });

  it('trusts no checkpoint that is edited or signed by another key', async () => {
    const { ctx } = await withRecords();
    const checkpoint = await takeAuditCheckpoint(ctx, { key });
    const edited = { ...checkpoint, heads: checkpoint.heads.map((h) => ({ ...h, seq: h.seq - 1 })) };
    const { signature: _s, publicKey: _k, ...content } = edited;
    const forged = signCheckpoint(content, generateSigningKey());
    const verdict = await verifyAuditCheckpoints(ctx, {
      fileText: [JSON.stringify(checkpoint), JSON.stringify(edited), JSON.stringify(forged), 'garbage'].join('\n'),
      trustedPublicKey: key.publicKey,
    });
    expect(verdict.checkpoints).toBe(1);
    expect(verdict.findings.map((f) => [f.line, f.reason])).toEqual([
      [2, 'bad-signature'],
      [3, 'bad-signature'],
      [4, 'unreadable'],
    ]);
  });

  it('quanze audit keygen / checkpoint --out / verify --checkpoints: the key outside the data directory, the attack detected, exit code 1', async () => {
    const { lzId } = await withRecords();
    const target = database?.target;
    if (!target) throw new Error('no database');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-keys-'));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-data-'));
    const keyFile = path.join(outside, 'audit-signing.key');
    const checkpoints = path.join(outside, 'checkpoints.jsonl');
    const env = {
      ...process.env,
      QUANZE_DATA_DIR: dataDir,
      DATABASE_URL: target.kind === 'sqlite' ? `sqlite:${target.file}` : target.url,
      LOG_LEVEL: 'silent',
      QUANZE_AUDIT_SIGNING_KEY: keyFile,
    };
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'cli', 'main.ts'), ...args], {
        env,
        cwd: PROJECT_ROOT,
      }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    try {
      // A key inside the data directory is refused: whoever holds the data would hold the key.
      const inside = await cli('audit', 'keygen', '--out', path.join(dataDir, 'k.key'));
      expect(inside.code).toBe(2);
      expect(inside.stderr).toContain('数据目录');
      expect((await cli('audit', 'keygen', '--out', keyFile)).code).toBe(0);
      expect(fs.statSync(keyFile).mode & 0o077).toBe(0);
      expect(parseSigningKey(fs.readFileSync(keyFile, 'utf8')).publicKey).toMatch(/^04/);

      for (let i = 0; i < 2; i++) {
        const written = await cli('audit', 'checkpoint', '--out', checkpoints);
        expect(written.stderr).toBe('');
        expect(written.code).toBe(0);
      }
      expect(fs.readFileSync(checkpoints, 'utf8').trim().split('\n')).toHaveLength(2);
      const clean = await cli('audit', 'verify', '--checkpoints', checkpoints);
      expect(clean.stderr).toBe('');
      expect(clean.code).toBe(0);
      expect(clean.stdout).toContain('检查点');

      await allowTampering();
      await rewriteChain(lzId, (await chainOf(lzId)).slice(0, -2));
      const cut = await cli('audit', 'verify', '--checkpoints', checkpoints);
      expect(cut.code).toBe(1);
      expect(cut.stdout).toContain('末尾记录被删除');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    // Six CLI processes, each compiling the CLI with tsx (cold in a fresh clone): 8 s on a quiet
    // machine, several times that on a loaded one — more than the project's 60 s default allows.
  }, 180_000);
});
