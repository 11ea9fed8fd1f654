/** Organisations (the tenants): lookup and idempotent creation. */
import type { Db } from '../database.js';
import type { OrganisationsTable } from '../tables/schema.js';

export type OrganisationRow = OrganisationsTable;

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
  await db.insertInto('organisations').values(row).execute();
  return row;
}
