/**
 * Scripted setup from the server's command line (`quanze user create-admin`): creates one of the
 * three separated administrators (三员) with its role on an organisation and its subtree. Only the
 * system actor (whoever holds the server's shell) may do this; it is how the security administrator
 * and the security auditor come to exist, since no web account may grant those roles to itself or
 * bootstrap them. Without a password a random one is generated and must be changed at first sign-in.
 * The authenticator secret is created here, so that the operator can hand over its URI with the
 * password; the first sign-in with a code from it enables it.
 */
import { randomInt } from 'node:crypto';
import { checkRoleAssignment, type RoleId, roleLabel } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { insertGrant } from '../../store/repositories/role-grants.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { checkNewPassword } from '../auth/passwords.js';
import { createTotpSecret, totpUri } from '../auth/totp.js';
import type { ServiceContext } from '../context.js';
import { loadOrgTree, requireOrgByCode } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { insertAccount } from './insert-account.js';

export type AdminRole = Extract<RoleId, 'system-admin' | 'security-admin' | 'security-auditor'>;

export interface CreateAdminAccountOptions {
  username: string;
  displayName?: string | undefined;
  /** undefined: generate one (printed once, to be changed at first sign-in) */
  password?: string | undefined;
  role: AdminRole;
  /** default: the installation's own organisation */
  orgCode?: string | undefined;
}

export interface CreatedAdminAccount {
  userId: string;
  username: string;
  role: AdminRole;
  orgCode: string;
  /** set when the password was generated */
  generatedPassword: string | null;
  /** otpauth:// URI of the authenticator to enrol */
  totpUri: string;
}

const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random 20-character password that passes the policy (~114 bits). */
export function generatePassword(username: string): string {
  for (;;) {
    const password = Array.from({ length: 20 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
    if (checkNewPassword(password, username).length === 0) return password;
  }
}

/** Creates the administrator account with its role. @throws DomainError 'forbidden' unless run by the system */
export async function createAdminAccount(ctx: ServiceContext, options: CreateAdminAccountOptions): Promise<CreatedAdminAccount> {
  if (ctx.actor.kind !== 'system') throw new DomainError(ERROR_CODES.forbidden, '只能在服务器命令行中创建管理员账号。');
  checkRoleAssignment([], options.role);
  const tree = await loadOrgTree(ctx.db);
  const org = requireOrgByCode(tree, options.orgCode ?? ctx.settings.homeOrgCode);
  const username = options.username.trim().toLowerCase();
  const generatedPassword = options.password === undefined ? generatePassword(username) : null;
  const secret = createTotpSecret();
  return inTransaction(ctx, async (tx) => {
    const user = await insertAccount(tx, {
      username,
      displayName: options.displayName ?? `${roleLabel(options.role)}（${username}）`,
      orgId: org.id,
      password: options.password ?? (generatedPassword as string),
      mustChangePassword: generatedPassword !== null,
      totpSecret: secret,
    });
    const grantId = tx.newId();
    await insertGrant(tx.db, {
      id: grantId,
      user_id: user.id,
      role: options.role,
      org_id: org.id,
      scope: 'subtree',
      granted_by: null,
      granted_by_name: tx.actor.name,
      granted_at: tx.clock().toISOString(),
    });
    await recordAudit(tx, {
      orgId: org.id,
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      details: { username: user.username, displayName: user.display_name, orgCode: org.code, external: false, via: 'cli' },
    });
    await recordAudit(tx, {
      orgId: org.id,
      action: 'role.grant',
      targetType: 'role-grant',
      targetId: grantId,
      details: { userId: user.id, username: user.username, role: options.role, orgCode: org.code, scope: 'subtree', via: 'cli' },
    });
    return {
      userId: user.id,
      username: user.username,
      role: options.role,
      orgCode: org.code,
      generatedPassword,
      totpUri: totpUri({ secret, accountName: user.username }),
    };
  });
}
