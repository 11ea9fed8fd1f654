/**
 * Start the product: open and migrate the database, seed the bundled list on first start, listen.
 * Used by `quanze serve` and the in-process test server.
 */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/env.js';
import { seedBundledList } from '../services/catalog/seed-bundled-list.js';
import { createContext, SYSTEM } from '../services/context.js';
import { openMigratedDatabase } from '../services/database-lifecycle.js';
import { buildServer } from './server.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Migrate, seed and listen on the configured port. */
export async function startServer(config: AppConfig, options: { webRoot?: string } = {}): Promise<RunningServer> {
  const database = await openMigratedDatabase(config.database);
  try {
    const seeded = await seedBundledList(createContext(database.db, SYSTEM), config.orgCode, config.seedList);
    const app = await buildServer({ db: database.db, orgCode: config.orgCode, logLevel: config.logLevel, ...options });
    if (seeded) app.log.info({ version: seeded.versionNo, items: seeded.list.items.length, findings: seeded.list.findings.length }, 'imported the bundled power list');
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      app,
      url: `http://localhost:${port}`,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
