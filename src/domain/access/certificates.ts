/**
 * Enforcement certificates (行政执法证) and declared conflicts of interest (利害关系).
 *
 * Only an officer holding a certificate valid on the day may act in a case (《行政处罚法》第四十二条:
 * 行政处罚应当由具有行政执法资格的执法人员实施), and an officer who declared a conflict with a party
 * must not handle that party's case (第四十三条, 回避). Dates are local calendar dates `YYYY-MM-DD` (Asia/Shanghai);
 * the caller turns "now" into today's date, this module never reads a clock.
 */
import { DomainError, ERROR_CODES } from '../errors.js';

/** One enforcement certificate (执法证). */
export interface EnforcementCertificate {
  /** 执法证号 */
  number: string;
  /** 发证机关 */
  issuingBody: string;
  /** first day of validity, inclusive */
  validFrom: string;
  /** last day of validity, inclusive */
  validTo: string;
  /** day from which the certificate was revoked or cancelled (吊销/注销), if it was */
  revokedOn?: string | null;
}

/** A conflict of interest an officer declared with a party (当事人). */
export interface ConflictDeclaration {
  partyId: string;
  /** why, in the officer's words (近亲属、曾任职 …) */
  reason: string;
  /** the day of the declaration */
  declaredOn: string;
}

/** The parts of an officer record that decide whether they may act in a case. */
export interface OfficerQualification {
  certificate: EnforcementCertificate | null;
  conflicts: readonly ConflictDeclaration[];
}

/** Why a certificate is or is not valid on a day. */
export type CertificateStatus = 'valid' | 'not-yet-valid' | 'expired' | 'revoked';

/**
 * The status of a certificate on a day: valid from `validFrom` through `validTo`, both inclusive,
 * unless revoked on or before that day.
 * @throws DomainError 'validation' when a date is not a real `YYYY-MM-DD` date.
 */
export function certificateStatusOn(cert: EnforcementCertificate, date: string): CertificateStatus {
  const day = requireDate(date, 'date');
  const from = requireDate(cert.validFrom, 'validFrom');
  const to = requireDate(cert.validTo, 'validTo');
  // Same-length zero-padded dates compare correctly as strings.
  if (cert.revokedOn != null && requireDate(cert.revokedOn, 'revokedOn') <= day) return 'revoked';
  if (day < from) return 'not-yet-valid';
  if (day > to) return 'expired';
  return 'valid';
}

/** Whether the certificate is valid on the day (`YYYY-MM-DD`, bounds inclusive). */
export function isCertificateValidOn(cert: EnforcementCertificate, date: string): boolean {
  return certificateStatusOn(cert, date) === 'valid';
}

/** Whether the officer declared a conflict of interest with the party. */
export function hasConflictWith(officer: Pick<OfficerQualification, 'conflicts'>, partyId: string): boolean {
  return officer.conflicts.some((conflict) => conflict.partyId === partyId);
}

/** A reason an officer may not act, with a Chinese message. */
export interface EligibilityIssue {
  code: 'no-certificate' | CertificateStatus | 'conflict-of-interest';
  message: string;
}

/**
 * Why an officer may not act in a case involving `partyIds` on day `on`; empty when they may.
 * Used by the procedure engine to refuse assigning an officer (and to explain why).
 */
export function officerEligibilityIssues(
  officer: OfficerQualification,
  options: { on: string; partyIds: readonly string[] },
): EligibilityIssue[] {
  const issues: EligibilityIssue[] = [];
  const cert = officer.certificate;
  if (cert === null) {
    issues.push({ code: 'no-certificate', message: '未登记行政执法证件，不能从事执法活动。' });
  } else {
    const status = certificateStatusOn(cert, options.on);
    if (status !== 'valid') issues.push({ code: status, message: certificateMessage(cert, status) });
  }
  for (const partyId of options.partyIds) {
    const conflict = officer.conflicts.find((c) => c.partyId === partyId);
    if (conflict !== undefined) {
      issues.push({ code: 'conflict-of-interest', message: `已申报与当事人存在利害关系（${conflict.reason}），应当回避。` });
    }
  }
  return issues;
}

function certificateMessage(cert: EnforcementCertificate, status: Exclude<CertificateStatus, 'valid'>): string {
  switch (status) {
    case 'not-yet-valid':
      return `执法证（${cert.number}）自 ${cert.validFrom} 起生效，尚未生效。`;
    case 'expired':
      return `执法证（${cert.number}）已于 ${cert.validTo} 到期。`;
    case 'revoked':
      return `执法证（${cert.number}）已于 ${cert.revokedOn} 被吊销或注销。`;
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= daysInMonth;
}

function requireDate(value: string, field: string): string {
  if (!isIsoDate(value)) {
    throw new DomainError(ERROR_CODES.validation, `日期格式不正确：“${value}”，应为 YYYY-MM-DD。`, {
      issues: [{ path: [field], message: '日期格式应为 YYYY-MM-DD' }],
    });
  }
  return value;
}
