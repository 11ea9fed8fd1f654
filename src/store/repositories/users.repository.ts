/** Accounts: lookup, creation and the updates of sign-in state. Instants are ISO-8601 UTC text. */
import type { Db } from '../database.js';
import { preparedQuery } from '../prepared-query.js';
import type { UsersTable } from '../tables/schema.js';

export type UserRow = UsersTable;

/** The account with this id, or undefined. */
export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return (await userById(db, { id }))[0];
}

// every authenticated request runs it: compiled once
const userById = preparedQuery<{ id: string }, UserRow>((db, p) => db.selectFrom('users').selectAll().where('id', '=', p('id')));

/** The account with this username (stored lower-case), or undefined. */
export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

/** How many accounts exist (first-run setup is offered while there are none). */
export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface UserListFilter {
  orgIds: readonly string[];
  status?: UserRow['status'] | undefined;
}

/** Accounts of the given organisations, by username. */
export async function listUsers(db: Db, filter: UserListFilter): Promise<UserRow[]> {
  if (filter.orgIds.length === 0) return [];
  let query = db
    .selectFrom('users')
    .selectAll()
    .where('org_id', 'in', [...filter.orgIds]);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('username').execute();
}

/** Insert an account. */
export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** Update some columns of an account. */
export async function updateUser(db: Db, id: string, changes: Partial<Omit<UserRow, 'id'>>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/**
 * Locks the account's row for the rest of the transaction and returns it (undefined when there is
 * no such account). A no-op UPDATE takes the lock on both engines: the row lock on PostgreSQL and
 * the write lock on SQLite (a plain SELECT in a deferred SQLite transaction locks nothing, so a
 * writer from another process could slip in between the read and the write).
 */
export async function lockUser(db: Db, id: string): Promise<UserRow | undefined> {
  if (!db.isTransaction) throw new Error('lockUser must run inside a transaction');
  await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb.ref('failed_logins') }))
    .where('id', '=', id)
    .execute();
  return findUserById(db, id);
}

/** The sign-in counters of an account, locked for the transaction (see lockUser). */
export async function lockUserLoginState(db: Db, id: string): Promise<{ failed_logins: number; last_failed_at: string | null }> {
  const row = await lockUser(db, id);
  if (row === undefined) throw new Error(`account ${id} vanished during sign-in`);
  return { failed_logins: Number(row.failed_logins), last_failed_at: row.last_failed_at };
}
