/**
 * Who owns the shared legal-source registry (issue 9: a reviewer of a sibling organisation could
 * change it). The registry is one for the whole tree — every organisation's list cites it — so it
 * belongs to the root organisation (the province, 自治区): its legal reviewers maintain it, and
 * the installation's system administrator (a grant reaching the organisation the installation
 * serves, QUANZE_ORG_CODE) may import and correct it. A legal reviewer of a city or county bureau,
 * or the system administrator of another bureau, reads it but does not change it.
 */
import { isInSubtree, type OrgTree } from '../../domain/access/organisations.js';
import type { RoleGrant, RoleId } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import type { Actor, ServiceContext } from '../context.js';
import { requireOrgByCode } from '../organisations/load-org-tree.js';

/** Whether the actor may change the shared registry: a root organisation's reviewer or the installation's system administrator. */
export function isRegistryOwner(ctx: ServiceContext, tree: OrgTree, actor: Actor = ctx.actor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  const roots = [...tree.byId.values()].filter((org) => org.parentId === null).map((org) => org.id);
  const home = requireOrgByCode(tree, ctx.settings.homeOrgCode).id;
  const reaches = (role: RoleId, orgId: string) => actor.grants.some((grant) => grant.role === role && grantReaches(grant, orgId, tree));
  return roots.some((root) => reaches('legal-reviewer', root)) || reaches('system-admin', home);
}

/** Refuses unless the actor may change the shared registry (after `legalSources.write` was checked). */
export function requireRegistryOwner(ctx: ServiceContext, tree: OrgTree): void {
  if (ctx.actor.kind === 'anonymous') throw new DomainError(ERROR_CODES.unauthenticated, '请先登录。');
  if (isRegistryOwner(ctx, tree)) return;
  throw new DomainError(
    ERROR_CODES.forbidden,
    '法律依据库由全区共用，由自治区（根机构）的法制审核人员和本系统的系统管理员维护；其他机构的人员可以查阅，不能修改。',
  );
}

function grantReaches(grant: RoleGrant, orgId: string, tree: OrgTree): boolean {
  return grant.orgId === orgId || (grant.scope === 'subtree' && isInSubtree(orgId, grant.orgId, tree));
}
