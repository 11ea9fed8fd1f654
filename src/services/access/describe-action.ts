/** What an action allows, in Chinese, for the OpenAPI document and the roles page. */
import type { TAction } from '../../contracts/access.js';
import { isAction, POLICIES, type PolicyRule } from '../../domain/access/policies.js';
import { roleLabel } from '../../domain/access/roles.js';

/** "创建用户账号（系统管理员）"; for public and signed-in actions, who that is. */
export function describeAction(action: TAction): string {
  if (!isAction(action)) return action;
  const rule: PolicyRule = POLICIES[action].rule;
  const who = rule.who === 'public' ? '公开' : rule.who === 'signed-in' ? '已登录用户' : rule.roles.map(roleLabel).join('、');
  return `${POLICIES[action].description}（${who}）`;
}

/** Whether the action is open to the anonymous public. */
export function isPublicAction(action: TAction): boolean {
  return isAction(action) && POLICIES[action].rule.who === 'public';
}
