/**
 * Authorization for use cases: the one bridge from a service's actor to the domain's policy table
 * (src/domain/access/policies.ts). Every use case that touches a protected resource calls
 * `requireAllowed` with the resource's organisation before reading or writing; list queries
 * filter by `reachableOrgIds`. Routes only name their action; they never decide.
 *
 * The system actor (start-up seeding, the command line) is allowed everything: whoever runs the CLI
 * holds the server's shell and database already; their acts are still audited.
 */
import type { OrgTree } from '../../domain/access/organisations.js';
import {
  type Action,
  assertAllowed,
  authorize,
  POLICIES,
  type Actor as PolicyActor,
  reachableOrgIds,
} from '../../domain/access/policies.js';
import type { Actor, ServiceContext } from '../context.js';
import { loadOrgTree } from '../organisations/load-org-tree.js';

/** The actor as the policy table sees it: null for the anonymous public. */
export function policyActorOf(actor: Actor): PolicyActor | null {
  return actor.kind === 'user' ? { id: actor.id, grants: actor.grants } : null;
}

/**
 * Refuses unless the context's actor may perform `action` on a resource of `resourceOrgId` (null:
 * a resource of no organisation, or "anywhere" for list endpoints that filter afterwards).
 * Returns the organisation tree it loaded, for the caller's further use.
 * @throws DomainError 'unauthenticated' or 'forbidden'
 */
export async function requireAllowed(ctx: ServiceContext, action: Action, resourceOrgId: string | null, tree?: OrgTree): Promise<OrgTree> {
  const orgTree = tree ?? (await loadOrgTree(ctx.db));
  if (ctx.actor.kind === 'system') return orgTree;
  assertAllowed({ actor: policyActorOf(ctx.actor), action, resourceOrgId, orgTree });
  return orgTree;
}

/** Whether the actor may perform `action` somewhere (for a route's first check and the UI's menu). */
export function isAllowedSomewhere(actor: Actor, action: Action, tree: OrgTree): boolean {
  if (actor.kind === 'system') return true;
  return authorize({ actor: policyActorOf(actor), action, resourceOrgId: null, orgTree: tree }).allowed;
}

/** The organisations on which the actor may perform `action`, as ids. */
export function reachableOrgIdsOf(actor: Actor, action: Action, tree: OrgTree): string[] {
  if (actor.kind === 'system') return [...tree.byId.keys()];
  const reachable = reachableOrgIds(policyActorOf(actor), action, tree);
  return reachable === 'all' ? [...tree.byId.keys()] : [...reachable];
}

/** Every action the actor may perform on at least one organisation, in policy-table order. */
export function allowedActionsOf(actor: Actor, tree: OrgTree): Action[] {
  return (Object.keys(POLICIES) as Action[]).filter((action) => isAllowedSomewhere(actor, action, tree));
}
