/**
 * Readiness (GET /readyz): the database answers and has every migration of this release. A load
 * balancer sends no traffic to a process that is not ready; the answer names what is missing.
 */
import { pendingMigrations } from '../../store/migrate.js';
import { pingDatabase } from '../../store/operations.repository.js';
import type { Db } from '../database-lifecycle.js';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  /** migrations of this release the database lacks (an older process started on a newer file shows none) */
  pendingMigrations: string[];
}

/** Checks the database; never throws (an unreachable database is an answer, not an error). */
export async function checkReadiness(db: Db): Promise<Readiness> {
  try {
    await pingDatabase(db);
  } catch {
    return { ready: false, database: 'unreachable', pendingMigrations: [] };
  }
  const pending = await pendingMigrations(db).catch(() => null);
  if (pending === null) return { ready: false, database: 'unreachable', pendingMigrations: [] };
  return { ready: pending.length === 0, database: 'ok', pendingMigrations: pending };
}
