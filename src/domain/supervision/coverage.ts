/**
 * The coverage table: each accountability clause (追责情形) of an item → the rules that check it, or
 * "needs a person's judgement". It tells a bureau how much of its own list the machine watches, and
 * which rules find no clause of their own in the list (gaps).
 */
import type { TPowerItem } from '../../contracts/power-list.js';
import type { ProcedureTemplate, RuleId } from '../procedure/types.js';
import { findClause } from './clauses.js';
import { SUPERVISION_RULES } from './rules.js';

export interface ClauseCoverage {
  no: number | null;
  text: string;
  /** rules that enforce this clause by its own words */
  rules: { id: RuleId; title: string }[];
  /** rules that fall back to this clause (违反法定程序) because the list names none of their own */
  fallbackRules: { id: RuleId; title: string }[];
  /** no rule checks it: a person must judge */
  needsJudgement: boolean;
}

export interface CoverageTable {
  clauses: ClauseCoverage[];
  /** rules the template uses for which the item names no clause at all */
  gaps: { id: RuleId; title: string }[];
  /** clauses checked by at least one rule, of all clauses */
  covered: number;
  total: number;
}

/** The rules a template triggers anywhere. */
export function rulesOfTemplate(template: ProcedureTemplate) {
  return SUPERVISION_RULES.filter((rule) => template.steps.some((step) => step.actions.some((action) => rule.appliesTo(step, action))));
}

/** Builds the coverage table of an item under its template. */
export function coverageOf(item: Pick<TPowerItem, 'accountability' | 'accountabilityBases'>, template: ProcedureTemplate): CoverageTable {
  const clauses: ClauseCoverage[] = item.accountability.map((c) => ({
    no: c.no,
    text: c.text,
    rules: [],
    fallbackRules: [],
    needsJudgement: true,
  }));
  const gaps: CoverageTable['gaps'] = [];
  for (const rule of rulesOfTemplate(template)) {
    const clause = findClause(item, rule.clauseKeywords);
    if (!clause) {
      gaps.push({ id: rule.id, title: rule.title });
      continue;
    }
    const row = clauses.find((c) => c.text === clause.text && c.no === clause.no);
    if (!row) continue;
    (clause.isFallback ? row.fallbackRules : row.rules).push({ id: rule.id, title: rule.title });
    row.needsJudgement = false;
  }
  return { clauses, gaps, covered: clauses.filter((c) => !c.needsJudgement).length, total: clauses.length };
}
