/**
 * Whether an error means the server has run out of space to write: SQLite's SQLITE_FULL (the disk
 * or the database's size limit is full) and SQLITE_IOERR_SHMSIZE (its WAL index could not grow),
 * PostgreSQL's disk_full (SQLSTATE 53100), and the operating system's ENOSPC. Looked for through
 * `cause` as well, for errors a use case wrapped. The HTTP layer answers these with 507: nothing of
 * the request was stored, and the same request can succeed once space is freed.
 */
const STORAGE_FULL_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', '53100', 'ENOSPC']);

export function isStorageFull(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && STORAGE_FULL_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
