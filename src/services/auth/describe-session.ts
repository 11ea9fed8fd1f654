/** The signed-in account's own view of its session: who, which roles, what it may do, the CSRF token. */
import type { TSessionInfo } from '../../contracts/auth.js';
import type { OrgTree } from '../../domain/access/organisations.js';
import { roleLabel } from '../../domain/access/roles.js';
import type { SessionRow } from '../../store/repositories/sessions.repository.js';
import type { UserRow } from '../../store/repositories/users.repository.js';
import { allowedActionsOf } from '../access/authorize.js';
import type { ServiceContext, UserActor } from '../context.js';
import { isRegistryOwner } from '../legal-sources/registry-owner.js';
import { orgRef, requireOrgById } from '../organisations/load-org-tree.js';
import { csrfTokenFor } from './csrf-token.js';

export interface DescribeSessionOptions {
  user: UserRow;
  actor: UserActor;
  session: SessionRow;
  /** the session's token, from which its CSRF token is derived */
  token: string;
  tree: OrgTree;
}

/** The session as GET /api/v1/auth/me and the sign-in answer describe it. */
export function describeSession(ctx: ServiceContext, { user, actor, session, token, tree }: DescribeSessionOptions): TSessionInfo {
  const timeouts = ctx.settings.sessionTimeouts;
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      organisation: orgRef(requireOrgById(tree, user.org_id)),
      external: user.external === 1,
      totpEnabled: user.totp_enabled === 1,
      mustChangePassword: user.must_change_password === 1,
    },
    roles: actor.grants
      .filter((grant) => tree.byId.has(grant.orgId))
      .map((grant) => ({
        role: grant.role,
        label: roleLabel(grant.role),
        organisation: orgRef(requireOrgById(tree, grant.orgId)),
        scope: grant.scope,
      })),
    // The registry is the root's: other reviewers are not offered changes they would be refused.
    allowedActions: allowedActionsOf(actor, tree).filter((action) => action !== 'legalSources.write' || isRegistryOwner(ctx, tree, actor)),
    csrfToken: csrfTokenFor(token),
    session: {
      createdAt: session.created_at,
      expiresAt: new Date(Date.parse(session.created_at) + timeouts.absoluteHours * 3_600_000).toISOString(),
      idleTimeoutMinutes: timeouts.idleMinutes,
    },
  };
}
