/**
 * Revisions of the legal-source registry: append one, read the newest (the current registry), one
 * by number, or the history without the registry bodies. There is no update or delete.
 */
import type { Db } from '../database.js';
import { preparedQuery } from '../prepared-query.js';
import type { LegalRegistryRevisionsTable } from '../tables/schema.js';

export type RegistryRevisionRow = LegalRegistryRevisionsTable;
export type RegistryRevisionHeader = Omit<RegistryRevisionRow, 'registry_json'>;

const HEADER_COLUMNS = ['id', 'revision_no', 'kind', 'change_json', 'changed_at', 'changed_by', 'changed_by_name'] as const;

/** The newest revision with its registry, or undefined before the registry is seeded. */
export function findLatestRevision(db: Db): Promise<RegistryRevisionRow | undefined> {
  return db.selectFrom('legal_registry_revisions').selectAll().orderBy('revision_no', 'desc').limit(1).executeTakeFirst();
}

/** The newest revision without its registry body (cheap: to compare against a cached one). */
export async function findLatestRevisionHeader(db: Db): Promise<RegistryRevisionHeader | undefined> {
  return (await latestRevisionHeader(db, {}))[0];
}

// every citation check asks it (each case page, each list read): compiled once
const latestRevisionHeader = preparedQuery<Record<string, never>, RegistryRevisionHeader>((db) =>
  db.selectFrom('legal_registry_revisions').select(HEADER_COLUMNS).orderBy('revision_no', 'desc').limit(1),
);

/** One revision by number, with its registry. */
export function findRevision(db: Db, revisionNo: number): Promise<RegistryRevisionRow | undefined> {
  return db.selectFrom('legal_registry_revisions').selectAll().where('revision_no', '=', revisionNo).executeTakeFirst();
}

/** The history, newest first, without the registry bodies. */
export function listRevisionHeaders(db: Db, limit: number, offset = 0): Promise<RegistryRevisionHeader[]> {
  return db
    .selectFrom('legal_registry_revisions')
    .select(HEADER_COLUMNS)
    .orderBy('revision_no', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** How many revisions there are. */
export async function countRevisions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('legal_registry_revisions')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Append a revision. Its number must be one past the newest: two writers racing for the same
 * number make the second fail on the unique key, which the caller reports as a conflict.
 */
export async function insertRevision(db: Db, row: RegistryRevisionRow): Promise<void> {
  revisionsGeneration++;
  await db.insertInto('legal_registry_revisions').values(row).execute();
  revisionsGeneration++;
}

let revisionsGeneration = 0;

/** Bumped by every revision written in this process: state cached before it is stale. */
export function registryRevisionsGeneration(): number {
  return revisionsGeneration;
}
