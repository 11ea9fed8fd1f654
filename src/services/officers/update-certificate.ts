/** Recording a new or renewed certificate of an officer (换证): the old one's facts stay in the audit log. */
import type { TOfficer } from '../../contracts/users.js';
import { findOfficer, listConflicts, updateOfficer } from '../../store/repositories/officers.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { loadOfficerFor } from './load-officer-for.js';
import { shanghaiDate } from './local-date.js';
import { presentOfficer } from './present-officer.js';
import { requireCertificateNumberFree } from './register-officer.js';
import { requireValidCertificateDates } from './validate-certificate.js';

export interface UpdateCertificateOptions {
  certificateNumber: string;
  issuingBody: string;
  validFrom: string;
  validTo: string;
}

/** Replaces the officer's certificate (a revocation of the old one is cleared). */
export async function updateCertificate(ctx: ServiceContext, officerId: string, options: UpdateCertificateOptions): Promise<TOfficer> {
  const { officer, tree } = await loadOfficerFor(ctx, 'officers.write', officerId);
  requireValidCertificateDates(options.validFrom, options.validTo);
  return inTransaction(ctx, async (tx) => {
    await requireCertificateNumberFree(tx, officer.org_id, options.certificateNumber, officer.id);
    await updateOfficer(tx.db, officer.id, {
      certificate_no: options.certificateNumber,
      issuing_body: options.issuingBody,
      valid_from: options.validFrom,
      valid_to: options.validTo,
      revoked_on: null,
      updated_at: tx.clock().toISOString(),
    });
    await recordAudit(tx, {
      orgId: officer.org_id,
      action: 'officer.certificate-update',
      targetType: 'officer',
      targetId: officer.id,
      details: {
        before: {
          certificateNumber: officer.certificate_no,
          issuingBody: officer.issuing_body,
          validFrom: officer.valid_from,
          validTo: officer.valid_to,
          revokedOn: officer.revoked_on,
        },
        after: { ...options },
      },
    });
    const updated = await findOfficer(tx.db, officer.id);
    if (!updated) throw new Error('the officer just updated must be readable');
    return presentOfficer(updated, await listConflicts(tx.db, [officer.id]), tree, shanghaiDate(tx.clock()));
  });
}
