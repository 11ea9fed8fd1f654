/**
 * The short version of the load test for `npm test`: 16 connections for 5 s against `quanze serve`
 * in a child process on SQLite, with the checks of test/load/load-test.ts (no error, no non-2xx,
 * resident memory after the run ≤ 1.2 × after the warm-up, every acknowledged case write stored
 * whole, `quanze audit verify` passes). The long version, 64 connections for 60 s, is
 * `npm run test:load`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';

describe('load test (short)', () => {
  it('answers a mix of reads and writes from 16 connections without an error, and gives its memory back', async () => {
    // spawn, not spawnSync: the runner's worker stays responsive while the child works. A warm-up
    // almost as long as the run: the heap grows to its working size in the first seconds (measured
    // ratios 1.05–1.08 this way, against the 1.2 limit).
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'test', 'load', 'load-test.ts')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, LOAD_SECONDS: '5', LOAD_CONNECTIONS: '16', LOAD_WARMUP_SECONDS: '4', LOAD_SETTLE_SECONDS: '3', LOAD_PG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const status = await new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    expect(output).toMatch(/errors 0, timeouts 0, non-2xx 0; cases opened [1-9]\d*, transitions [1-9]\d*/);
    expect(output).toContain('审计日志校验通过');
    expect(output).toContain('load test: PASSED');
    expect(status, output).toBe(0);
  }, 180_000);
});
