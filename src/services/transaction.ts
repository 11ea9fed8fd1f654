/**
 * One transaction per use case. A use case called from another one (already inside a transaction)
 * joins it instead of opening a nested one, so the change and its audit record still commit together.
 */
import type { ServiceContext } from './context.js';

/** Runs `fn` with a context whose `db` is a transaction; commits when it returns, rolls back when it throws. */
export async function inTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}
