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

/** Open cases per organisation whose nearest running deadline falls on or before `date` (YYYY-MM-DD). */
export async function openCasesDueOnOrBefore(db: Db, date: string): Promise<{ orgCode: string; count: number }[]> {
  const rows = await db
    .selectFrom('cases')
    .innerJoin('organisations', 'organisations.id', 'cases.org_id')
    .select((eb) => ['organisations.code as orgCode', eb.fn.countAll<number>().as('n')])
    .where('cases.status', '=', 'open')
    .where('cases.next_due', 'is not', null)
    .where('cases.next_due', '<=', date)
    .groupBy('organisations.code')
    .execute();
  return rows.map((r) => ({ orgCode: r.orgCode, count: Number(r.n) }));
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
  // One round trip: this runs before every public read, and most of them end in a 304 or a kept body.
  const result = await sql<{ org_name: string; latest: number | null; asked: number | null; revision: string | null }>`
    select o.name as org_name,
      (select max(v.version_no) from power_list_versions v where v.org_id = o.id and v.state = 'published') as latest,
      (select v.version_no from power_list_versions v where v.org_id = o.id and v.version_no = ${versionNo ?? 0} and v.state = 'published') as asked,
      (select cast(r.revision_no as text) || ':' || r.id from legal_registry_revisions r order by r.revision_no desc limit 1) as revision
    from organisations o where o.code = ${orgCode}`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const latestVersionNo = Number(row.latest ?? 0);
  return {
    orgName: row.org_name,
    latestVersionNo,
    versionExists: versionNo === undefined ? latestVersionNo > 0 : row.asked !== null,
    registryRevision: row.revision,
  };
}
