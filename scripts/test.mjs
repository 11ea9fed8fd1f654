#!/usr/bin/env node
// `npm test`: typecheck, lint, unit, integration (SQLite, and PostgreSQL when QUANZE_TEST_PG_URL is
// set) and browser tests (when Chromium is installed). Says plainly what it skipped and why; with
// CI=true nothing may be skipped. Ends with one summary line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const isCI = process.env.CI === 'true' || process.env.CI === '1';
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const skipped = [];
const failedSteps = [];
let passed = 0;
let failed = 0;

function step(label, command, args, env = {}) {
  process.stdout.write(`\n━━ ${label} ━━\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failedSteps.push(label);
  return result.status === 0;
}

function vitest(project, label, env = {}) {
  const report = path.join(os.tmpdir(), `quanze-vitest-${project}-${process.pid}.json`);
  step(label, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    fs.rmSync(report);
  }
}

if (!process.env.QUANZE_TEST_PG_URL)
  skipped.push('PostgreSQL: QUANZE_TEST_PG_URL is not set, so integration tests ran on SQLite only (.ci/run sets it)');
if (!chromium) skipped.push('browser tests: no Chromium at /usr/bin/chromium (apt-get install chromium fonts-noto-cjk)');
if (isCI && skipped.length) {
  process.stderr.write(`CI must not skip suites:\n- ${skipped.join('\n- ')}\n`);
  process.exit(1);
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
vitest('unit', 'unit tests');
vitest('integration', `integration tests (${process.env.QUANZE_TEST_PG_URL ? 'SQLite + PostgreSQL' : 'SQLite'})`);
if (chromium) {
  if (step('build web app for browser tests', 'npm', ['run', '--silent', 'build:web'])) vitest('browser', 'browser tests');
}

process.stdout.write('\n━━ summary ━━\n');
for (const s of skipped) process.stdout.write(`SKIPPED ${s}\n`);
for (const s of failedSteps) process.stdout.write(`FAILED step: ${s}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failedSteps.length || failed ? 1 : 0);
