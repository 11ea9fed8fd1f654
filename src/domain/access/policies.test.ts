import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { buildOrgTree, type Organisation } from './organisations.js';
import {
  ACTIONS,
  type Action,
  type Actor,
  assertAllowed,
  authorize,
  isAction,
  POLICIES,
  type PolicyRule,
  reachableOrgIds,
} from './policies.js';
import { type GrantScope, ROLE_IDS, type RoleId, SEPARATED_ADMIN_ROLES } from './roles.js';

function org(id: string, parentId: string | null): Organisation {
  return { id, parentId, code: id, name: id, documentPrefix: null };
}
/** gx (region) → lz (city) → lj (district); gx → gl (another city). */
const tree = buildOrgTree([org('gx', null), org('lz', 'gx'), org('lj', 'lz'), org('gl', 'gx')]);

function actor(role: RoleId, orgId: string, scope: GrantScope = 'organisation'): Actor {
  return { id: `${role}@${orgId}`, grants: [{ role, orgId, scope }] };
}

function allowed(who: Actor | null, action: Action, resourceOrgId: string | null): boolean {
  return authorize({ actor: who, action, resourceOrgId, orgTree: tree }).allowed;
}

describe('the policy table', () => {
  it('describes every action in Chinese and names only known roles', () => {
    expect(ACTIONS.length).toBeGreaterThan(20);
    for (const action of ACTIONS) {
      expect(action).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
      expect(POLICIES[action].description).toMatch(/[\u4e00-\u9fff]/);
      const rule: PolicyRule = POLICIES[action].rule;
      if (rule.who === 'roles') {
        expect(rule.roles.length).toBeGreaterThan(0);
        for (const role of rule.roles) expect(ROLE_IDS).toContain(role);
      }
    }
    expect(isAction('cases.read')).toBe(true);
    expect(isAction('cases.delete')).toBe(false);
  });

  it('covers the actions the issue asks for', () => {
    for (const action of [
      'powerlist.read',
      'powerlist.import',
      'powerlist.lint',
      'legalSources.read',
      'legalSources.write',
      'users.read',
      'users.create',
      'users.update',
      'users.disable',
      'roles.assign',
      'officers.read',
      'officers.write',
      'audit.read',
      'audit.verify',
      'cases.read',
      'cases.write',
      'organisations.read',
      'organisations.write',
    ]) {
      expect(isAction(action), action).toBe(true);
    }
  });

  it('keeps the three administrators out of cases everywhere (三员分立)', () => {
    for (const role of SEPARATED_ADMIN_ROLES) {
      const admin = actor(role, 'gx', 'subtree');
      for (const action of ['cases.read', 'cases.write'] as const) {
        for (const orgId of ['gx', 'lz', 'lj']) expect(allowed(admin, action, orgId), `${role} ${action} ${orgId}`).toBe(false);
      }
    }
  });

  it('lets the security auditor read logs and nothing else that needs a role', () => {
    const auditor = actor('security-auditor', 'gx', 'subtree');
    const roleActions = ACTIONS.filter((a) => POLICIES[a].rule.who === 'roles');
    const permitted = roleActions.filter((a) => allowed(auditor, a, 'lz'));
    expect(permitted.sort()).toEqual(['accessLog.read', 'audit.read', 'audit.verify']);
  });

  it('gives the audit log to the auditor only', () => {
    for (const role of ROLE_IDS) {
      expect(allowed(actor(role, 'gx', 'subtree'), 'audit.read', 'lz'), role).toBe(role === 'security-auditor');
    }
  });

  it('separates account management from role assignment', () => {
    const sysadmin = actor('system-admin', 'lz');
    const secadmin = actor('security-admin', 'lz');
    expect(allowed(sysadmin, 'users.create', 'lz')).toBe(true);
    expect(allowed(sysadmin, 'roles.assign', 'lz')).toBe(false);
    expect(allowed(secadmin, 'roles.assign', 'lz')).toBe(true);
    expect(allowed(secadmin, 'users.create', 'lz')).toBe(false);
  });
});

describe('authorize', () => {
  it('lets the public read the published list but asks it to sign in for cases', () => {
    expect(authorize({ actor: null, action: 'powerlist.read', resourceOrgId: 'lz', orgTree: tree })).toEqual({ allowed: true });
    const result = authorize({ actor: null, action: 'cases.read', resourceOrgId: 'lz', orgTree: tree });
    expect(result).toMatchObject({ allowed: false, code: 'unauthenticated' });
    expect(allowed(null, 'account.manageOwn', null)).toBe(false);
    expect(allowed(actor('applicant', 'lz'), 'account.manageOwn', null)).toBe(true);
  });

  it('names the roles that would be needed when a role is missing', () => {
    const result = authorize({ actor: actor('applicant', 'lz'), action: 'roles.assign', resourceOrgId: 'lz', orgTree: tree });
    expect(result).toMatchObject({ allowed: false, code: 'forbidden' });
    if (!result.allowed) expect(result.reason).toContain('安全管理员');
  });

  it('lets a subtree grant reach the cities and districts below, not the siblings above', () => {
    const regionalSupervisor = actor('supervisor', 'gx', 'subtree');
    expect(allowed(regionalSupervisor, 'cases.read', 'lz')).toBe(true);
    expect(allowed(regionalSupervisor, 'cases.read', 'lj')).toBe(true);
    const citySupervisor = actor('supervisor', 'lz', 'subtree');
    expect(allowed(citySupervisor, 'cases.read', 'lj')).toBe(true);
    expect(allowed(citySupervisor, 'cases.read', 'gx')).toBe(false);
    expect(allowed(citySupervisor, 'cases.read', 'gl')).toBe(false);
  });

  it('keeps an organisation-scope grant on its own organisation', () => {
    const supervisor = actor('supervisor', 'gx', 'organisation');
    expect(allowed(supervisor, 'cases.read', 'gx')).toBe(true);
    expect(allowed(supervisor, 'cases.read', 'lz')).toBe(false);
  });

  it('limits a subtree grant to its own organisation where the policy reaches one organisation', () => {
    const provincialOfficer = actor('officer', 'gx', 'subtree');
    expect(allowed(provincialOfficer, 'cases.read', 'lz')).toBe(true);
    expect(allowed(provincialOfficer, 'cases.write', 'lz')).toBe(false);
    expect(allowed(provincialOfficer, 'cases.write', 'gx')).toBe(true);
  });

  it('accepts any listed grant for resources no organisation owns', () => {
    expect(allowed(actor('legal-reviewer', 'lj'), 'legalSources.write', null)).toBe(true);
    expect(allowed(actor('officer', 'lj'), 'legalSources.write', null)).toBe(false);
  });

  it('refuses an organisation missing from the tree', () => {
    expect(allowed(actor('officer', 'gone'), 'cases.read', 'gone')).toBe(false);
  });
});

describe('assertAllowed', () => {
  it('throws unauthenticated for the public and forbidden for a signed-in account', () => {
    const options = { action: 'users.create', resourceOrgId: 'lz', orgTree: tree } as const;
    expect(() => assertAllowed({ ...options, actor: null })).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
    try {
      assertAllowed({ ...options, actor: actor('officer', 'lz') });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('forbidden');
      expect((error as DomainError).message).toContain('系统管理员');
    }
    expect(() => assertAllowed({ ...options, actor: actor('system-admin', 'lz') })).not.toThrow();
  });
});

describe('reachableOrgIds', () => {
  it('lists the organisations a grant reaches for an action', () => {
    expect(reachableOrgIds(actor('supervisor', 'lz', 'subtree'), 'cases.read', tree)).toEqual(new Set(['lz', 'lj']));
    expect(reachableOrgIds(actor('officer', 'lz', 'subtree'), 'cases.write', tree)).toEqual(new Set(['lz']));
    expect(reachableOrgIds(actor('system-admin', 'gx', 'subtree'), 'cases.read', tree)).toEqual(new Set());
    expect(reachableOrgIds(null, 'cases.read', tree)).toEqual(new Set());
    expect(reachableOrgIds(null, 'powerlist.read', tree)).toBe('all');
  });

  it('unions several grants', () => {
    const both: Actor = {
      id: 'x',
      grants: [
        { role: 'officer', orgId: 'lj', scope: 'organisation' },
        { role: 'supervisor', orgId: 'gl', scope: 'subtree' },
      ],
    };
    expect(reachableOrgIds(both, 'cases.read', tree)).toEqual(new Set(['lj', 'gl']));
  });
});
