/** Which organisation's chain records an event that spans several organisations. */
import type { OrgTree } from '../../domain/access/organisations.js';
import type { ServiceContext } from '../context.js';
import { requireOrgByCode } from '../organisations/load-org-tree.js';

/**
 * The chain for a read across organisations: the signed-in actor's own organisation; for the
 * system, the only organisation read, or else the installation's own.
 */
export function chainOrgIdForRead(ctx: ServiceContext, tree: OrgTree, orgIdsRead: readonly string[]): string {
  if (ctx.actor.kind === 'user' && tree.byId.has(ctx.actor.orgId)) return ctx.actor.orgId;
  if (orgIdsRead.length === 1 && orgIdsRead[0] !== undefined) return orgIdsRead[0];
  return requireOrgByCode(tree, ctx.settings.homeOrgCode).id;
}
