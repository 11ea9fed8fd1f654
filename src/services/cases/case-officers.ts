/**
 * The officers of a case as the rules and the page see them: certificate, declared conflicts, name.
 */
import type { OfficerOnCase } from '../../domain/supervision/rules.js';
import type { Db } from '../../store/database.js';
import {
  listOfficersByIdWithConflictParties,
  listOfficersWithConflictParties,
  type OfficerWithConflictParty,
} from '../../store/repositories/officers.repository.js';
import { certificateOf } from '../officers/present-officer.js';
import type { OfficerView } from './present-case.js';

export type CaseOfficer = OfficerOnCase & OfficerView;

/** The officers of organisations by id (all of them: the case list names every case's officers). */
export async function loadOfficersOf(db: Db, orgIds: readonly string[]): Promise<Map<string, CaseOfficer>> {
  return officersByIdOf((await Promise.all(orgIds.map((orgId) => listOfficersWithConflictParties(db, orgId)))).flat());
}

/**
 * The officers one case needs: those of its organisation among `officerIds` (the case's, or the ones
 * being assigned) and the acting user's own officer record. Ids of other organisations' officers are
 * left out, as unknown ones are.
 */
export async function loadCaseOfficers(
  db: Db,
  orgId: string,
  officerIds: readonly string[],
  actorUserId: string | null = null,
): Promise<Map<string, CaseOfficer>> {
  return officersByIdOf(await listOfficersByIdWithConflictParties(db, { orgId, officerIds, userId: actorUserId }));
}

function officersByIdOf(rows: readonly OfficerWithConflictParty[]): Map<string, CaseOfficer> {
  const byId = new Map<string, CaseOfficer>();
  const conflicts = new Map<string, string[]>();
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
