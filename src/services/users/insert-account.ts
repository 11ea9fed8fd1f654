/**
 * The write shared by every way an account comes to exist (first-run setup, the system
 * administrator, `quanze user create-admin`): check the username is free and the password meets the
 * policy, hash it, insert the row. The caller authorizes and audits.
 */
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findUserByUsername, insertUser, type UserRow } from '../../store/repositories/users.repository.js';
import { requireAcceptablePassword } from '../auth/password-rules.js';
import { hashPassword } from '../auth/passwords.js';
import type { ServiceContext } from '../context.js';

export interface NewAccount {
  username: string;
  displayName: string;
  orgId: string;
  password: string;
  /** the field a password-policy refusal names (password, newPassword …) */
  passwordField?: string;
  external?: boolean;
  /** an administrator chose the password: the account is asked to change it */
  mustChangePassword: boolean;
  /** a TOTP secret to enrol at the first sign-in */
  totpSecret?: string | null;
}

/**
 * Inserts an account in the context's transaction and returns its row.
 * @throws DomainError 'validation' for a password that breaks the policy, 'conflict' for a taken username.
 */
export async function insertAccount(ctx: ServiceContext, account: NewAccount): Promise<UserRow> {
  const username = account.username.trim().toLowerCase();
  requireAcceptablePassword(account.password, username, account.passwordField ?? 'password');
  if (await findUserByUsername(ctx.db, username)) {
    throw new DomainError(ERROR_CODES.conflict, `用户名“${username}”已被使用。`, {
      issues: [{ path: ['username'], message: '用户名已被使用' }],
    });
  }
  const now = ctx.clock().toISOString();
  const row: UserRow = {
    id: ctx.newId(),
    org_id: account.orgId,
    username,
    display_name: account.displayName,
    password_hash: await hashPassword(account.password),
    must_change_password: account.mustChangePassword ? 1 : 0,
    // A signed-in administrator chose it (not the setup link, an invitation or the server's shell).
    password_set_by_admin: account.mustChangePassword && ctx.actor.kind === 'user' ? 1 : 0,
    status: 'active',
    external: account.external ? 1 : 0,
    totp_secret: account.totpSecret ?? null,
    totp_enabled: 0,
    totp_last_step: null,
    failed_logins: 0,
    last_failed_at: null,
    locked_until: null,
    last_login_at: null,
    created_at: now,
    updated_at: now,
  };
  await insertUser(ctx.db, row);
  return row;
}
