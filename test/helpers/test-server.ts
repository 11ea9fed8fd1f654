/**
 * The product in-process on a random port, on a fresh database with the bundled list imported —
 * what `npm start` serves, for HTTP and browser tests.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, PROJECT_ROOT } from '../../src/config/env.js';
import { startServer } from '../../src/http/start-server.js';
import type { SetupLink } from '../../src/services/auth/issue-setup-link.js';
import type { Db } from '../../src/services/database-lifecycle.js';
import { freshDatabase, type TestDialect } from './database.js';

export interface TestServer {
  baseUrl: string;
  app: FastifyInstance;
  /** the server's own database connection, for arranging accounts and inspecting rows */
  db: Db;
  /** where the server's database is (for tools that open it themselves: backup, a second process) */
  target: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** the first-run setup link the server printed (null once an account exists) */
  setupLink: SetupLink | null;
  close(): Promise<void>;
}

export interface TestServerOptions {
  dialect?: TestDialect;
  /** list imported at start; the bundled one by default */
  seedList?: string;
  /** the clock of the server's use cases; tests move it to expire sessions */
  clock?: () => Date;
  /** sign-in attempts per address per minute (default: high enough never to trip) */
  loginRateLimitPerMinute?: number;
  /** where the SQLite database's folder is made (default: the system's temporary folder) */
  sqliteParentDir?: string;
}

/** Start the product on a fresh database. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await freshDatabase(options.dialect ?? 'sqlite', { sqliteParentDir: options.sqliteParentDir });
  await database.close(); // startServer opens its own connection to the same database
  const config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    database: database.target,
    logLevel: 'silent' as const,
    seedList: options.seedList ?? path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv'),
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 10_000,
  };
  let setupLink: SetupLink | null = null;
  const server = await startServer(config, {
    ...(options.clock ? { clock: options.clock } : {}),
    onSetupLink: (link) => {
      setupLink = link;
    },
  });
  return {
    baseUrl: server.url.replace('localhost', '127.0.0.1'),
    app: server.app,
    db: server.db,
    target: database.target,
    setupLink,
    close: async () => {
      await server.close();
      await database.destroy().catch(() => {});
    },
  };
}
