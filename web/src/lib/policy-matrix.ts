/**
 * The policy table as the roles page shows it: one row per action, one column per role, and in
 * each cell how far the role's grant reaches for that action — built from the role catalogue the
 * server sends (GET /api/v1/roles), so the page shows exactly the policies the server enforces.
 */
import type { TGrantScope, TRoleId } from '@contracts/access.js';
import type { TRoleDefinition } from '@contracts/users.js';

/** One action of the table. */
export interface PolicyRow {
  action: string;
  description: string;
  /** role → reach, for the roles that may perform the action */
  reach: Partial<Record<TRoleId, TGrantScope>>;
}

/** Rows in the order the catalogue first names each action (the server's policy order). */
export function policyMatrix(roles: readonly TRoleDefinition[]): PolicyRow[] {
  const rows = new Map<string, PolicyRow>();
  for (const role of roles) {
    for (const granted of role.actions) {
      const row = rows.get(granted.action) ?? { action: granted.action, description: granted.description, reach: {} };
      row.reach[role.id] = granted.reach;
      rows.set(granted.action, row);
    }
  }
  return [...rows.values()].sort((a, b) => actionOrder(a.action) - actionOrder(b.action) || a.action.localeCompare(b.action));
}

/** Groups actions by their resource (`users.create` → `users`) in a stable order. */
function actionOrder(action: string): number {
  const resource = action.split('.')[0] ?? action;
  const index = RESOURCE_ORDER.indexOf(resource);
  return index < 0 ? RESOURCE_ORDER.length : index;
}

const RESOURCE_ORDER = [
  'powerlist',
  'legalSources',
  'cases',
  'officers',
  'organisations',
  'users',
  'roles',
  'audit',
  'accessLog',
  'settings',
];
