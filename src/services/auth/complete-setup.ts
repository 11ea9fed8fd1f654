/**
 * First-run setup (系统初始化): whoever holds the one-time link printed at first start creates the
 * first system administrator (系统管理员), on the installation's own organisation and everything
 * below it. The other two administrators (安全管理员, 安全审计员) are invited next from 用户管理
 * (invite-administrator.ts): each sets their own password and authenticator on a one-time link.
 * `quanze user create-admin --role …` remains for scripted installations.
 */
import type { TSetupResponse } from '../../contracts/auth.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { insertGrant } from '../../store/repositories/role-grants.repository.js';
import { findSetupToken, useSetupToken } from '../../store/repositories/setup-tokens.repository.js';
import { countUsers } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { loadOrgTree, requireOrgByCode } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { insertAccount } from '../users/insert-account.js';
import { hashToken } from './session-tokens.js';

export interface CompleteSetupOptions {
  token: string;
  username: string;
  displayName: string;
  password: string;
}

const SETUP_ACTOR = { id: null, name: '系统初始化（一次性链接）' };

/**
 * Creates the first system administrator with the setup token.
 * @throws DomainError 'conflict' once any account exists, 'validation' for an unknown, used or
 *   expired token or a password that breaks the policy.
 */
export async function completeSetup(ctx: ServiceContext, options: CompleteSetupOptions): Promise<TSetupResponse> {
  return inTransaction(ctx, async (tx) => {
    if ((await countUsers(tx.db)) > 0) throw new DomainError(ERROR_CODES.conflict, '系统已完成初始化，请直接登录。');
    const now = tx.clock();
    const token = await findSetupToken(tx.db, hashToken(options.token.trim()));
    if (!token || token.used_at !== null || Date.parse(token.expires_at) <= now.getTime()) {
      throw new DomainError(ERROR_CODES.validation, '初始化链接无效、已使用或已过期。请重新启动服务，使用控制台中打印的新链接。', {
        issues: [{ path: ['token'], message: '初始化链接无效或已过期' }],
      });
    }
    const tree = await loadOrgTree(tx.db);
    const home = requireOrgByCode(tree, tx.settings.homeOrgCode);
    const user = await insertAccount(tx, {
      username: options.username,
      displayName: options.displayName,
      orgId: home.id,
      password: options.password,
      mustChangePassword: false,
    });
    if (!(await useSetupToken(tx.db, token.id, now.toISOString()))) {
      throw new DomainError(ERROR_CODES.conflict, '初始化链接已被使用。');
    }
    const grantId = tx.newId();
    await insertGrant(tx.db, {
      id: grantId,
      user_id: user.id,
      role: 'system-admin',
      org_id: home.id,
      scope: 'subtree',
      granted_by: null,
      granted_by_name: SETUP_ACTOR.name,
      granted_at: now.toISOString(),
    });
    await recordAudit(tx, { orgId: home.id, action: 'setup.complete', targetType: 'setup-token', targetId: token.id, actor: SETUP_ACTOR });
    await recordAudit(tx, {
      orgId: home.id,
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      actor: SETUP_ACTOR,
      details: { username: user.username, displayName: user.display_name },
    });
    await recordAudit(tx, {
      orgId: home.id,
      action: 'role.grant',
      targetType: 'role-grant',
      targetId: grantId,
      actor: SETUP_ACTOR,
      details: { userId: user.id, username: user.username, role: 'system-admin', orgCode: home.code, scope: 'subtree' },
    });
    return {
      username: user.username,
      displayName: user.display_name,
      message: '系统管理员账号已创建。请登录；首次登录时需绑定身份验证器（动态口令）。',
    };
  });
}
