/**
 * Registering an account as an enforcement officer with their certificate (登记执法证): by the
 * system administrator or the head (负责人) of the officer's organisation.
 */
import type { TOfficer } from '../../contracts/users.js';
import { isRoleId, isSeparatedAdminRole } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findOfficer, findOfficerByUser, insertOfficer } from '../../store/repositories/officers.repository.js';
import { listGrantsOfUser } from '../../store/repositories/role-grants.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadUserFor } from '../users/load-user-for.js';
import { shanghaiDate } from './local-date.js';
import { presentOfficer } from './present-officer.js';
import { requireValidCertificateDates } from './validate-certificate.js';

export interface RegisterOfficerOptions {
  userId: string;
  certificateNumber: string;
  issuingBody: string;
  validFrom: string;
  validTo: string;
}

/**
 * Creates the officer record of a staff account.
 * @throws DomainError 'conflict' for an applicant or administrator account, an account already registered or a
 *   certificate number already used in the organisation; 'validation' for bad dates.
 */
export async function registerOfficer(ctx: ServiceContext, options: RegisterOfficerOptions): Promise<TOfficer> {
  const { user, tree } = await loadUserFor(ctx, 'officers.write', options.userId);
  if (user.external === 1) throw new DomainError(ERROR_CODES.conflict, '申请单位账号不能登记为执法人员。');
  // 三员分立: the three administrators hold no business role, and an officer's certificate is one.
  const grants = await listGrantsOfUser(ctx.db, user.id);
  if (grants.some((g) => isRoleId(g.role) && isSeparatedAdminRole(g.role))) {
    throw new DomainError(ERROR_CODES.conflict, '三员分立：系统管理员、安全保密管理员和安全审计员的账号不能登记为执法人员。');
  }
  requireValidCertificateDates(options.validFrom, options.validTo);
  return inTransaction(ctx, async (tx) => {
    if (await findOfficerByUser(tx.db, user.id))
      throw new DomainError(ERROR_CODES.conflict, '该账号已登记为执法人员，请更新其执法证信息。');
    await requireCertificateNumberFree(tx, user.org_id, options.certificateNumber, null);
    const at = tx.clock().toISOString();
    const id = tx.newId();
    await insertOfficer(tx.db, {
      id,
      user_id: user.id,
      org_id: user.org_id,
      certificate_no: options.certificateNumber,
      issuing_body: options.issuingBody,
      valid_from: options.validFrom,
      valid_to: options.validTo,
      revoked_on: null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(tx, {
      orgId: user.org_id,
      action: 'officer.register',
      targetType: 'officer',
      targetId: id,
      details: {
        userId: user.id,
        certificateNumber: options.certificateNumber,
        issuingBody: options.issuingBody,
        validFrom: options.validFrom,
        validTo: options.validTo,
      },
    });
    const officer = await findOfficer(tx.db, id);
    if (!officer) throw new Error('the officer just inserted must be readable');
    return presentOfficer(officer, [], tree, shanghaiDate(tx.clock()));
  });
}

/** @throws DomainError 'conflict' when another officer of the organisation holds the number */
export async function requireCertificateNumberFree(
  ctx: ServiceContext,
  orgId: string,
  number: string,
  exceptOfficerId: string | null,
): Promise<void> {
  let query = ctx.db.selectFrom('officers').select('id').where('org_id', '=', orgId).where('certificate_no', '=', number);
  if (exceptOfficerId !== null) query = query.where('id', '!=', exceptOfficerId);
  if (await query.executeTakeFirst()) {
    throw new DomainError(ERROR_CODES.conflict, `执法证号 ${number} 已登记给本机构的其他执法人员。`, {
      issues: [{ path: ['certificateNumber'], message: '执法证号已被登记' }],
    });
  }
}
