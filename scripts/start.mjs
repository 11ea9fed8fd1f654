#!/usr/bin/env node
// `npm start`: build what is missing or out of date (server and web), then serve.
// Kept dependency-free so it runs right after `npm ci`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Newest modification time of any file below `dir` (0 when missing). */
function newest(dir) {
  if (!fs.existsSync(dir)) return 0;
  let max = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) max = Math.max(max, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return max;
}

function run(script, label) {
  process.stdout.write(`› ${label}…\n`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const serverBuilt = path.join(root, 'dist', 'server', 'cli', 'main.js');
if (!fs.existsSync(serverBuilt) || newest(path.join(root, 'src')) > fs.statSync(serverBuilt).mtimeMs)
  run('build:server', '编译服务端 (building the server)');
const webBuilt = path.join(root, 'dist', 'web', 'index.html');
const webSources = Math.max(newest(path.join(root, 'web')), newest(path.join(root, 'src', 'contracts')));
if (!fs.existsSync(webBuilt) || webSources > fs.statSync(webBuilt).mtimeMs) run('build:web', '构建网页 (building the web app)');

const server = spawnSync(process.execPath, [serverBuilt, 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(server.status ?? 0);
