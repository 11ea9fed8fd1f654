/** Sign-in sessions, found by the SHA-256 of their token. */
import type { Db } from '../database.js';
import { preparedQuery } from '../prepared-query.js';
import type { SessionsTable } from '../tables/schema.js';

export type SessionRow = SessionsTable;

/** The session whose token hashes to `tokenHash`, or undefined. */
export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  return (await sessionByTokenHash(db, { tokenHash }))[0];
}

// every authenticated request runs it: compiled once
const sessionByTokenHash = preparedQuery<{ tokenHash: string }, SessionRow>((db, p) =>
  db.selectFrom('sessions').selectAll().where('token_hash', '=', p('tokenHash')),
);

/** Insert a session. */
export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** Record activity on a session. */
export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** End one session; returns whether it was still open. */
export async function revokeSession(db: Db, id: string, at: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: at, revoke_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** End every open session of an account; returns how many were open. */
export async function revokeSessionsOfUser(db: Db, userId: string, at: string, reason: string): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: at, revoke_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
