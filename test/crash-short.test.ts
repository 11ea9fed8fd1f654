/**
 * The short version of the crash trials for `npm test`: two SIGKILLs of a serving child process
 * under 32 clients on SQLite, each followed by the checks of test/crash/crash-trials.ts (every
 * acknowledged write present, nothing half-written, chains verify). The long version, 20 trials per
 * database, is `npm run test:crash`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';

describe('crash trials (short)', () => {
  it('keeps every acknowledged case write across two SIGKILLs, with verifying chains', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'test', 'crash', 'crash-trials.ts')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CRASH_SHORT: '1', TRIALS: '2', SEED: '7' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toMatch(/sqlite: 2 trials, \d+ acknowledged cases in all — all checks passed/);
    expect(output).not.toContain('FAILED');
    expect(result.status, output).toBe(0);
  }, 300_000);
});
