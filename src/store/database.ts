/**
 * Opens the database: SQLite (embedded default, WAL) or PostgreSQL, behind one Kysely instance.
 * Everything engine-specific stays in src/store.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  type SqliteStatement,
} from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config/env.js';
import type { Database } from './tables/schema.js';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

// PostgreSQL returns BIGINT (count(*)) as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** How every SQLite connection of the product is set up (the benchmarks' own connections too). */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
  'synchronous = NORMAL',
  // Copy the WAL back into the database every ≈ 40 MB instead of SQLite's default ≈ 4 MB: a case
  // write adds ≈ 15 pages, mostly the same hot ones (index tails, the chain head), which a rarer
  // checkpoint copies once instead of many times (+6 % case transitions/s, docs/operators/benchmarks.md).
  'wal_autocheckpoint = 10000',
  // and cut the WAL file back to 64 MB after a checkpoint, should a long reader have let it grow
  'journal_size_limit = 67108864',
] as const;

/** Open a Kysely instance for the configured target. The SQLite file's folder is created. */
export function openDatabase(target: DatabaseTarget): OpenedDatabase {
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new SQLite(target.file);
    for (const pragma of SQLITE_PRAGMAS) sqlite.pragma(pragma);
    const db = new Kysely<Database>({ dialect: new SqliteDialectKeepingErrors(sqlite, { database: withStatementCache(sqlite) }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  // An idle pooled connection that the server ends (restart, failover, pg_terminate_backend) emits
  // 'error' on the pool; without a listener that would crash the process. pg drops the broken
  // client by itself and the next query opens a new one.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`, { code: 'QUANZE_PG_IDLE' });
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/**
 * After SQLITE_FULL or an I/O error SQLite may already have rolled the transaction back itself;
 * Kysely's ROLLBACK would then fail ("no transaction is active") and that error would hide the
 * one that matters (a full disk would be answered as an internal error instead of a 507).
 */
class SqliteDialectKeepingErrors extends SqliteDialect {
  readonly #sqlite: SQLite.Database;

  constructor(sqlite: SQLite.Database, config: SqliteDialectConfig) {
    super(config);
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    const sqlite = this.#sqlite;
    driver.rollbackTransaction = async (connection) => {
      if (sqlite.inTransaction) await rollback(connection);
    };
    // Take the write lock when the transaction begins. A deferred BEGIN reads first and asks for the
    // lock at its first write; if another process (the CLI beside the server) committed in between,
    // that write fails at once with SQLITE_BUSY — the busy timeout cannot help a stale snapshot.
    // Our transactions all write, so waiting for the lock up front costs nothing.
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/** Prepared statements kept per SQL text; enough for every query shape the product issues. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew, and preparing costs more than running most of ours. Queries are
 * built from a fixed set of shapes with parameters, so their statements are kept and reused (least
 * recently used dropped first). Kysely runs one query at a time on the connection, so a cached
 * statement is never busy when it is reused.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(text, statement);
      return statement as unknown as SqliteStatement;
    },
  };
}

/** Which engine a Kysely instance talks to (migrations need it for the search index). */
// biome-ignore lint/suspicious/noExplicitAny: works for any schema
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
