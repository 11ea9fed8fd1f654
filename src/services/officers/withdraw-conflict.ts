/** Withdrawing a declared conflict of interest (撤回申报); the audit log keeps what it was. */
import type { TOfficer } from '../../contracts/users.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { deleteConflict, findConflict, listConflicts } from '../../store/repositories/officers.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadOfficerFor } from './load-officer-for.js';
import { shanghaiDate } from './local-date.js';
import { presentOfficer } from './present-officer.js';

/** Removes the declaration `conflictId` of the officer. @throws DomainError 'not-found' */
export async function withdrawConflict(ctx: ServiceContext, officerId: string, conflictId: string): Promise<TOfficer> {
  const { officer, tree } = await loadOfficerFor(ctx, 'officers.write', officerId);
  const conflict = await findConflict(ctx.db, conflictId);
  if (!conflict || conflict.officer_id !== officer.id) throw new DomainError(ERROR_CODES.notFound, '该利害关系申报不存在。');
  return inTransaction(ctx, async (tx) => {
    await deleteConflict(tx.db, conflict.id);
    await recordAudit(tx, {
      orgId: officer.org_id,
      action: 'officer.conflict-withdraw',
      targetType: 'officer',
      targetId: officer.id,
      details: {
        conflictId: conflict.id,
        partyId: conflict.party_id,
        partyName: conflict.party_name,
        reason: conflict.reason,
        declaredOn: conflict.declared_on,
      },
    });
    return presentOfficer(officer, await listConflicts(tx.db, [officer.id]), tree, shanghaiDate(tx.clock()));
  });
}
