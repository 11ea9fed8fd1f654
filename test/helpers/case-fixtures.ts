/**
 * People who run cases, made through the real use cases: officers with certificates, a legal
 * reviewer, a head and a supervisor of one organisation, each signed in; plus a small HTTP client
 * for the case API of a test server.
 */
import type { TCase } from '../../src/contracts/cases.js';
import type { Db } from '../../src/store/database.js';
import { createAccount, createOfficer, type SignedIn, signIn, systemContext, uniqueName } from './access-fixtures.js';
import type { TestServer } from './test-server.js';

export interface CaseTeam {
  officers: { id: string; userId: string; session: SignedIn }[];
  /** an officer whose certificate expired */
  expiredOfficer: { id: string; userId: string; session: SignedIn };
  reviewer: SignedIn;
  head: SignedIn;
  supervisor: SignedIn;
}

/** Two officers with valid certificates, one with an expired one, a reviewer, a head, a supervisor on `orgCode`. */
export async function createCaseTeam(server: TestServer, orgCode = 'lz', clock?: () => Date): Promise<CaseTeam> {
  const ctx = systemContext(server.db, clock ? { clock } : {});
  const officer = async (validTo: string) => {
    const made = await createOfficer(ctx, { orgCode, displayName: `执法员${uniqueName('')}`, validTo });
    return { id: made.id, userId: made.userId, session: await signIn(ctx, made.account) };
  };
  const person = async (role: 'legal-reviewer' | 'head' | 'supervisor') =>
    signIn(
      ctx,
      await createAccount(ctx, { orgCode, grants: [{ role, orgCode, scope: role === 'supervisor' ? 'subtree' : 'organisation' }] }),
    );
  return {
    officers: [await officer('2030-12-31'), await officer('2030-12-31')],
    expiredOfficer: await officer('2025-12-31'),
    reviewer: await person('legal-reviewer'),
    head: await person('head'),
    supervisor: await person('supervisor'),
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

/** A JSON request through the in-process server. */
export async function api<T = unknown>(
  server: TestServer,
  method: 'GET' | 'POST',
  url: string,
  session: SignedIn | null,
  payload?: unknown,
): Promise<ApiResponse<T>> {
  const response = await server.app.inject({
    method,
    url,
    headers: { ...(session?.headers ?? {}), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
  return { status: response.statusCode, body: response.json() as T };
}

/** Takes an action on a case and expects success; returns the case. */
export async function act(
  server: TestServer,
  session: SignedIn,
  kase: TCase,
  action: string,
  facts: Record<string, unknown>,
  extra: { at?: string; override?: { reason: string; rules: string[] } } = {},
): Promise<TCase> {
  const response = await api<TCase>(server, 'POST', `/api/v1/cases/${kase.id}/transitions`, session, {
    action,
    expectedVersion: kase.version,
    facts,
    ...extra,
  });
  if (response.status !== 200) throw new Error(`${action} → ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * How many events each case has and how many audit records name each case — what the crash, load
 * and disk-full checks compare with the versions to find a half-written case.
 */
export async function caseWriteCounts(db: Db): Promise<{ events: Map<string, number>; audits: Map<string, number> }> {
  const events = await db
    .selectFrom('case_events')
    .select(['case_id'])
    .select((eb) => eb.fn.countAll().as('n'))
    .groupBy('case_id')
    .execute();
  const audits = await db
    .selectFrom('audit_log')
    .select(['target_id'])
    .select((eb) => eb.fn.countAll().as('n'))
    .where('target_type', '=', 'case')
    .groupBy('target_id')
    .execute();
  return {
    events: new Map(events.map((e) => [e.case_id, Number(e.n)])),
    audits: new Map(audits.map((a) => [String(a.target_id), Number(a.n)])),
  };
}
