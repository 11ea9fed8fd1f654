/**
 * The product as a benchmark child starts it: `startServer` on a fresh SQLite database in a
 * temporary folder, quiet logs, no setup link — shared by the import and public-read benchmarks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/env.js';
import { startServer } from '../src/http/start-server.js';

/** The running server, its folder (removed by the caller when done) and the URL to reach it by. */
export async function startBenchProduct(folderPrefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  const server = await startServer(
    {
      ...loadConfig({}),
      port: 0,
      host: '127.0.0.1',
      database: { kind: 'sqlite' as const, file: path.join(dir, 'quanze.db') },
      logLevel: 'warn' as const,
    },
    { onSetupLink: () => {} },
  );
  return { server, dir, url: server.url.replace('localhost', '127.0.0.1') };
}
