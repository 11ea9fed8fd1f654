/** Enforcement officers, their certificates and their declared conflicts of interest. */
import { sql } from 'kysely';
import { type Db, dialectOf } from '../database.js';
import { preparedQuery } from '../prepared-query.js';
import type { OfficerConflictsTable, OfficersTable, UsersTable } from '../tables/schema.js';

export type OfficerRow = OfficersTable;
export type OfficerConflictRow = OfficerConflictsTable;

/** An officer joined with their account's username and display name. */
export type OfficerWithUser = OfficerRow & { username: string; display_name: string };

const OFFICER_COLUMNS = [
  'officers.id',
  'officers.user_id',
  'officers.org_id',
  'officers.certificate_no',
  'officers.issuing_body',
  'officers.valid_from',
  'officers.valid_to',
  'officers.revoked_on',
  'officers.created_at',
  'officers.updated_at',
  'users.username',
  'users.display_name',
] as const;

/** Officers of the given organisations, by display name. */
export async function listOfficers(db: Db, orgIds: readonly string[]): Promise<OfficerWithUser[]> {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom('officers')
    .innerJoin('users', 'users.id', 'officers.user_id')
    .select(OFFICER_COLUMNS)
    .where('officers.org_id', 'in', [...orgIds])
    .orderBy('users.display_name')
    .orderBy('officers.id')
    .execute();
}

/** An officer with the party id of one declared conflict (null: none): one row per conflict. */
export type OfficerWithConflictParty = OfficerWithUser & { conflict_party_id: string | null };

/** The officers of an organisation joined with their accounts and their conflicts, as both reads below select them. */
function officersWithConflicts(db: Db, orgId: string) {
  return db
    .selectFrom('officers')
    .innerJoin('users', 'users.id', 'officers.user_id')
    .leftJoin('officer_conflicts', 'officer_conflicts.officer_id', 'officers.id')
    .select([...OFFICER_COLUMNS, 'officer_conflicts.party_id as conflict_party_id'])
    .where('officers.org_id', '=', orgId);
}

/**
 * Officers of an organisation with the party ids of their declared conflicts, in one query
 * (the case list names every case's officers with it): one row per conflict, or one with null.
 */
export function listOfficersWithConflictParties(db: Db, orgId: string): Promise<OfficerWithConflictParty[]> {
  return officersOfOrg(db, { orgId });
}

/**
 * The officers of an organisation among `officerIds`, and the one whose account is `userId`, with
 * their conflicts as `listOfficersWithConflictParties` gives them: what a case write or page needs,
 * without reading every officer of a large bureau.
 */
export function listOfficersByIdWithConflictParties(
  db: Db,
  query: { orgId: string; officerIds: readonly string[]; userId: string | null },
): Promise<OfficerWithConflictParty[]> {
  // the ids travel as one JSON array, so the statement keeps one shape for any number of them
  return officersById(db, { orgId: query.orgId, ids: JSON.stringify(query.officerIds), userId: query.userId ?? '' });
}

// compiled once per dialect: every case transition and case page runs it
const officersById = preparedQuery<{ orgId: string; ids: string; userId: string }, OfficerWithConflictParty>((db, p) => {
  const idIn =
    dialectOf(db) === 'postgres'
      ? sql<boolean>`${sql.ref('officers.id')} in (select json_array_elements_text(cast(${p('ids')} as json)))`
      : sql<boolean>`${sql.ref('officers.id')} in (select value from json_each(${p('ids')}))`;
  return officersWithConflicts(db, p('orgId')).where((eb) => eb.or([idIn, eb('officers.user_id', '=', p('userId'))]));
});

// compiled once per dialect: the case list reads it
const officersOfOrg = preparedQuery<{ orgId: string }, OfficerWithConflictParty>((db, p) =>
  officersWithConflicts(db, p('orgId')).orderBy('users.display_name').orderBy('officers.id'),
);

/** Officers of the given organisations whose account is active (for the public notice). */
export async function listActiveOfficers(db: Db, orgIds: readonly string[]): Promise<OfficerWithUser[]> {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom('officers')
    .innerJoin('users', 'users.id', 'officers.user_id')
    .select(OFFICER_COLUMNS)
    .where('officers.org_id', 'in', [...orgIds])
    .where('users.status', '=', 'active')
    .orderBy('users.display_name')
    .orderBy('officers.id')
    .execute();
}

/** An account that may be registered as an officer. */
export type OfficerCandidateRow = Pick<UsersTable, 'id' | 'org_id' | 'username' | 'display_name'>;

/**
 * The active staff accounts of the given organisations that have no officer record yet, by
 * username (the same order on every dialect: usernames are lower-case ASCII). Applicant bodies'
 * accounts (external) can never be officers, so they are left out too.
 */
export async function listOfficerCandidates(
  db: Db,
  orgIds: readonly string[],
  excludedRoles: readonly string[] = [],
): Promise<OfficerCandidateRow[]> {
  if (orgIds.length === 0) return [];
  let query = db
    .selectFrom('users')
    .leftJoin('officers', 'officers.user_id', 'users.id')
    .select(['users.id', 'users.org_id', 'users.username', 'users.display_name'])
    .where('users.org_id', 'in', [...orgIds])
    .where('users.status', '=', 'active')
    .where('users.external', '=', 0)
    .where('officers.id', 'is', null);
  if (excludedRoles.length > 0) {
    query = query.where('users.id', 'not in', (eb) =>
      eb
        .selectFrom('role_grants')
        .select('user_id')
        .where('role', 'in', [...excludedRoles]),
    );
  }
  return query.orderBy('users.username').orderBy('users.id').execute();
}

/** One officer by id, or undefined. */
export function findOfficer(db: Db, id: string): Promise<OfficerWithUser | undefined> {
  return db
    .selectFrom('officers')
    .innerJoin('users', 'users.id', 'officers.user_id')
    .select(OFFICER_COLUMNS)
    .where('officers.id', '=', id)
    .executeTakeFirst();
}

/** The officer record of an account, or undefined. */
export function findOfficerByUser(db: Db, userId: string): Promise<OfficerRow | undefined> {
  return db.selectFrom('officers').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Insert an officer. */
export async function insertOfficer(db: Db, row: OfficerRow): Promise<void> {
  await db.insertInto('officers').values(row).execute();
}

/** Update the certificate columns of an officer. */
export async function updateOfficer(db: Db, id: string, changes: Partial<Omit<OfficerRow, 'id' | 'user_id'>>): Promise<void> {
  await db.updateTable('officers').set(changes).where('id', '=', id).execute();
}

/** The declared conflicts of the given officers. */
export async function listConflicts(db: Db, officerIds: readonly string[]): Promise<OfficerConflictRow[]> {
  if (officerIds.length === 0) return [];
  const result: OfficerConflictRow[] = [];
  for (let i = 0; i < officerIds.length; i += 500) {
    const batch = officerIds.slice(i, i + 500);
    result.push(
      ...(await db
        .selectFrom('officer_conflicts')
        .selectAll()
        .where('officer_id', 'in', batch)
        .orderBy('declared_on')
        .orderBy('id')
        .execute()),
    );
  }
  return result;
}

/** One conflict by id, or undefined. */
export function findConflict(db: Db, id: string): Promise<OfficerConflictRow | undefined> {
  return db.selectFrom('officer_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Insert a conflict declaration. */
export async function insertConflict(db: Db, row: OfficerConflictRow): Promise<void> {
  await db.insertInto('officer_conflicts').values(row).execute();
}

/** Delete a conflict declaration (withdrawn; the audit log keeps it). */
export async function deleteConflict(db: Db, id: string): Promise<void> {
  await db.deleteFrom('officer_conflicts').where('id', '=', id).execute();
}
