/** Which organisation's audit chain records a change of the installation-wide calendar. */
import type { OrgTree } from '../../domain/access/organisations.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';

/**
 * The acting administrator's own organisation; for the command line, the installation's own
 * organisation (QUANZE_ORG_CODE), else the root. The calendar belongs to no organisation, but every
 * change must sit on a chain the security auditor reads.
 */
export function calendarAuditOrgId(ctx: ServiceContext, tree: OrgTree): string {
  if (ctx.actor.kind === 'user' && tree.byId.has(ctx.actor.orgId)) return ctx.actor.orgId;
  const orgs = [...tree.byId.values()];
  const org = orgs.find((o) => o.code === ctx.settings.homeOrgCode) ?? orgs.find((o) => o.parentId === null);
  if (!org) throw new DomainError(ERROR_CODES.conflict, '尚未建立组织机构，无法记录审计日志；请先完成系统初始化。');
  return org.id;
}
