/** One officer's record; the read is audited. */
import type { TOfficer } from '../../contracts/users.js';
import { listConflicts } from '../../store/repositories/officers.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadOfficerFor } from './load-officer-for.js';
import { shanghaiDate } from './local-date.js';
import { presentOfficer } from './present-officer.js';

/** The officer `officerId` with certificate status and conflicts. */
export async function getOfficer(ctx: ServiceContext, officerId: string): Promise<TOfficer> {
  const { officer, tree } = await loadOfficerFor(ctx, 'officers.read', officerId);
  return inTransaction(ctx, async (tx) => {
    const conflicts = await listConflicts(tx.db, [officer.id]);
    await recordAudit(tx, { orgId: officer.org_id, action: 'officer.read', targetType: 'officer', targetId: officer.id });
    return presentOfficer(officer, conflicts, tree, shanghaiDate(tx.clock()));
  });
}
