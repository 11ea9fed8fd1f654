#!/usr/bin/env node
// `npm run test:tz`: the unit tests under three time zones — UTC (servers), Asia/Shanghai (where the
// bureaus work) and America/New_York (a zone with daylight saving, far from both). Times are stored
// in UTC and shown in Asia/Shanghai whatever the machine's zone, so the suite must pass in each.
// vitest.config.ts takes the zone from QUANZE_TEST_TZ (default UTC). Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const zones = ['UTC', 'Asia/Shanghai', 'America/New_York'];
const extra = process.argv.slice(2); // e.g. a path filter: npm run test:tz -- src/domain/calendar
let passed = 0;
let failed = 0;
const failedZones = [];

for (const zone of zones) {
  process.stdout.write(`\n━━ unit tests, TZ=${zone} ━━\n`);
  const report = path.join(os.tmpdir(), `quanze-vitest-tz-${process.pid}.json`);
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--project', 'unit', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`, ...extra],
    { cwd: root, stdio: 'inherit', env: { ...process.env, QUANZE_TEST_TZ: zone } },
  );
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    fs.rmSync(report);
  }
  if (result.status !== 0) failedZones.push(zone);
}

process.stdout.write('\n━━ summary ━━\n');
for (const zone of failedZones) process.stdout.write(`FAILED under TZ=${zone}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failedZones.length || failed ? 1 : 0);
