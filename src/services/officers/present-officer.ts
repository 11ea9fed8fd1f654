/** Officers with certificates and conflicts as the API shows them (src/contracts/users.ts). */
import type { TOfficer, TPublicOfficer } from '../../contracts/users.js';
import { certificateStatusOn, type EnforcementCertificate } from '../../domain/access/certificates.js';
import type { OrgTree } from '../../domain/access/organisations.js';
import type { OfficerConflictRow, OfficerWithUser } from '../../store/repositories/officers.repository.js';
import { orgRef, requireOrgById } from '../organisations/load-org-tree.js';

/** The stored certificate as the domain's EnforcementCertificate. */
export function certificateOf(
  row: Pick<OfficerWithUser, 'certificate_no' | 'issuing_body' | 'valid_from' | 'valid_to' | 'revoked_on'>,
): EnforcementCertificate {
  return {
    number: row.certificate_no,
    issuingBody: row.issuing_body,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    revokedOn: row.revoked_on,
  };
}

/** An officer with their certificate's status on `today` and their declared conflicts. */
export function presentOfficer(row: OfficerWithUser, conflicts: readonly OfficerConflictRow[], tree: OrgTree, today: string): TOfficer {
  const certificate = certificateOf(row);
  return {
    id: row.id,
    user: { id: row.user_id, username: row.username, displayName: row.display_name },
    organisation: orgRef(requireOrgById(tree, row.org_id)),
    certificate: {
      number: certificate.number,
      issuingBody: certificate.issuingBody,
      validFrom: certificate.validFrom,
      validTo: certificate.validTo,
      revokedOn: row.revoked_on,
      status: certificateStatusOn(certificate, today),
    },
    conflicts: conflicts
      .filter((c) => c.officer_id === row.id)
      .map((c) => ({ id: c.id, partyId: c.party_id, partyName: c.party_name, reason: c.reason, declaredOn: c.declared_on })),
  };
}

/** What the public notice shows of an officer: name, organisation, certificate — no conflicts, no account. */
export function presentPublicOfficer(row: OfficerWithUser, tree: OrgTree, today: string): TPublicOfficer {
  const certificate = certificateOf(row);
  const org = requireOrgById(tree, row.org_id);
  return {
    displayName: row.display_name,
    organisation: { code: org.code, name: org.name },
    certificateNumber: certificate.number,
    issuingBody: certificate.issuingBody,
    validFrom: certificate.validFrom,
    validTo: certificate.validTo,
    status: certificateStatusOn(certificate, today),
  };
}
