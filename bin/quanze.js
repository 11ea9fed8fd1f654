#!/usr/bin/env node
// Runs the compiled CLI; `npm run build:server` (or `npm start`) compiles it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/server/cli/main.js', import.meta.url));
if (!existsSync(compiled)) {
  process.stderr.write('quanze: 尚未编译，请先运行 npm run build:server（或 npm start）。\n');
  process.exit(2);
}
await import(compiled);
