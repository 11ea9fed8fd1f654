/**
 * 三员分立 asks that no administrator account be disabled by one of the other two without the third
 * knowing: each such act is audited prominently (`user.disable-administrator`) and shown to every
 * administrator of the organisations it touched, on every page, for 30 days — except to the one who
 * did it.
 */
import { shanghaiDateOf } from '../../contracts/shanghai-time.js';
import type { OrgTree } from '../../domain/access/organisations.js';
import { subtreeIds } from '../../domain/access/organisations.js';
import { isRoleId, isSeparatedAdminRole, roleLabel } from '../../domain/access/roles.js';
import { searchAuditRecords } from '../../store/audit/audit-log.repository.js';
import type { ServiceContext, UserActor } from '../context.js';

const WINDOW_DAYS = 30;

/** The notices for an administrator; none for anyone else. */
export async function administratorNotices(
  ctx: ServiceContext,
  actor: UserActor,
  tree: OrgTree,
): Promise<{ at: string; message: string }[]> {
  const grants = actor.grants.filter((g) => isRoleId(g.role) && isSeparatedAdminRole(g.role) && tree.byId.has(g.orgId));
  if (grants.length === 0) return [];
  const orgIds = [...new Set(grants.flatMap((g) => (g.scope === 'subtree' ? subtreeIds(g.orgId, tree) : [g.orgId])))];
  const from = new Date(ctx.clock().getTime() - WINDOW_DAYS * 86_400_000).toISOString();
  const { records } = await searchAuditRecords(ctx.db, { orgIds, action: 'user.disable-administrator', from, limit: 10, offset: 0 });
  return records
    .filter((record) => record.actorId !== actor.id)
    .map((record) => {
      const details = record.details as { username?: string; roles?: string[] };
      const roles = (details.roles ?? []).filter(isRoleId).map(roleLabel).join('、');
      return {
        at: record.at,
        message: `${record.actorName} 于 ${shanghaiDateOf(new Date(record.at))} 停用了${roles || '管理员'}账号 ${details.username ?? ''}。按三员分立，请核实原因。`,
      };
    });
}
