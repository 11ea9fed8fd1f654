/**
 * What operations ask of the database: is it there, how long is each audit chain, and the few
 * header fields a public read's validator (ETag) depends on — all cheap queries, none reading a list.
 */
import { sql } from 'kysely';
import type { Db } from './database.js';

/** Round-trips one trivial query; throws when the database cannot be reached. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** The number of records in each organisation's audit chain (its head's sequence number). */
export async function auditChainLengths(db: Db): Promise<{ orgCode: string; length: number }[]> {
  const rows = await db
    .selectFrom('audit_heads')
    .innerJoin('organisations', 'organisations.id', 'audit_heads.org_id')
    .select(['organisations.code as orgCode', 'audit_heads.seq as seq'])
    .execute();
  return rows.map((r) => ({ orgCode: r.orgCode, length: Number(r.seq) }));
}

/** What a public read of an organisation's list depends on besides the (immutable) version body. */
export interface PublicReadState {
  orgName: string;
  /** the version a read without a number shows; 0 when nothing is published */
  latestVersionNo: number;
  /** whether the asked-for version exists (always true when none was asked for and one is published) */
  versionExists: boolean;
  /** the newest legal-registry revision (id and number), or null before the seed */
  registryRevision: string | null;
}

/** The state of `orgCode`'s published list that a read of `versionNo` (or the current one) depends on; undefined for an unknown organisation. */
export async function publicReadState(db: Db, orgCode: string, versionNo: number | undefined): Promise<PublicReadState | undefined> {
  const org = await db.selectFrom('organisations').select(['id', 'name']).where('code', '=', orgCode).executeTakeFirst();
  if (!org) return undefined;
  const latest = await db
    .selectFrom('power_list_versions')
    .select((eb) => eb.fn.max('version_no').as('n'))
    .where('org_id', '=', org.id)
    .executeTakeFirst();
  const latestVersionNo = Number(latest?.n ?? 0);
  const versionExists =
    versionNo === undefined
      ? latestVersionNo > 0
      : (await db
          .selectFrom('power_list_versions')
          .select('id')
          .where('org_id', '=', org.id)
          .where('version_no', '=', versionNo)
          .executeTakeFirst()) !== undefined;
  const revision = await db
    .selectFrom('legal_registry_revisions')
    .select(['id', 'revision_no'])
    .orderBy('revision_no', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    orgName: org.name,
    latestVersionNo,
    versionExists,
    registryRevision: revision ? `${revision.revision_no}:${revision.id}` : null,
  };
}
