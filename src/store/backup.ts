/**
 * Copies of the whole database, engine by engine. SQLite: better-sqlite3's online backup (SQLite's
 * backup API) from a connection of its own, so a serving process keeps answering and writing while
 * the copy is made; the copy is a consistent snapshot. PostgreSQL: pg_dump's custom format, restored
 * with pg_restore. Nothing here knows about manifests or hashes (services/operations does).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';

const run = promisify(execFile);

/** The file a backup of this engine is written to, inside the backup folder. */
export const BACKUP_FILE = { sqlite: 'quanze.db', postgres: 'quanze.pgdump' } as const;

/** Online backup of a SQLite database file into `outFile` (which must not exist). */
export async function backupSqlite(file: string, outFile: string): Promise<void> {
  if (!fs.existsSync(file)) throw Object.assign(new Error(`no database at ${file}`), { code: 'ENOENT', path: file });
  const source = new SQLite(file, { fileMustExist: true });
  try {
    // A writer in another process may be mid-transaction: wait for it as the server does.
    source.pragma('busy_timeout = 5000');
    await source.backup(outFile);
  } finally {
    source.close();
  }
  // The copy is a plain rollback-journal file: one file, nothing else to carry.
  const copy = new SQLite(outFile);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Whether a SQLite file holds any table (a restore refuses to overwrite one without --force). */
export function sqliteHasTables(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number };
    return row.n > 0;
  } finally {
    db.close();
  }
}

/**
 * Puts a backed-up SQLite file in place of `target`. The target's -wal and -shm files go too: frames
 * of the old database's write-ahead log must never be applied to the restored one. Written beside
 * the target and renamed, so a crash leaves either the old database or the restored one.
 */
export function restoreSqlite(backupFile: string, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.restoring`;
  fs.copyFileSync(backupFile, partial);
  const fd = fs.openSync(partial, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(partial, target);
}

/** pg_dump of the database at `url` into `outFile` (custom format: compressed, restorable table by table). */
export async function backupPostgres(url: string, outFile: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${outFile}`, `--dbname=${url}`], {
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** Whether the PostgreSQL database has any table in its public schema. */
export async function postgresHasTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
    return (result.rows[0] as { n: number }).n > 0;
  } finally {
    await client.end();
  }
}

/** pg_restore of a dump into the database at `url`, replacing what is there (--clean), in one transaction. */
export async function restorePostgres(dumpFile: string, url: string): Promise<void> {
  await run(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`, dumpFile],
    { maxBuffer: 16 * 1024 * 1024 },
  );
}

/** Names of the migrations a database has applied, oldest first (empty for a database never migrated). */
export async function appliedMigrationNames(
  target: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string },
): Promise<string[]> {
  if (target.kind === 'sqlite') {
    const db = new SQLite(target.file, { readonly: true, fileMustExist: true });
    try {
      const exists = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
      if (!exists) return [];
      return (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const exists = await client.query(
      "select 1 from information_schema.tables where table_schema = 'public' and table_name = 'kysely_migration'",
    );
    if (exists.rowCount === 0) return [];
    const result = await client.query('select name from kysely_migration order by name');
    return (result.rows as { name: string }[]).map((r) => r.name);
  } finally {
    await client.end();
  }
}
