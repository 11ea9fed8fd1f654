/**
 * Database errors the services act on, recognised the same way on both engines.
 */

/** Whether an error is a unique-key (or primary-key) violation: SQLite's constraint codes, PostgreSQL's 23505. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
