/** Checks of certificate dates that the request schema cannot make alone. */
import { isIsoDate } from '../../domain/access/certificates.js';
import { DomainError, ERROR_CODES, type FieldIssue } from '../../domain/errors.js';

/** @throws DomainError 'validation' for a date that does not exist or a validity that ends before it starts */
export function requireValidCertificateDates(validFrom: string, validTo: string): void {
  const issues: FieldIssue[] = [];
  if (!isIsoDate(validFrom)) issues.push({ path: ['validFrom'], message: '日期不存在' });
  if (!isIsoDate(validTo)) issues.push({ path: ['validTo'], message: '日期不存在' });
  if (issues.length === 0 && validTo < validFrom) issues.push({ path: ['validTo'], message: '有效期截止日不能早于起始日' });
  if (issues.length > 0) throw new DomainError(ERROR_CODES.validation, '执法证有效期填写有误。', { issues });
}
