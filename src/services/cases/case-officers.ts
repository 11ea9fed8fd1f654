/**
 * The officers of a case as the rules and the page see them: certificate, declared conflicts, name.
 */
import type { OfficerOnCase } from '../../domain/supervision/rules.js';
import type { Db } from '../../store/database.js';
import { listConflicts, listOfficers } from '../../store/repositories/officers.repository.js';
import { certificateOf } from '../officers/present-officer.js';
import type { OfficerView } from './present-case.js';

export type CaseOfficer = OfficerOnCase & OfficerView;

/** The officers of an organisation by id (all of them, to resolve names and check assignments). */
export async function loadOfficersOf(db: Db, orgIds: readonly string[]): Promise<Map<string, CaseOfficer>> {
  const rows = await listOfficers(db, orgIds);
  const conflicts = await listConflicts(
    db,
    rows.map((r) => r.id),
  );
  const byId = new Map<string, CaseOfficer>();
  for (const row of rows) {
    byId.set(row.id, {
      id: row.id,
      userId: row.user_id,
      name: row.display_name,
      certificate: certificateOf(row),
      conflictPartyIds: conflicts.filter((c) => c.officer_id === row.id).map((c) => c.party_id),
    });
  }
  return byId;
}
