/**
 * Recording a conflict of interest an officer declared with a party (利害关系申报); the recusal
 * checks of cases read these (an officer with a declared conflict cannot be assigned).
 */
import type { TOfficer } from '../../contracts/users.js';
import { isIsoDate } from '../../domain/access/certificates.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { insertConflict, listConflicts } from '../../store/repositories/officers.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadOfficerFor } from './load-officer-for.js';
import { shanghaiDate } from './local-date.js';
import { presentOfficer } from './present-officer.js';

export interface DeclareConflictOptions {
  partyId: string;
  partyName: string;
  reason: string;
  /** default: today (Asia/Shanghai) */
  declaredOn?: string | undefined;
}

/** Adds the declaration. @throws DomainError 'conflict' when the same party is already declared */
export async function declareConflict(ctx: ServiceContext, officerId: string, options: DeclareConflictOptions): Promise<TOfficer> {
  const { officer, tree } = await loadOfficerFor(ctx, 'officers.write', officerId);
  const declaredOn = options.declaredOn ?? shanghaiDate(ctx.clock());
  if (!isIsoDate(declaredOn))
    throw new DomainError(ERROR_CODES.validation, '申报日期不存在。', { issues: [{ path: ['declaredOn'], message: '日期不存在' }] });
  return inTransaction(ctx, async (tx) => {
    const existing = await listConflicts(tx.db, [officer.id]);
    if (existing.some((c) => c.party_id === options.partyId)) {
      throw new DomainError(ERROR_CODES.conflict, '已申报过与该当事人的利害关系。', { issues: [{ path: ['partyId'], message: '已申报' }] });
    }
    const id = tx.newId();
    await insertConflict(tx.db, {
      id,
      officer_id: officer.id,
      org_id: officer.org_id,
      party_id: options.partyId,
      party_name: options.partyName,
      reason: options.reason,
      declared_on: declaredOn,
      created_at: tx.clock().toISOString(),
    });
    await recordAudit(tx, {
      orgId: officer.org_id,
      action: 'officer.conflict-declare',
      targetType: 'officer',
      targetId: officer.id,
      details: { conflictId: id, partyId: options.partyId, partyName: options.partyName, reason: options.reason, declaredOn },
    });
    return presentOfficer(officer, await listConflicts(tx.db, [officer.id]), tree, shanghaiDate(tx.clock()));
  });
}
