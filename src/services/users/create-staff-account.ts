/**
 * Scripted installations (`quanze user create`): an account for the bureau's business staff — an
 * officer, a legal reviewer, a head or a supervisor — with its role and a generated one-time
 * password, as the system actor. The administrators (三员) keep their own command, create-admin.
 */
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { assignRole } from '../roles/assign-role.js';
import { generatePassword } from './create-admin-account.js';
import { createUser } from './create-user.js';

export const STAFF_ROLES = ['officer', 'legal-reviewer', 'head', 'supervisor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface CreateStaffAccountOptions {
  username: string;
  displayName?: string | undefined;
  role: StaffRole;
  /** default: the installation's own organisation */
  orgCode?: string | undefined;
}

export interface CreatedStaffAccount {
  userId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  orgCode: string;
  /** a supervisor reads the organisations below too */
  scope: 'organisation' | 'subtree';
  /** one-time: to be changed at first sign-in */
  password: string;
}

const DEFAULT_NAMES: Record<StaffRole, string> = {
  officer: '执法人员',
  'legal-reviewer': '法制审核员',
  head: '负责人',
  supervisor: '监察员',
};

/** Creates the account and grants the role (both audited by their use cases). @throws DomainError 'forbidden' unless the system */
export async function createStaffAccount(ctx: ServiceContext, options: CreateStaffAccountOptions): Promise<CreatedStaffAccount> {
  if (ctx.actor.kind !== 'system') throw new DomainError(ERROR_CODES.forbidden, '只能在服务器命令行中用此方式创建账号。');
  const username = options.username.trim().toLowerCase();
  const orgCode = options.orgCode ?? ctx.settings.homeOrgCode;
  const displayName = options.displayName ?? `${DEFAULT_NAMES[options.role]}（${username}）`;
  const password = generatePassword(username);
  const user = await createUser(ctx, { username, displayName, orgCode, password });
  const scope = options.role === 'supervisor' ? 'subtree' : 'organisation';
  await assignRole(ctx, { userId: user.id, role: options.role, orgCode, scope });
  return { userId: user.id, username: user.username, displayName, role: options.role, orgCode, scope, password };
}
