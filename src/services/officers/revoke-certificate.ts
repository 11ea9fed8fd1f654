/** Recording that an officer's certificate was revoked or cancelled (吊销/注销) from a day on. */
import type { TOfficer } from '../../contracts/users.js';
import { isIsoDate } from '../../domain/access/certificates.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { listConflicts, updateOfficer } from '../../store/repositories/officers.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadOfficerFor } from './load-officer-for.js';
import { shanghaiDate } from './local-date.js';
import { presentOfficer } from './present-officer.js';

/** Marks the certificate revoked on `revokedOn`; from that day the officer may not act. */
export async function revokeCertificate(ctx: ServiceContext, officerId: string, revokedOn: string): Promise<TOfficer> {
  const { officer, tree } = await loadOfficerFor(ctx, 'officers.write', officerId);
  if (!isIsoDate(revokedOn))
    throw new DomainError(ERROR_CODES.validation, '吊销日期不存在。', { issues: [{ path: ['revokedOn'], message: '日期不存在' }] });
  if (officer.revoked_on !== null) throw new DomainError(ERROR_CODES.conflict, `该执法证已于 ${officer.revoked_on} 吊销或注销。`);
  return inTransaction(ctx, async (tx) => {
    await updateOfficer(tx.db, officer.id, { revoked_on: revokedOn, updated_at: tx.clock().toISOString() });
    await recordAudit(tx, {
      orgId: officer.org_id,
      action: 'officer.certificate-revoke',
      targetType: 'officer',
      targetId: officer.id,
      details: { certificateNumber: officer.certificate_no, revokedOn },
    });
    return presentOfficer({ ...officer, revoked_on: revokedOn }, await listConflicts(tx.db, [officer.id]), tree, shanghaiDate(tx.clock()));
  });
}
