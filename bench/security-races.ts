/**
 * Issue 9's two races, replayed against the product: `npx tsx bench/security-races.ts` (Linux: the
 * clients bind to 60 loopback source addresses 127.0.0.2 …, so each stays under the sign-in limit
 * of 10 per address and minute, the default).
 *
 * 1. The lockout: 60 concurrent sign-ins to one account, the right password at position 30.
 * 2. The administrator grant (三员分立): the system administrator creates an account with a password
 *    it chose, the security administrator grants it the auditor role, the system administrator signs
 *    in as it; then the reordered variant (it also changes the password and enrols TOTP first).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import { loadConfig } from '../src/config/env.js';
import { startServer } from '../src/http/start-server.js';
import { createContext, SYSTEM } from '../src/services/context.js';
import { createAdminAccount } from '../src/services/users/create-admin-account.js';
import { createUser } from '../src/services/users/create-user.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-race-'));
const config = { ...loadConfig({ QUANZE_DATA_DIR: dir }), port: 0, host: '127.0.0.1', logLevel: 'silent' as const };
const server = await startServer(config, { onSetupLink: () => {} });
const port = Number(new URL(server.url).port);
const sys = createContext(server.db, SYSTEM);
const PW = 'Quanze-Race-Passphrase-2026';

// biome-ignore lint/suspicious/noExplicitAny: the answers of several endpoints, read loosely
type Body = any;
type Res = { status: number; body: Body; cookie: string | null };
function req(
  method: string,
  p: string,
  body: unknown,
  opts: { from?: string | undefined; cookie?: string; csrf?: string } = {},
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const r = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: p,
        localAddress: opts.from,
        headers: {
          ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
          ...(opts.csrf ? { 'x-csrf-token': opts.csrf } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const sc = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('quanze_session='));
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, cookie: sc ? (sc.split(';')[0] ?? null) : null });
        });
      },
    );
    r.on('error', reject);
    if (data) r.write(data);
    r.end();
  });
}
async function login(username: string, password: string, totp?: string, from?: string) {
  const r = await req('POST', '/api/v1/auth/login', { username, password, ...(totp ? { totp } : {}) }, { from });
  return {
    ...r,
    session: r.body?.status === 'signed-in' ? { cookie: r.cookie as string, csrf: r.body.session.csrfToken as string } : null,
  };
}

// ---- Race 1: the lockout
const victim = await createUser(sys, { username: 'victim', displayName: '受害者', orgCode: 'lz', password: PW });
await server.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', victim.id).execute();
const t0 = performance.now();
const results = await Promise.all(
  Array.from({ length: 60 }, (_, i) => login('victim', i === 29 ? PW : `wrong-guess-${i}-abcdef`, undefined, `127.0.0.${i + 2}`)),
);
const ms = Math.round(performance.now() - t0);
const byStatus: Record<string, number> = {};
for (const r of results)
  byStatus[`${r.status} ${r.body?.code ?? r.body?.status ?? ''}`] =
    (byStatus[`${r.status} ${r.body?.code ?? r.body?.status ?? ''}`] ?? 0) + 1;
const rows = await server.db
  .selectFrom('audit_log')
  .select(['action', 'details', 'source_ip'])
  .where('target_id', '=', victim.id)
  .execute();
const badPw = rows.filter((r) => r.action === 'session.login-failed' && JSON.parse(r.details).reason === 'bad-password').length;
const refused = rows.filter((r) => r.action === 'session.login-refused').length;
const logins = results.filter((r) => r.body?.status === 'signed-in').length;
const addrs = new Set(rows.filter((r) => r.action.startsWith('session.')).map((r) => r.source_ip)).size;
console.log(
  JSON.stringify(
    {
      race: 'lockout',
      answers: byStatus,
      position30: `${results[29]?.status} ${results[29]?.body?.code ?? results[29]?.body?.status}`,
      passwordsVerified: badPw + logins,
      auditedBadPassword: badPw,
      auditedLockedRefusals: refused,
      signedIn: logins,
      distinctSourceAddresses: addrs,
      ms,
      sameDetail: new Set(results.filter((r) => r.status === 401).map((r) => r.body.detail)).size,
    },
    null,
    1,
  ),
);

// ---- Race 2: the admin grant (三员分立 procedure)
const totpNow = (secret: string) => generate({ secret });
async function adminSession(username: string, role: 'system-admin' | 'security-admin') {
  await createAdminAccount(sys, { username, password: PW, role });
  const first = await login(username, PW);
  const secret = first.body.enrolment.secret as string;
  const done = await login(username, PW, await totpNow(secret));
  return done.session as { cookie: string; csrf: string };
}
const sa = await adminSession('sysadmin', 'system-admin');
const sec = await adminSession('secadmin', 'security-admin');
const steps: Record<string, unknown> = {};
const created = await req('POST', '/api/v1/users', { username: 'shadow', displayName: '影子审计员', orgCode: 'lz', password: PW }, sa);
steps['1 system admin creates account with its own password'] = created.status;
const grant = () =>
  req('POST', '/api/v1/roles/grants', { userId: created.body.id, role: 'security-auditor', orgCode: 'lz', scope: 'subtree' }, sec);
const g1 = await grant();
steps['2 security admin grants security-auditor'] = `${g1.status} ${g1.body.detail ?? ''}`;
const asShadow = await login('shadow', PW);
steps['3 system admin signs in as it'] = `${asShadow.status} ${asShadow.body.status}`;
const read1 = await req('GET', '/api/v1/audit/records', undefined, asShadow.session ?? {});
steps['3b reads the audit log'] = read1.status;
const enrol = await req('POST', '/api/v1/account/totp', {}, asShadow.session ?? {});
steps['4 enrols its own authenticator (must change password first)'] = `${enrol.status} ${enrol.body?.detail ?? ''}`;
const g2 = await grant();
steps['5 grant again'] = g2.status;
// The reordered variant: the system administrator also changes the password, then enrols.
const changed = await req('POST', '/api/v1/account/password', { currentPassword: PW, newPassword: `${PW}-x` }, asShadow.session ?? {});
steps['R1 (reordered) changes the password as the account'] = changed.status;
const again = await login('shadow', `${PW}-x`);
const en = await req('POST', '/api/v1/account/totp', {}, again.session ?? {});
const secret = en.body?.secret as string | undefined;
const conf = secret ? await req('POST', '/api/v1/account/totp/confirm', { code: await totpNow(secret) }, again.session ?? {}) : en;
steps['R2 enrols its own authenticator'] = conf.status;
const g3 = await grant();
steps['R3 security admin grants security-auditor'] = g3.status;
const oldRead = await req('GET', '/api/v1/audit/records', undefined, again.session ?? {});
steps['R4 the session that existed before the grant reads the audit log'] = oldRead.status;
console.log(JSON.stringify({ race: 'admin-grant', steps }, null, 1));
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
