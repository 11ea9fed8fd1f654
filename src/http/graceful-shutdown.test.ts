import { describe, expect, it } from 'vitest';
import { gracefulShutdown } from './graceful-shutdown.js';

function harness() {
  const exits: number[] = [];
  const timers: (() => void)[] = [];
  let finishClose: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    finishClose = resolve;
  });
  let closeCalls = 0;
  const shutdown = gracefulShutdown({
    close: () => {
      closeCalls += 1;
      return closed;
    },
    log: () => {},
    exit: (code) => exits.push(code),
    graceMs: 25_000,
    setTimer: (fn) => {
      timers.push(fn);
      return {};
    },
  });
  return { shutdown, exits, timers, finishClose, closeCalls: () => closeCalls };
}

describe('gracefulShutdown', () => {
  it('exits 0 only after close has finished', async () => {
    const h = harness();
    const stopping = h.shutdown('SIGTERM');
    await Promise.resolve();
    expect(h.exits).toEqual([]);
    h.finishClose();
    await stopping;
    expect(h.exits).toEqual([0]);
  });

  it('a second signal exits at once without closing twice', async () => {
    const h = harness();
    void h.shutdown('SIGTERM');
    await h.shutdown('SIGINT');
    expect(h.exits).toEqual([130]);
    expect(h.closeCalls()).toBe(1);
  });

  it('exits 1 when the grace period ends first', () => {
    const h = harness();
    void h.shutdown('SIGTERM');
    expect(h.timers).toHaveLength(1);
    h.timers[0]?.();
    expect(h.exits).toEqual([1]);
  });
});
