/**
 * Issue 9, "deeply nested HTML in one cell freezes every user" and "50 concurrent imports push an
 * unrelated GET to 2.9 s": power-list files are parsed in a worker thread with a time and heap
 * limit, a few at a time, the rest queued (and refused when the queue is full). The event loop
 * stays free while a file is parsed: a ticker on it keeps ticking, which the old in-thread parse
 * (synchronous for TSV) never let happen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import type { TPowerItem } from '../src/contracts/power-list.js';
import { DomainError } from '../src/domain/errors.js';
import { readPowerListTsv, writePowerListTsv } from '../src/io/power-list-tsv.js';
import { readPowerListFile } from '../src/io/read-power-list-file.js';
import { analysePowerList } from '../src/services/catalog/analyse-power-list.js';
import { IsolatedParser, MIN_WORKER_HEAP_MB } from '../src/services/catalog/read-power-list-isolated.js';

const bundled = fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv'));

/** Counts turns of the event loop until stopped. */
function ticker() {
  let ticks = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    ticks++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop: () => {
      running = false;
      return ticks;
    },
  };
}

describe('power-list parsing isolated in worker threads', () => {
  it('reads the bundled list in a worker exactly as in the thread, with progress', async () => {
    const parser = new IsolatedParser({ maxConcurrent: 1, maxQueued: 4, timeoutMs: 60_000, maxHeapMb: 256 });
    const progress: number[] = [];
    const isolated = await parser.read(bundled, 'list.tsv', { onProgress: (done) => progress.push(done) });
    const direct = await readPowerListFile(bundled, 'list.tsv');
    expect(isolated).toEqual(direct);
    expect(progress.length).toBeGreaterThan(0);
    expect(parser.state()).toEqual({ active: 0, queued: 0 });
  });

  it('keeps the event loop turning while a file is parsed (the import path goes through the worker)', async () => {
    const t = ticker();
    const analysed = await analysePowerList(bundled, 'list.tsv');
    const ticks = t.stop();
    expect(analysed.list.items.length).toBeGreaterThan(0);
    // Parsing on the main thread would have blocked: the ticker would not have moved meanwhile.
    expect(ticks).toBeGreaterThan(1);
  });

  it('passes the parser’s own refusals through with their code', async () => {
    const parser = new IsolatedParser({ maxConcurrent: 1, maxQueued: 4, timeoutMs: 60_000, maxHeapMb: 256 });
    const error = await parser.read(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'old.xls').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('unsupported-format');
  });

  it('ends a parse that outlives its time limit with too-large, and frees its slot', async () => {
    // A limit no worker can meet (it cannot even start in a millisecond).
    const parser = new IsolatedParser({ maxConcurrent: 1, maxQueued: 4, timeoutMs: 1, maxHeapMb: 256 });
    const error = await parser.read(bundled, 'list.tsv').catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('too-large');
    expect((error as DomainError).message).toContain('已中止');
    expect(parser.state()).toEqual({ active: 0, queued: 0 });
  });

  it('ends a parse that outgrows its heap limit with too-large (memory bounded per import)', async () => {
    // The smallest heap a worker may have, and a list (2,000 items, several MB) that needs far more to
    // parse: the worker runs out of memory, not the server. (A heap too small for the worker to start
    // at all ends the whole process on Node 24 — the parser never asks for less than the minimum.)
    const big = writePowerListTsv({
      title: '内存测试清单',
      items: Array.from({ length: 2000 }, (_, i) => {
        const base = readPowerListTsv(bundled).items[i % 7] as TPowerItem;
        return { ...base, no: i + 1, name: `${base.name}（第${i + 1}号）` };
      }),
    });
    const parser = new IsolatedParser({ maxConcurrent: 1, maxQueued: 4, timeoutMs: 60_000, maxHeapMb: MIN_WORKER_HEAP_MB });
    const error = await parser.read(new TextEncoder().encode(big), 'big.tsv').catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('too-large');
    expect((error as DomainError).message).toContain('内存');
    expect(parser.state()).toEqual({ active: 0, queued: 0 });
  });

  it('parses a few at a time, queues the rest and refuses beyond the queue with rate-limited', async () => {
    const parser = new IsolatedParser({ maxConcurrent: 1, maxQueued: 2, timeoutMs: 60_000, maxHeapMb: 256 });
    const first = parser.read(bundled, 'a.tsv');
    const second = parser.read(bundled, 'b.tsv');
    const third = parser.read(bundled, 'c.tsv');
    expect(parser.state()).toEqual({ active: 1, queued: 2 });
    const fourth = await parser.read(bundled, 'd.tsv').catch((e: unknown) => e);
    expect((fourth as DomainError).code).toBe('rate-limited');
    const results = await Promise.all([first, second, third]);
    expect(results.map((r) => r.items.length)).toEqual([results[0]?.items.length, results[0]?.items.length, results[0]?.items.length]);
    expect(parser.state()).toEqual({ active: 0, queued: 0 });
  });
});
