/**
 * Two processes writing one SQLite file — the CLI beside a running server (`quanze calendar import`,
 * `quanze user create` …). A write transaction takes the write lock when it begins: had it begun
 * with a read (as SQLite's default deferred BEGIN does), another process committing before its
 * first write would make that write fail with SQLITE_BUSY at once — the busy timeout does not
 * apply to a transaction whose snapshot is already out of date.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from './helpers/database.js';

/** Another process inserting an organisation into the same file once told to; resolves when it exits. */
function writerProcess(file: string): { start: () => void; done: Promise<{ code: number | null; stderr: string }> } {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('busy_timeout = 5000');
    process.stdin.once('data', () => {
      db.prepare("INSERT INTO organisations (id, code, name, parent_id, doc_prefix, created_at) VALUES ('org-cli', 'cli', '命令行写入', NULL, NULL, '2026-12-03T00:00:00.000Z')").run();
      db.close();
      process.exit(0);
    });
  `;
  const child = spawn(process.execPath, ['-e', script, file], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return {
    start: () => child.stdin?.write('go\n'),
    done: new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr }))),
  };
}

describe('SQLite: a write transaction beside another process', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase('sqlite');
  });
  afterAll(() => database.destroy());

  it('holds the write lock from its start: the other process waits, and both writes are kept', async () => {
    if (database.target.kind !== 'sqlite') throw new Error('SQLite only');
    const other = writerProcess(database.target.file);
    await database.db.transaction().execute(async (trx) => {
      // read first, as every case write does (lock the row, check the version)
      await trx.selectFrom('organisations').select('id').execute();
      other.start();
      // give the other process time to try its write while this transaction is open
      await new Promise((resolve) => setTimeout(resolve, 400));
      await trx
        .insertInto('organisations')
        .values({
          id: 'org-server',
          code: 'srv',
          name: '服务写入',
          parent_id: null,
          doc_prefix: null,
          created_at: '2026-12-03T00:00:00.000Z',
        })
        .execute();
    });
    const exit = await other.done;
    expect(exit.stderr).toBe('');
    expect(exit.code).toBe(0);
    const codes = (await database.db.selectFrom('organisations').select('code').where('code', 'in', ['cli', 'srv']).execute()).map(
      (r) => r.code,
    );
    expect(codes.sort()).toEqual(['cli', 'srv']);
  });
});
