/**
 * The world the endpoint fuzzer acts in: the product in-process on a fresh database with the
 * bundled list, a signed-in account of every role (DOMAIN.md §5) plus the anonymous public, and
 * pools of real identifiers (users, grants, officers, cases, deadlines, items, organisations) so
 * that generated requests reach past "not found" into the use cases.
 *
 * The actors' own accounts are never in a pool: a fuzzed request may disable, unlock, demote or sign
 * out whatever it names, and the world must stay usable for the next request. Requests that act on
 * the caller's own session (sign-in, sign-out, password, authenticator) run on a fresh session of a
 * twin account of the same role for that reason.
 */
import type { TRoleId } from '../../src/contracts/access.js';
import { ROLE_ID_VALUES } from '../../src/contracts/access.js';
import type { TCase } from '../../src/contracts/cases.js';
import { registerOfficer } from '../../src/services/officers/register-officer.js';
import { assignRole } from '../../src/services/roles/assign-role.js';
import {
  createAccount,
  ensureOrganisation,
  type SignedIn,
  signIn,
  systemContext,
  TEST_PASSWORD,
  type TestAccount,
  uniqueName,
} from '../helpers/access-fixtures.js';
import { api, createCaseTeam } from '../helpers/case-fixtures.js';
import type { TestDialect } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

export interface Actor {
  /** `anonymous`, a role id, or `officer-must-change-password` */
  label: string;
  role: TRoleId | null;
  account: { id: string } | null;
  /** the session every ordinary request of this actor uses (null: anonymous) */
  session: SignedIn | null;
  /** a second account of the same role, for requests that end or change the caller's own session */
  twin: TestAccount | null;
}

/** Known-good values by the name of the field or parameter that carries them. */
export type Pools = Record<string, readonly (string | number)[]>;

export interface FuzzWorld {
  server: TestServer;
  actors: Actor[];
  pools: Pools;
  /** a fresh session of the actor's twin (or null for the anonymous actor) */
  freshTwinSession(actor: Actor): Promise<SignedIn | null>;
  /** whether every actor's session still answers /auth/me; re-signs in those that do not */
  repairSessions(): Promise<string[]>;
  close(): Promise<void>;
}

const COMPANY = { kind: 'organisation', name: '某科技有限公司', creditCode: '91110108MA01XY7K9D' } as const;

/** Strings under the given keys anywhere in a JSON value. */
function stringsUnder(value: unknown, keys: ReadonlySet<string>, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) stringsUnder(v, keys, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (keys.has(k) && (typeof v === 'string' || typeof v === 'number')) out.add(String(v));
      stringsUnder(v, keys, out);
    }
  }
  return out;
}

/** Starts the product and arranges the actors and pools. */
export async function createFuzzWorld(dialect: TestDialect = 'sqlite'): Promise<FuzzWorld> {
  const server = await startTestServer({ dialect });
  const sys = systemContext(server.db);
  await ensureOrganisation(sys, 'gl', 'gx', '桂林市国家保密局');
  await ensureOrganisation(sys, 'fzv', 'lz', '模糊测试下级机构');

  // The case team supplies the officers (with certificates, so case requests get past "who may act").
  const team = await createCaseTeam(server, 'lz');
  const actors: Actor[] = [{ label: 'anonymous', role: null, account: null, session: null, twin: null }];
  const twinOf = async (role: TRoleId) =>
    createAccount(sys, { orgCode: 'lz', external: role === 'applicant', grants: [{ role, orgCode: 'lz' }] });
  for (const role of ROLE_ID_VALUES) {
    const officer = team.officers[0];
    if (role === 'officer' && officer) {
      actors.push({ label: role, role, account: { id: officer.userId }, session: officer.session, twin: await twinOf(role) });
      continue;
    }
    const account = await createAccount(sys, {
      orgCode: 'lz',
      external: role === 'applicant',
      grants: [{ role, orgCode: 'lz', scope: role === 'supervisor' ? 'subtree' : 'organisation' }],
    });
    actors.push({ label: role, role, account, session: await signIn(sys, account), twin: await twinOf(role) });
  }
  const fresh = await createAccount(sys, { orgCode: 'lz', grants: [{ role: 'officer', orgCode: 'lz' }], mustChangePassword: true });
  actors.push({
    label: 'officer-must-change-password',
    role: 'officer',
    account: fresh,
    session: await signIn(sys, fresh),
    twin: await createAccount(sys, { orgCode: 'lz', grants: [{ role: 'officer', orgCode: 'lz' }], mustChangePassword: true }),
  });

  // Victims: accounts, grants and an officer that fuzzed writes may change at will.
  const victims: TestAccount[] = [];
  for (const [role, orgCode] of [
    ['officer', 'lz'],
    ['head', 'fzv'],
    ['supervisor', 'gl'],
    ['applicant', 'lz'],
  ] as const) {
    victims.push(await createAccount(sys, { orgCode, external: role === 'applicant', grants: [{ role, orgCode }] }));
  }
  const extraGrant = await assignRole(sys, { userId: victims[0]?.id ?? '', role: 'legal-reviewer', orgCode: 'lz', scope: 'organisation' });
  const grants = await server.db
    .selectFrom('role_grants')
    .select('id')
    .where(
      'user_id',
      'in',
      victims.map((v) => v.id),
    )
    .execute();
  const victimOfficer = await registerOfficer(sys, {
    userId: victims[0]?.id ?? '',
    certificateNumber: uniqueName('GX'),
    issuingBody: '广西壮族自治区人民政府',
    validFrom: '2020-01-01',
    validTo: '2030-12-31',
  });

  // Two cases in flight, opened the way an officer opens them.
  const officerSession = team.officers[0]?.session ?? null;
  const officerIds = [...team.officers.map((o) => o.id), team.expiredOfficer.id, victimOfficer.id];
  const cases: TCase[] = [];
  for (const [itemNo, facts] of [
    [1, { source: '举报', summary: '举报某人持有涉密文件', discoveredOn: '2026-10-19' }],
    [2, { foundOn: '2026-10-12', source: '网络巡查' }],
  ] as const) {
    const opened = await api<TCase>(server, 'POST', '/api/v1/cases', officerSession, {
      itemNo,
      parties: [COMPANY],
      facts,
      officerIds: team.officers.map((o) => o.id),
    });
    if (opened.status === 201) cases.push(opened.body);
  }

  const items = await api<{ items?: { no: number }[] }>(server, 'GET', '/api/v1/powerlists/items', null);
  const itemNos = (items.body.items ?? []).map((i) => i.no);
  const legal = await api(server, 'GET', '/api/v1/legal-sources/', null);
  const procedures = await api(server, 'GET', '/api/v1/procedures/1', team.head);
  const deadlines = cases.flatMap((c) => c.deadlines.map((d) => d.id));

  const pools: Pools = {
    userId: [...victims.map((v) => v.id)],
    grantId: [...grants.map((g) => g.id), extraGrant.id],
    officerId: officerIds,
    caseId: cases.map((c) => c.id),
    deadlineId: [...new Set([...deadlines, 'completeness-notice'])],
    itemNo: itemNos.length > 0 ? itemNos : [1, 2, 3],
    version: [1, 2],
    orgCode: ['lz', 'gl', 'gx', 'fzv'],
    username: [...victims.map((v) => v.username), 'admin', 'root'],
    password: [TEST_PASSWORD],
    sourceId: [...stringsUnder(legal.body, new Set(['id', 'sourceId']))].slice(0, 20),
    edition: [...stringsUnder(legal.body, new Set(['edition']))].slice(0, 20),
    caseAction: [...stringsUnder(procedures.body, new Set(['action', 'actions']))].slice(0, 40),
    role: [...ROLE_ID_VALUES],
    date: ['2026-03-02', '2026-10-19', '2026-02-28', '2026-12-31', '2027-01-01'],
    year: [2025, 2026, 2027],
  };

  return {
    server,
    actors,
    pools,
    freshTwinSession: async (actor) => (actor.twin ? signIn(sys, actor.twin) : null),
    repairSessions: async () => {
      const repaired: string[] = [];
      for (const actor of actors) {
        if (!actor.session) continue;
        const me = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: actor.session.headers });
        if (me.statusCode === 200) continue;
        repaired.push(`${actor.label}: /auth/me answered ${me.statusCode}`);
        if (actor.account) actor.session = await signIn(sys, actor.account);
      }
      return repaired;
    },
    close: () => server.close(),
  };
}
