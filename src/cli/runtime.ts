/**
 * What every CLI command shares: configuration from the environment, a migrated database, a
 * system context, and one way to report errors (a clear message and an exit code, no stack trace).
 */
import { type AppConfig, ConfigError, loadConfig } from '../config/env.js';
import { DomainError } from '../domain/errors.js';
import { registerCaseDeadlineFollowUp } from '../services/cases/recompute-deadlines.js';
import { createContext, type ServiceContext, SYSTEM } from '../services/context.js';
import { openMigratedDatabase } from '../services/database-lifecycle.js';
import { seedLegalRegistry } from '../services/legal-sources/seed-legal-registry.js';
import { seedOrganisations } from '../services/organisations/seed-organisations.js';

export const EXIT = { ok: 0, findings: 1, userError: 2, internal: 3 } as const;

/** Run `fn` with a migrated database and the seed organisations in place; closes the database after. */
export async function withDatabase<T>(fn: (ctx: ServiceContext, config: AppConfig) => Promise<T>): Promise<T> {
  registerCaseDeadlineFollowUp();
  const config = loadConfig();
  const database = await openMigratedDatabase(config.database);
  try {
    const ctx = createContext(
      database.db,
      { ...SYSTEM, name: `命令行 (${process.env.USER ?? 'cli'})` },
      { settings: { homeOrgCode: config.orgCode, auditHash: config.auditHash, sessionTimeouts: config.sessionTimeouts } },
    );
    await seedOrganisations(ctx);
    await seedLegalRegistry(ctx);
    return await fn(ctx, config);
  } finally {
    await database.close();
  }
}

/** Print an error the way a person can act on it and set the exit code. */
export function reportError(error: unknown): void {
  if (error instanceof DomainError || error instanceof ConfigError) {
    process.stderr.write(`错误：${error.message}\n`);
    if (error instanceof DomainError)
      for (const issue of error.issues) process.stderr.write(`  ${issue.path.join('.')}: ${issue.message}\n`);
    process.exitCode = EXIT.userError;
    return;
  }
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT' && e.path) {
    process.stderr.write(`错误：找不到文件 ${e.path}\n`);
    process.exitCode = EXIT.userError;
    return;
  }
  process.stderr.write(`内部错误：${e?.message ?? String(error)}\n`);
  if (process.env.QUANZE_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
  else process.stderr.write('（设置 QUANZE_DEBUG=1 可查看详细堆栈）\n');
  process.exitCode = EXIT.internal;
}

/** Wrap a command action so that errors are reported, never thrown to commander. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      reportError(error);
    }
  };
}
