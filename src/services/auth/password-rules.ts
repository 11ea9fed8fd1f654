/** The password policy applied to a new password, as a validation error with field paths. */
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { checkNewPassword } from './passwords.js';

/**
 * Refuses a new password that breaks the policy (≥ 12 characters, not common, not repetitive, not
 * containing the username), naming `field` as the path of every issue.
 * @throws DomainError 'validation'
 */
export function requireAcceptablePassword(password: string, username: string, field: string): void {
  const issues = checkNewPassword(password, username);
  if (issues.length === 0) return;
  throw new DomainError(ERROR_CODES.validation, `密码不符合安全要求：${issues.map((i) => i.message).join('')}`, {
    issues: issues.map((issue) => ({ path: [field], message: issue.message })),
  });
}
