/**
 * The contracts (shared with web/) repeat the names the access domain owns — role ids and labels,
 * the three separated administrators, action names — because contracts may not import the domain.
 * These checks keep both copies identical.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_VALUES, ROLE_ID_VALUES, ROLE_LABELS, SEPARATED_ADMIN_ROLE_IDS } from '../../contracts/access.js';
import { ACTIONS } from './policies.js';
import { ROLE_IDS, ROLES, SEPARATED_ADMIN_ROLES } from './roles.js';

describe('access contracts mirror the domain', () => {
  it('lists the same roles, in the same order, with the same labels', () => {
    expect([...ROLE_ID_VALUES]).toEqual(ROLE_IDS);
    expect(ROLE_LABELS).toEqual(Object.fromEntries(ROLE_IDS.map((role) => [role, ROLES[role].label])));
    expect([...SEPARATED_ADMIN_ROLE_IDS]).toEqual([...SEPARATED_ADMIN_ROLES]);
  });

  it('lists the same actions as the policy table', () => {
    expect([...ACTION_VALUES]).toEqual(ACTIONS);
  });
});
