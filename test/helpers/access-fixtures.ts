/**
 * Factories for people and sessions, made through the same use cases an operator and the
 * administrators would use (acting as the system), on the database a test server or service test
 * runs on. No shared fixtures: every test makes the accounts it needs, with unique names.
 */
import type { TRoleId } from '../../src/contracts/access.js';
import type { GrantScope } from '../../src/domain/access/roles.js';
import { createSession } from '../../src/services/auth/create-session.js';
import { csrfTokenFor } from '../../src/services/auth/csrf-token.js';
import { createContext, type ServiceContext, type ServiceSettings, SYSTEM } from '../../src/services/context.js';
import type { Db } from '../../src/services/database-lifecycle.js';
import { registerOfficer } from '../../src/services/officers/register-officer.js';
import { createOrganisation } from '../../src/services/organisations/create-organisation.js';
import { assignRole } from '../../src/services/roles/assign-role.js';
import { createUser } from '../../src/services/users/create-user.js';

/** A password that passes the policy and contains no test username. */
export const TEST_PASSWORD = 'Quanze-Integration-Passphrase-2026';

let counter = 0;

/** A unique lower-case name with a prefix (usernames, organisation codes, party ids). */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

/** A context acting as the system on `db`. */
export function systemContext(db: Db, options: { clock?: () => Date; settings?: Partial<ServiceSettings> } = {}): ServiceContext {
  return createContext(db, SYSTEM, options);
}

export interface GrantSpec {
  role: TRoleId;
  orgCode: string;
  scope?: GrantScope;
}

export interface AccountSpec {
  username?: string;
  displayName?: string;
  orgCode?: string;
  password?: string;
  external?: boolean;
  grants?: GrantSpec[];
  /** keep the state of a fresh account whose administrator-set password has not been changed yet */
  mustChangePassword?: boolean;
}

export interface TestAccount {
  id: string;
  username: string;
  password: string;
  orgCode: string;
}

/** Creates an account (with an initial password) and grants its roles. */
export async function createAccount(ctx: ServiceContext, spec: AccountSpec = {}): Promise<TestAccount> {
  const username = spec.username ?? uniqueName('u');
  const password = spec.password ?? TEST_PASSWORD;
  const orgCode = spec.orgCode ?? 'lz';
  const user = await createUser(ctx, {
    username,
    displayName: spec.displayName ?? `测试用户 ${username}`,
    orgCode,
    password,
    external: spec.external,
  });
  if ((spec.grants ?? []).some((g) => ['system-admin', 'security-admin', 'security-auditor'].includes(g.role))) {
    // An administrator role goes only to an account whose owner chose the password and enrolled an
    // authenticator (assign-role.ts): stand in for the owner having done both.
    await ctx.db
      .updateTable('users')
      .set({ must_change_password: 0, totp_enabled: 1, totp_secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' })
      .where('id', '=', user.id)
      .execute();
  }
  for (const grant of spec.grants ?? []) {
    await assignRole(ctx, { userId: user.id, role: grant.role, orgCode: grant.orgCode, scope: grant.scope ?? 'organisation' });
  }
  // Most tests act as accounts in everyday use, whose owners have replaced the initial password.
  if (!spec.mustChangePassword) await ctx.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', user.id).execute();
  return { id: user.id, username: user.username, password, orgCode };
}

/** Adds an organisation below `parentCode` (e.g. a sibling bureau for cross-organisation checks). */

/** An officer of `orgCode`: an account with the officer role and an enforcement certificate (valid 2020-01-01 … `validTo`). */
export async function createOfficer(
  ctx: ServiceContext,
  spec: { orgCode?: string; displayName?: string; validTo?: string } = {},
): Promise<{ id: string; userId: string; account: TestAccount }> {
  const orgCode = spec.orgCode ?? 'lz';
  const account = await createAccount(ctx, {
    orgCode,
    ...(spec.displayName ? { displayName: spec.displayName } : {}),
    grants: [{ role: 'officer', orgCode }],
  });
  const officer = await registerOfficer(ctx, {
    userId: account.id,
    certificateNumber: uniqueName('GX'),
    issuingBody: '广西壮族自治区人民政府',
    validFrom: '2020-01-01',
    validTo: spec.validTo ?? '2035-12-31',
  });
  return { id: officer.id, userId: account.id, account };
}
export async function ensureOrganisation(ctx: ServiceContext, code: string, parentCode: string, name: string): Promise<void> {
  const existing = await ctx.db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirst();
  if (!existing) await createOrganisation(ctx, { code, name, parentCode, documentPrefix: null });
}

export interface SignedIn {
  token: string;
  csrfToken: string;
  /** cookie and CSRF headers for a request of this session */
  headers: Record<string, string>;
}

/** Opens a session for the account directly (what sign-in does once every factor is checked). */
export async function signIn(ctx: ServiceContext, account: { id: string }): Promise<SignedIn> {
  const user = await ctx.db.selectFrom('users').select(['id', 'org_id']).where('id', '=', account.id).executeTakeFirstOrThrow();
  const { token } = await createSession(ctx, user);
  const csrfToken = csrfTokenFor(token);
  return { token, csrfToken, headers: { cookie: `quanze_session=${token}`, 'x-csrf-token': csrfToken } };
}

/** A multipart/form-data body with one file and some fields, for uploads through `app.inject`. */
export function multipartBody(file: { field: string; name: string; content: Uint8Array | string }, fields: Record<string, string> = {}) {
  const boundary = `----quanze${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(typeof file.content === 'string' ? Buffer.from(file.content) : Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
