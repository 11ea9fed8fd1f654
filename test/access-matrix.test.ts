/**
 * The access matrix: every API endpoint × every role (DOMAIN.md §5) held on the Liuzhou bureau,
 * the same roles held on another bureau (桂林, a sibling under 广西), and the anonymous public.
 * Each endpoint's expectation is written here by hand — not derived from the policy table — so a
 * policy edited by mistake, a route that checks the wrong action, or a service that forgets the
 * resource's organisation all show up as a cell that differs. An endpoint without a policy, or
 * without a row here, fails the first two tests.
 *
 * "Allowed" means the request got past authorization: any answer but 401/403 (the requests are
 * valid, so that is 2xx or a business refusal such as 409). "Denied" means 401 for the anonymous
 * and 403 for a signed-in account, always as problem+json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/env.js';
import { ROLE_ID_VALUES, type TRoleId } from '../src/contracts/access.js';
import { openCase } from '../src/services/cases/open-case.js';
import type { ServiceContext } from '../src/services/context.js';
import { declareConflict } from '../src/services/officers/declare-conflict.js';
import { registerOfficer } from '../src/services/officers/register-officer.js';
import { assignRole } from '../src/services/roles/assign-role.js';
import {
  createAccount,
  ensureOrganisation,
  multipartBody,
  signIn,
  systemContext,
  TEST_PASSWORD,
  type TestAccount,
  uniqueName,
} from './helpers/access-fixtures.js';
import { dialectsUnderTest } from './helpers/database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

interface Principal {
  label: string;
  role: TRoleId | null;
  org: 'lz' | 'gl' | null;
  account: TestAccount | null;
}

interface Probe {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

interface EndpointCase {
  allowed: (p: Principal) => boolean;
  /** builds a valid request, creating the resources it acts on */
  probe: (p: Principal) => Promise<Probe>;
  /** extra checks of an allowed answer (what another organisation may see) */
  check?: (p: Principal, body: unknown) => void;
}

const BUSINESS: TRoleId[] = ['officer', 'legal-reviewer', 'head', 'supervisor'];
const everyone = () => true;
const signedIn = (p: Principal) => p.role !== null;
const onLiuzhou =
  (...roles: TRoleId[]) =>
  (p: Principal) =>
    p.org === 'lz' && p.role !== null && roles.includes(p.role);
const anywhere =
  (...roles: TRoleId[]) =>
  (p: Principal) =>
    p.role !== null && roles.includes(p.role);

describe.each(dialectsUnderTest())('access matrix on %s', (dialect) => {
  let server: TestServer;
  let sys: ServiceContext;
  const principals: Principal[] = [];
  let target: TestAccount;
  let loginProbe: TestAccount;
  let officerId: string;
  const bundledTsv = fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv'));
  const legalSourcesJson = fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'legal-sources.json'), 'utf8');

  const freshUser = () => createAccount(sys, {});
  const freshOfficer = async () => {
    const user = await freshUser();
    return registerOfficer(sys, {
      userId: user.id,
      certificateNumber: uniqueName('GX'),
      issuingBody: '广西壮族自治区人民政府',
      validFrom: '2025-01-01',
      validTo: '2030-12-31',
    });
  };

  // A case of Liuzhou for each probe (transitions change its version), opened as the system.
  const freshCase = async () =>
    openCase(sys, { itemNo: 6, parties: [], facts: { receivedAt: '2026-11-30T02:00:00Z', requestNo: uniqueName('函') } });
  const caseWriters = ['officer', 'legal-reviewer', 'head'] as TRoleId[];
  // Another bureau's case staff reach the endpoint but learn nothing of Liuzhou's case: 404.
  const otherBureauSees404 = (p: Principal, body: unknown) => {
    if (p.org === 'gl') expect((body as { code?: string }).code, p.label).toBe('not-found');
  };

  const cases: Record<string, EndpointCase> = {
    'GET /api/v1/procedures': { allowed: everyone, probe: async () => ({ url: '/api/v1/procedures?org=lz' }) },
    'GET /api/v1/procedures/:itemNo': { allowed: everyone, probe: async () => ({ url: '/api/v1/procedures/1?org=lz' }) },
    'GET /api/v1/cases': {
      allowed: anywhere(...BUSINESS),
      probe: async () => ({ url: '/api/v1/cases?status=all' }),
      check: (p, body) => {
        // another bureau's staff list their own cases only: none of Liuzhou's
        if (p.org === 'gl') expect((body as { total: number }).total, p.label).toBe(0);
      },
    },
    'POST /api/v1/cases': {
      allowed: anywhere('officer'),
      probe: async () => ({
        url: '/api/v1/cases',
        payload: { itemNo: 6, facts: { receivedAt: '2026-11-30T02:00:00Z', requestNo: uniqueName('函') } },
      }),
    },
    'GET /api/v1/cases/:id': {
      allowed: (p) => p.role !== null && BUSINESS.includes(p.role),
      probe: async () => ({ url: `/api/v1/cases/${(await freshCase()).id}` }),
      check: otherBureauSees404,
    },
    'POST /api/v1/cases/:id/transitions': {
      allowed: (p) => (p.org === 'lz' && p.role === 'officer') || (p.org === 'gl' && p.role !== null && caseWriters.includes(p.role)),
      probe: async () => {
        const kase = await freshCase();
        return {
          url: `/api/v1/cases/${kase.id}/transitions`,
          payload: { action: 'register-request', expectedVersion: kase.version, facts: { informationItems: ['某信息'] } },
        };
      },
      check: otherBureauSees404,
    },
    'POST /api/v1/cases/:id/assignments': {
      allowed: (p) =>
        (p.org === 'lz' && (p.role === 'officer' || p.role === 'head')) ||
        (p.org === 'gl' && p.role !== null && caseWriters.includes(p.role)),
      probe: async () => {
        const kase = await freshCase();
        return { url: `/api/v1/cases/${kase.id}/assignments`, payload: { expectedVersion: kase.version, officerIds: [officerId] } };
      },
      check: otherBureauSees404,
    },
    'POST /api/v1/cases/:id/deadlines/:deadlineId': {
      allowed: (p) =>
        (p.org === 'lz' && (p.role === 'officer' || p.role === 'head')) ||
        (p.org === 'gl' && p.role !== null && caseWriters.includes(p.role)),
      probe: async () => {
        const kase = await openCase(sys, {
          itemNo: 7,
          parties: [],
          facts: { receivedAt: '2026-11-30T02:00:00Z', systemName: '某涉密系统' },
        });
        return {
          url: `/api/v1/cases/${kase.id}/deadlines/completeness-notice`,
          payload: {
            kind: 'suspension',
            expectedVersion: kase.version,
            from: '2026-12-01',
            to: '2026-12-02',
            reason: '等待申请单位补充说明',
          },
        };
      },
      check: otherBureauSees404,
    },
    'POST /api/v1/cases/:id/links': {
      allowed: (p) => p.role !== null && caseWriters.includes(p.role),
      probe: async () => {
        const [a, b] = [await freshCase(), await freshCase()];
        return { url: `/api/v1/cases/${a.id}/links`, payload: { otherCaseId: b.id, expectedVersion: a.version } };
      },
      check: otherBureauSees404,
    },
    'GET /api/v1/powerlists/current': { allowed: everyone, probe: async () => ({ url: '/api/v1/powerlists/current' }) },
    'GET /api/v1/powerlists/versions': { allowed: everyone, probe: async () => ({ url: '/api/v1/powerlists/versions' }) },
    'GET /api/v1/powerlists/versions/:n': { allowed: everyone, probe: async () => ({ url: '/api/v1/powerlists/versions/1' }) },
    'GET /api/v1/powerlists/items': { allowed: everyone, probe: async () => ({ url: '/api/v1/powerlists/items?q=载体' }) },
    'GET /api/v1/powerlists/items/:no': { allowed: everyone, probe: async () => ({ url: '/api/v1/powerlists/items/1' }) },
    'GET /api/v1/powerlists/export': { allowed: everyone, probe: async () => ({ url: '/api/v1/powerlists/export?format=json' }) },
    'POST /api/v1/powerlists/import': {
      allowed: onLiuzhou('system-admin', 'legal-reviewer'),
      probe: async () => {
        const body = multipartBody({ field: 'file', name: 'list.tsv', content: bundledTsv }, { dryRun: 'true' });
        return { url: '/api/v1/powerlists/import', payload: body.payload, headers: body.headers };
      },
    },
    'POST /api/v1/auth/login': {
      allowed: everyone,
      probe: async () => ({ url: '/api/v1/auth/login', payload: { username: loginProbe.username, password: loginProbe.password } }),
    },
    'POST /api/v1/auth/logout': { allowed: signedIn, probe: async () => ({ url: '/api/v1/auth/logout' }) },
    'POST /api/v1/auth/logout-everywhere': { allowed: signedIn, probe: async () => ({ url: '/api/v1/auth/logout-everywhere' }) },
    'GET /api/v1/auth/me': { allowed: signedIn, probe: async () => ({ url: '/api/v1/auth/me' }) },
    'GET /api/v1/auth/setup': { allowed: everyone, probe: async () => ({ url: '/api/v1/auth/setup' }) },
    'POST /api/v1/auth/setup': {
      allowed: everyone,
      probe: async () => ({
        url: '/api/v1/auth/setup',
        payload: { token: 'x'.repeat(43), username: 'late-admin', displayName: '迟到者', password: TEST_PASSWORD },
      }),
    },
    'GET /api/v1/admin-invitations': { allowed: onLiuzhou('system-admin'), probe: async () => ({ url: '/api/v1/admin-invitations' }) },
    'POST /api/v1/admin-invitations': {
      allowed: onLiuzhou('system-admin'),
      probe: async () => ({
        url: '/api/v1/admin-invitations',
        payload: { role: 'security-auditor', username: uniqueName('invited'), displayName: '受邀审计员' },
      }),
    },
    'POST /api/v1/admin-invitations/open': {
      allowed: everyone,
      probe: async () => ({ url: '/api/v1/admin-invitations/open', payload: { token: 'x'.repeat(43) } }),
    },
    'POST /api/v1/admin-invitations/accept': {
      allowed: everyone,
      probe: async () => ({
        url: '/api/v1/admin-invitations/accept',
        payload: { token: 'x'.repeat(43), password: TEST_PASSWORD, totp: '000000' },
      }),
    },
    'POST /api/v1/account/password': {
      allowed: signedIn,
      probe: async () => ({
        url: '/api/v1/account/password',
        payload: { currentPassword: 'not-the-password-1', newPassword: `${TEST_PASSWORD}-new` },
      }),
    },
    'POST /api/v1/account/totp': { allowed: signedIn, probe: async () => ({ url: '/api/v1/account/totp' }) },
    'POST /api/v1/account/totp/confirm': {
      allowed: signedIn,
      probe: async () => ({ url: '/api/v1/account/totp/confirm', payload: { code: '000000' } }),
    },
    'GET /api/v1/users': { allowed: onLiuzhou('system-admin'), probe: async () => ({ url: '/api/v1/users?org=lz' }) },
    'POST /api/v1/users': {
      allowed: onLiuzhou('system-admin'),
      probe: async () => ({
        url: '/api/v1/users',
        payload: { username: uniqueName('new'), displayName: '新用户', orgCode: 'lz', password: TEST_PASSWORD },
      }),
    },
    'GET /api/v1/users/:id': { allowed: onLiuzhou('system-admin'), probe: async () => ({ url: `/api/v1/users/${target.id}` }) },
    'PATCH /api/v1/users/:id': {
      allowed: onLiuzhou('system-admin'),
      probe: async () => ({ url: `/api/v1/users/${target.id}`, payload: { displayName: '改名后的用户' } }),
    },
    'POST /api/v1/users/:id/password': {
      allowed: onLiuzhou('system-admin'),
      probe: async () => ({ url: `/api/v1/users/${target.id}/password`, payload: { password: `${TEST_PASSWORD}-reset` } }),
    },
    'POST /api/v1/users/:id/unlock': {
      allowed: onLiuzhou('system-admin'),
      probe: async () => ({ url: `/api/v1/users/${target.id}/unlock` }),
    },
    'POST /api/v1/users/:id/totp-reset': {
      allowed: onLiuzhou('system-admin'),
      probe: async () => ({ url: `/api/v1/users/${target.id}/totp-reset` }),
    },
    'POST /api/v1/users/:id/disable': {
      allowed: onLiuzhou('system-admin'),
      probe: async () => ({ url: `/api/v1/users/${(await freshUser()).id}/disable` }),
    },
    'POST /api/v1/users/:id/enable': {
      allowed: onLiuzhou('system-admin'),
      probe: async () => ({ url: `/api/v1/users/${target.id}/enable` }),
    },
    'GET /api/v1/roles': {
      allowed: anywhere('security-admin'),
      probe: async () => ({ url: '/api/v1/roles' }),
      check: (p, body) => {
        // Another bureau's security administrator sees its own accounts only.
        const codes = new Set((body as { users: { organisation: { code: string } }[] }).users.map((u) => u.organisation.code));
        expect([...codes], p.label).toEqual([p.org]);
      },
    },
    'POST /api/v1/roles/grants': {
      allowed: onLiuzhou('security-admin'),
      probe: async () => ({
        url: '/api/v1/roles/grants',
        payload: { userId: (await freshUser()).id, role: 'officer', orgCode: 'lz', scope: 'organisation' },
      }),
    },
    'DELETE /api/v1/roles/grants/:id': {
      allowed: onLiuzhou('security-admin'),
      probe: async () => {
        const user = await freshUser();
        const grant = await assignRole(sys, { userId: user.id, role: 'supervisor', orgCode: 'lz', scope: 'organisation' });
        return { url: `/api/v1/roles/grants/${grant.id}` };
      },
    },
    'GET /api/v1/officers/public': { allowed: everyone, probe: async () => ({ url: '/api/v1/officers/public?org=lz' }) },
    'GET /api/v1/officers': { allowed: onLiuzhou(...BUSINESS, 'system-admin'), probe: async () => ({ url: '/api/v1/officers?org=lz' }) },
    'POST /api/v1/officers': {
      allowed: onLiuzhou('system-admin', 'head'),
      probe: async () => ({
        url: '/api/v1/officers',
        payload: {
          userId: (await freshUser()).id,
          certificateNumber: uniqueName('GX'),
          issuingBody: '广西壮族自治区人民政府',
          validFrom: '2025-01-01',
          validTo: '2030-12-31',
        },
      }),
    },
    // The register form's account list: the head may list them without the right to read accounts;
    // a 负责人 or system administrator of another bureau may not list Liuzhou's.
    'GET /api/v1/officers/candidates': {
      allowed: onLiuzhou('system-admin', 'head'),
      probe: async () => ({ url: '/api/v1/officers/candidates?org=lz' }),
      check: (p, body) => {
        const candidates = (body as { candidates: { orgCode: string }[] }).candidates;
        expect(candidates.length, p.label).toBeGreaterThan(0);
        expect(new Set(candidates.map((c) => c.orgCode)), p.label).toEqual(new Set(['lz']));
      },
    },
    'GET /api/v1/officers/:id': {
      allowed: onLiuzhou(...BUSINESS, 'system-admin'),
      probe: async () => ({ url: `/api/v1/officers/${officerId}` }),
    },
    'PUT /api/v1/officers/:id/certificate': {
      allowed: onLiuzhou('system-admin', 'head'),
      probe: async () => ({
        url: `/api/v1/officers/${officerId}/certificate`,
        payload: {
          certificateNumber: uniqueName('GX'),
          issuingBody: '广西壮族自治区人民政府',
          validFrom: '2026-01-01',
          validTo: '2031-12-31',
        },
      }),
    },
    'POST /api/v1/officers/:id/certificate/revoke': {
      allowed: onLiuzhou('system-admin', 'head'),
      probe: async () => ({
        url: `/api/v1/officers/${(await freshOfficer()).id}/certificate/revoke`,
        payload: { revokedOn: '2026-06-01' },
      }),
    },
    'POST /api/v1/officers/:id/conflicts': {
      allowed: onLiuzhou('system-admin', 'head'),
      probe: async () => ({
        url: `/api/v1/officers/${officerId}/conflicts`,
        payload: { partyId: uniqueName('p'), partyName: '某公司', reason: '近亲属任职' },
      }),
    },
    'DELETE /api/v1/officers/:id/conflicts/:conflictId': {
      allowed: onLiuzhou('system-admin', 'head'),
      probe: async () => {
        const officer = await declareConflict(sys, officerId, { partyId: uniqueName('p'), partyName: '某单位', reason: '曾在该单位任职' });
        const conflict = officer.conflicts.at(-1);
        return { url: `/api/v1/officers/${officerId}/conflicts/${conflict?.id}` };
      },
    },
    'GET /api/v1/audit/records': {
      allowed: onLiuzhou('security-auditor'),
      probe: async () => ({ url: '/api/v1/audit/records?org=lz&limit=5' }),
    },
    'GET /api/v1/audit/reads': {
      allowed: onLiuzhou('security-auditor'),
      probe: async () => ({ url: '/api/v1/audit/reads?org=lz&limit=5' }),
    },
    'GET /api/v1/audit/verify': { allowed: onLiuzhou('security-auditor'), probe: async () => ({ url: '/api/v1/audit/verify?org=lz' }) },
    'GET /api/v1/organisations': { allowed: everyone, probe: async () => ({ url: '/api/v1/organisations' }) },
    'POST /api/v1/organisations': {
      allowed: onLiuzhou('system-admin'),
      probe: async () => ({ url: '/api/v1/organisations', payload: { code: uniqueName('c'), name: '某县国家保密局', parentCode: 'lz' } }),
    },
    'GET /api/v1/legal-sources': { allowed: everyone, probe: async () => ({ url: '/api/v1/legal-sources' }) },
    'GET /api/v1/legal-sources/revisions': { allowed: everyone, probe: async () => ({ url: '/api/v1/legal-sources/revisions' }) },
    'GET /api/v1/legal-sources/export': { allowed: everyone, probe: async () => ({ url: '/api/v1/legal-sources/export' }) },
    // The registry of laws is shared by every organisation and owned by the root (自治区): its
    // reviewers and the installation's system administrator (on lz) change it, nobody else.
    'POST /api/v1/legal-sources/import': {
      allowed: onLiuzhou('system-admin'),
      probe: async () => ({
        url: '/api/v1/legal-sources/import?dryRun=true',
        payload: legalSourcesJson,
        headers: { 'content-type': 'application/json' },
      }),
    },
    'GET /api/v1/calendar': { allowed: anywhere('system-admin'), probe: async () => ({ url: '/api/v1/calendar?year=2026' }) },
    'POST /api/v1/calendar/overrides': {
      allowed: anywhere('system-admin'),
      probe: async () => ({
        url: '/api/v1/calendar/overrides',
        payload: { entries: [{ date: '2026-11-04', kind: 'holiday', name: '测试' }], dryRun: true },
      }),
    },
    'GET /api/v1/calendar/deadline': {
      allowed: everyone,
      probe: async () => ({ url: '/api/v1/calendar/deadline?from=2026-09-28&workingDays=5' }),
    },
    'POST /api/v1/legal-sources/changes': {
      allowed: onLiuzhou('system-admin'),
      probe: async () => ({
        url: '/api/v1/legal-sources/changes',
        payload: { change: { kind: 'set-status', sourceId: 'baomi-fa', edition: '主席令第28号', status: 'superseded' }, dryRun: true },
      }),
    },
    'PATCH /api/v1/organisations/:code': {
      allowed: onLiuzhou('system-admin'),
      probe: async () => ({ url: '/api/v1/organisations/lz', payload: { documentPrefix: '柳保' } }),
    },
  };

  beforeAll(async () => {
    server = await startTestServer({ dialect });
    sys = systemContext(server.db);
    await ensureOrganisation(sys, 'gl', 'gx', '桂林市国家保密局');
    principals.push({ label: 'anonymous', role: null, org: null, account: null });
    for (const org of ['lz', 'gl'] as const) {
      for (const role of ROLE_ID_VALUES) {
        const account = await createAccount(sys, { orgCode: org, external: role === 'applicant', grants: [{ role, orgCode: org }] });
        principals.push({ label: `${role}@${org}`, role, org, account });
      }
    }
    target = await createAccount(sys, {});
    loginProbe = await createAccount(sys, {});
    officerId = (await freshOfficer()).id;
  });
  afterAll(() => server.close());

  it('every API route declares a policy', async () => {
    const missing = server.app.routePolicies.filter((r) => r.action === null && !r.public).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    expect(server.app.routePolicies.length).toBeGreaterThan(30);
    // The OpenAPI document tells every client which action each endpoint needs.
    const doc = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { description?: string }>>;
    };
    const documented = server.app.routePolicies
      .filter((r) => r.action !== null)
      .map((r) => {
        const openApiPath = r.url.replace(/:(\w+)/g, '{$1}');
        const operation = (doc.paths[openApiPath] ?? doc.paths[`${openApiPath}/`])?.[r.method.toLowerCase()];
        return operation?.description?.split(`权限：${r.action} — `).length;
      });
    expect(new Set(documented)).toEqual(new Set([2]));
  });

  it('every API route has a row in this matrix, and every row a route', () => {
    const routes = server.app.routePolicies.map((r) => `${r.method} ${r.url}`).sort();
    expect(routes).toEqual(Object.keys(cases).sort());
  });

  it.each(Object.keys(cases))('%s', async (key) => {
    const endpoint = cases[key] as EndpointCase;
    const method = key.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    const mismatches: string[] = [];
    for (const principal of principals) {
      const probe = await endpoint.probe(principal);
      const session = principal.account ? await signIn(sys, principal.account) : null;
      const response = await server.app.inject({
        method,
        url: probe.url,
        headers: { ...(session?.headers ?? {}), ...(probe.headers ?? {}) },
        ...(probe.payload !== undefined ? { payload: probe.payload as string } : {}),
      });
      const expected = endpoint.allowed(principal);
      const denied = response.statusCode === 401 || response.statusCode === 403;
      if (response.statusCode >= 500) mismatches.push(`${principal.label}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      else if (expected && denied)
        mismatches.push(`${principal.label}: expected allowed, got ${response.statusCode} ${response.body.slice(0, 200)}`);
      else if (!expected && !denied) mismatches.push(`${principal.label}: expected denied, got ${response.statusCode}`);
      else if (!expected) {
        expect(response.statusCode, principal.label).toBe(principal.account ? 403 : 401);
        expect(response.headers['content-type'], principal.label).toMatch(/^application\/problem\+json/);
      } else if (endpoint.check && response.statusCode < 300) endpoint.check(principal, response.json());
    }
    expect(mismatches).toEqual([]);
  });
});
