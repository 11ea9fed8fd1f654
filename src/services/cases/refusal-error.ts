/** Turning the engine's refusals into the errors the API answers with. */
import type { Refusal } from '../../domain/cases/advance-case.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';

/** A 422 `rule-violated` carrying the refusals, each quoting the list's clause and basis. */
export function ruleViolated(refusals: Refusal[]): DomainError {
  return new DomainError(ERROR_CODES.ruleViolated, refusals.map((r) => r.message).join(' '), {
    details: { title: '电子监察规则不允许该操作', refusals },
  });
}

/** A 409 `stale-version`: someone else changed the case first. */
export function staleVersion(current: number, expected: number): DomainError {
  return new DomainError(ERROR_CODES.staleVersion, `案件已被他人更新（当前版本 ${current}，您看到的是版本 ${expected}），请刷新后重试。`, {
    issues: [{ path: ['expectedVersion'], message: `当前版本为 ${current}` }],
  });
}
