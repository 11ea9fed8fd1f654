/** Organisations (the tenants): lookup and idempotent creation. */
import type { Db } from '../database.js';
import type { OrganisationsTable } from '../tables/schema.js';

export type OrganisationRow = OrganisationsTable;

let generation = 0;

/** Bumped by every write of an organisation in this process: cached trees older than it are stale. */
export function organisationsGeneration(): number {
  return generation;
}

/** The organisation with this code, or undefined. */
export function findOrganisationByCode(db: Db, code: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('code', '=', code).executeTakeFirst();
}

/** All organisations, parents before children is not guaranteed. */
export function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.selectFrom('organisations').selectAll().orderBy('code').execute();
}

/** Insert an organisation unless one with its code exists; returns the stored row. */
export async function ensureOrganisation(db: Db, row: OrganisationRow): Promise<OrganisationRow> {
  const existing = await findOrganisationByCode(db, row.code);
  if (existing) return existing;
  generation++;
  await db.insertInto('organisations').values(row).execute();
  generation++;
  return row;
}

/** The organisation with this id, or undefined. */
export function findOrganisationById(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Insert an organisation. */
export async function insertOrganisation(db: Db, row: OrganisationRow): Promise<void> {
  generation++;
  await db.insertInto('organisations').values(row).execute();
  generation++;
}

/** Change the name or document prefix of an organisation. */
export async function updateOrganisation(
  db: Db,
  id: string,
  changes: Partial<Pick<OrganisationRow, 'name' | 'doc_prefix'>>,
): Promise<void> {
  generation++;
  await db.updateTable('organisations').set(changes).where('id', '=', id).execute();
  generation++;
}
