/**
 * The product in-process on a random port, on a fresh database with the bundled list imported —
 * what `npm start` serves, for HTTP and browser tests.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, PROJECT_ROOT } from '../../src/config/env.js';
import { startServer } from '../../src/http/start-server.js';
import { freshDatabase, type TestDialect } from './database.js';

export interface TestServer {
  baseUrl: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export interface TestServerOptions {
  dialect?: TestDialect;
  /** list imported at start; the bundled one by default */
  seedList?: string;
}

/** Start the product on a fresh database. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await freshDatabase(options.dialect ?? 'sqlite');
  await database.close(); // startServer opens its own connection to the same database
  const config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    database: database.target,
    logLevel: 'silent' as const,
    seedList: options.seedList ?? path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv'),
  };
  const server = await startServer(config);
  return {
    baseUrl: server.url.replace('localhost', '127.0.0.1'),
    app: server.app,
    close: async () => {
      await server.close();
      await database.destroy().catch(() => {});
    },
  };
}
