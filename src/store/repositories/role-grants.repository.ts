/** Role grants: which account holds which role on which organisation. */
import type { Db } from '../database.js';
import { preparedQuery } from '../prepared-query.js';
import type { RoleGrantsTable } from '../tables/schema.js';

export type RoleGrantRow = RoleGrantsTable;

/** Every grant of an account. */
export function listGrantsOfUser(db: Db, userId: string): Promise<RoleGrantRow[]> {
  return grantsOfUser(db, { userId });
}

// every authenticated request runs it: compiled once
const grantsOfUser = preparedQuery<{ userId: string }, RoleGrantRow>((db, p) =>
  db.selectFrom('role_grants').selectAll().where('user_id', '=', p('userId')).orderBy('granted_at').orderBy('id'),
);

/** Every grant of the given accounts. */
export async function listGrantsOfUsers(db: Db, userIds: readonly string[]): Promise<RoleGrantRow[]> {
  if (userIds.length === 0) return [];
  const result: RoleGrantRow[] = [];
  // Batches keep each statement under SQLite's variable limit.
  for (let i = 0; i < userIds.length; i += 500) {
    const batch = userIds.slice(i, i + 500);
    result.push(
      ...(await db.selectFrom('role_grants').selectAll().where('user_id', 'in', batch).orderBy('granted_at').orderBy('id').execute()),
    );
  }
  return result;
}

/** One grant by id, or undefined. */
export function findGrant(db: Db, id: string): Promise<RoleGrantRow | undefined> {
  return db.selectFrom('role_grants').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Insert a grant. */
export async function insertGrant(db: Db, row: RoleGrantRow): Promise<void> {
  await db.insertInto('role_grants').values(row).execute();
}

/** Change the scope of an existing grant. */
export async function updateGrantScope(db: Db, id: string, scope: RoleGrantRow['scope']): Promise<void> {
  await db.updateTable('role_grants').set({ scope }).where('id', '=', id).execute();
}

/** Delete a grant (the audit log keeps the history). */
export async function deleteGrant(db: Db, id: string): Promise<void> {
  await db.deleteFrom('role_grants').where('id', '=', id).execute();
}
