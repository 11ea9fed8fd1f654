/**
 * The officers of a case as the rules and the page see them: certificate, declared conflicts, name.
 */
import type { OfficerOnCase } from '../../domain/supervision/rules.js';
import type { Db } from '../../store/database.js';
import { listOfficersWithConflictParties } from '../../store/repositories/officers.repository.js';
import { certificateOf } from '../officers/present-officer.js';
import type { OfficerView } from './present-case.js';

export type CaseOfficer = OfficerOnCase & OfficerView;

/** The officers of an organisation by id (all of them, to resolve names and check assignments). */
export async function loadOfficersOf(db: Db, orgIds: readonly string[]): Promise<Map<string, CaseOfficer>> {
  const byId = new Map<string, CaseOfficer>();
  const conflicts = new Map<string, string[]>();
  const rows = (await Promise.all(orgIds.map((orgId) => listOfficersWithConflictParties(db, orgId)))).flat();
  for (const row of rows) {
    let parties = conflicts.get(row.id);
    if (!parties) {
      parties = [];
      conflicts.set(row.id, parties);
      byId.set(row.id, {
        id: row.id,
        userId: row.user_id,
        name: row.display_name,
        certificate: certificateOf(row),
        conflictPartyIds: parties,
      });
    }
    if (row.conflict_party_id !== null) parties.push(row.conflict_party_id);
  }
  return byId;
}
