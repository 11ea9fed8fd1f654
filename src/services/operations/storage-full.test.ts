import { describe, expect, it } from 'vitest';
import { isStorageFull } from './storage-full.js';

describe('isStorageFull', () => {
  it("recognises SQLite's, PostgreSQL's and the operating system's out-of-space errors", () => {
    expect(isStorageFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_SHMSIZE' }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('could not extend file'), { code: '53100' }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))).toBe(true);
  });

  it('looks through the causes of a wrapped error', () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(isStorageFull(new Error('import failed', { cause: new Error('worker', { cause: full }) }))).toBe(true);
  });

  it('does not take other database errors, or anything without a code, for a full disk', () => {
    expect(isStorageFull(Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(false);
    expect(isStorageFull(Object.assign(new Error('cannot rollback'), { code: 'SQLITE_ERROR' }))).toBe(false);
    expect(isStorageFull(Object.assign(new Error('out of memory'), { code: '53200' }))).toBe(false);
    expect(isStorageFull(new Error('boom'))).toBe(false);
    expect(isStorageFull(null)).toBe(false);
    expect(isStorageFull('SQLITE_FULL')).toBe(false);
  });
});
