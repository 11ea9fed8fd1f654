/**
 * Who may be assigned to a case: an officer of the case's organisation with a certificate valid
 * today and no declared conflict with a party. Refusals quote the list's clauses (回避, 执法资格).
 */
import type { TPowerItem } from '../../contracts/power-list.js';
import { isCertificateValidOn } from '../../domain/access/certificates.js';
import type { Refusal } from '../../domain/cases/advance-case.js';
import { type Party, partyIdOf } from '../../domain/cases/case.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findClause } from '../../domain/supervision/clauses.js';
import { ruleById } from '../../domain/supervision/rules.js';
import type { CaseOfficer } from './case-officers.js';
import { ruleViolated } from './refusal-error.js';

/** The assigned officers, checked. @throws DomainError 'validation' for unknown ids, 'rule-violated' for conflicts or invalid certificates */
export function checkAssignment(
  officerIds: readonly string[],
  officers: ReadonlyMap<string, CaseOfficer>,
  parties: readonly Party[],
  item: TPowerItem,
  today: string,
): CaseOfficer[] {
  const unknown = officerIds.filter((id) => !officers.has(id));
  if (unknown.length) {
    throw new DomainError(ERROR_CODES.validation, '所选执法人员不属于本案所属机构。', {
      issues: unknown.map((id) => ({ path: ['officerIds', officerIds.indexOf(id)], message: '不是本机构登记的执法人员' })),
    });
  }
  const chosen = [...new Set(officerIds)].map((id) => officers.get(id) as CaseOfficer);
  const partyIds = parties.map(partyIdOf);
  const refusals: Refusal[] = [];
  const recusal = ruleById('recusal');
  for (const officer of chosen.filter((o) => o.conflictPartyIds.some((p) => partyIds.includes(p)))) {
    const clause = findClause(item, recusal.clauseKeywords);
    refusals.push({
      rule: recusal.id,
      title: recusal.title,
      message: `${officer.name}已申报与本案当事人存在利害关系，应当回避，不能指派。`,
      clause,
      gap: clause === null,
      overridable: false,
    });
  }
  const qualification = ruleById('two-certified-officers');
  for (const officer of chosen.filter((o) => o.certificate === null || !isCertificateValidOn(o.certificate, today))) {
    const clause = findClause(item, qualification.clauseKeywords);
    refusals.push({
      rule: qualification.id,
      title: '执法人员须持有效执法证',
      message: `${officer.name}的执法证在 ${today} 无效或未登记，不能指派从事执法活动。`,
      clause,
      gap: clause === null,
      overridable: false,
    });
  }
  if (refusals.length) throw ruleViolated(refusals);
  return chosen;
}
