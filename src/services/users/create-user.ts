/**
 * The system administrator creates an account (创建用户) on an organisation in reach. The password
 * is an initial one: the account is asked to change it. Roles are not given here — granting them
 * is the security administrator's job (三员分立).
 */
import type { TUser } from '../../contracts/users.js';
import { requireAllowed } from '../access/authorize.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { insertAccount } from './insert-account.js';
import { presentUser } from './present-user.js';

export interface CreateUserOptions {
  username: string;
  displayName: string;
  orgCode: string;
  password: string;
  /** an applicant body's account (申请单位用户) */
  external?: boolean | undefined;
}

/**
 * Creates the account and audits it (without the password).
 * @throws DomainError 'forbidden', 'not-found' (organisation), 'validation' (password), 'conflict' (username)
 */
export async function createUser(ctx: ServiceContext, options: CreateUserOptions): Promise<TUser> {
  const tree = await requireAllowed(ctx, 'users.create', null);
  const org = requireOrgByCode(tree, options.orgCode);
  await requireAllowed(ctx, 'users.create', org.id, tree);
  return inTransaction(ctx, async (tx) => {
    const user = await insertAccount(tx, {
      username: options.username,
      displayName: options.displayName,
      orgId: org.id,
      password: options.password,
      external: options.external === true,
      mustChangePassword: true,
    });
    await recordAudit(tx, {
      orgId: org.id,
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      details: { username: user.username, displayName: user.display_name, orgCode: org.code, external: user.external === 1 },
    });
    return presentUser(user, tree);
  });
}
