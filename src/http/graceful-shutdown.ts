/**
 * Stopping on SIGTERM (systemd, docker stop, Kubernetes) or SIGINT (Ctrl-C) without cutting anyone
 * off: stop listening, let the requests in flight finish (Fastify closes idle keep-alive connections
 * and answers 503 to requests that arrive while closing), then close the database. If that takes
 * longer than the grace period, or a second signal comes, exit at once: an operator who presses
 * Ctrl-C twice means it. Nothing acknowledged is lost by a forced exit — every acknowledged write
 * was committed before its response was sent.
 */

export interface ShutdownHooks {
  /** closes the listener, waits for requests in flight, closes the database */
  close(): Promise<void>;
  /** where progress is said (the server's logger) */
  log(message: string, fields?: Record<string, unknown>): void;
  exit(code: number): void;
  /** milliseconds to wait for `close` before exiting anyway */
  graceMs: number;
  /** the timer of the grace period (tests pass their own) */
  setTimer?: (fn: () => void, ms: number) => { unref?: () => void };
}

/** A handler for the stop signals: call it with the signal's name. */
export function gracefulShutdown(hooks: ShutdownHooks): (signal: string) => Promise<void> {
  let stopping = false;
  const setTimer = hooks.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  return async (signal: string) => {
    if (stopping) {
      hooks.log('second stop signal: exiting without waiting', { signal });
      hooks.exit(130);
      return;
    }
    stopping = true;
    hooks.log('stopping: finishing requests in flight, then closing the database', { signal, graceMs: hooks.graceMs });
    const timer = setTimer(() => {
      hooks.log('requests still in flight after the grace period: exiting anyway', { graceMs: hooks.graceMs });
      hooks.exit(1);
    }, hooks.graceMs);
    // The timer must not keep an otherwise finished process alive.
    timer.unref?.();
    try {
      await hooks.close();
      hooks.log('stopped');
      hooks.exit(0);
    } catch (error) {
      hooks.log('stopping failed', { error: (error as Error).message });
      hooks.exit(1);
    }
  };
}
