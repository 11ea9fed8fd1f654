/**
 * Sign-in (登录): password, then — for an account with a second factor, and always for the three
 * separated administrators (三员) — a TOTP code. An administrator without an authenticator is
 * enrolled during sign-in: the answer carries a new secret, and a code from it completes both the
 * enrolment and the sign-in.
 *
 * Every failure counts towards the lockout (growing delays after 5 failures: password-policy.ts)
 * and is audited with the reason; a locked account is refused without checking the password, so
 * that guessing stops while it is locked. The password is verified outside any transaction:
 * argon2 takes ~20 ms, which must not hold the database.
 */
import type { TLoginResponse, TSessionInfo } from '../../contracts/auth.js';
import { isLockedOut, lockedUntil } from '../../domain/access/password-policy.js';
import { isTotpRequired } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findUserByUsername, type UserRow, updateUser } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { loadOrgTree, requireOrgByCode } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { createSession } from './create-session.js';
import { describeSession } from './describe-session.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { createTotpSecret, totpUri, verifyTotp } from './totp.js';
import { userActorOf } from './user-actor.js';

export interface LoginOptions {
  username: string;
  password: string;
  totp?: string | undefined;
}

/** The sign-in answer; `token` (for the cookie) only when signed in. */
export type LoginResult = { status: 'signed-in'; token: string; session: TSessionInfo } | Exclude<TLoginResponse, { status: 'signed-in' }>;

const BAD_CREDENTIALS = '用户名或密码不正确。';

/**
 * Checks the credentials and, when they are complete and right, opens a session.
 * @throws DomainError 'unauthenticated' for a wrong password or code or a disabled account,
 *   'rate-limited' while the account is locked after repeated failures.
 */
export async function login(ctx: ServiceContext, options: LoginOptions): Promise<LoginResult> {
  const username = options.username.trim().toLowerCase();
  const user = await findUserByUsername(ctx.db, username);
  const now = ctx.clock();

  if (user && isLockedOut({ failures: user.failed_logins, lastFailureAt: parseInstant(user.last_failed_at) }, now)) {
    const until = lockedUntil(user.failed_logins, parseInstant(user.last_failed_at) as Date) as Date;
    await auditRefusal(ctx, user, 'locked', { lockedUntil: until.toISOString() });
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    throw new DomainError(
      ERROR_CODES.rateLimited,
      `登录失败次数过多，账号已暂时锁定，请 ${minutes} 分钟后再试，或联系系统管理员解除锁定。`,
    );
  }

  const passwordOk = await verifyPassword(user?.password_hash ?? null, options.password);
  if (!user || !passwordOk) {
    await recordFailure(ctx, user ?? null, username, 'bad-password');
    throw new DomainError(ERROR_CODES.unauthenticated, BAD_CREDENTIALS);
  }
  if (user.status !== 'active') {
    await auditRefusal(ctx, user, 'disabled', {});
    throw new DomainError(ERROR_CODES.unauthenticated, '该账号已停用，请联系系统管理员。');
  }

  const actor = await userActorOf(ctx.db, user, null);
  const mustUseTotp = user.totp_enabled === 1 || isTotpRequired(actor.grants.map((g) => g.role));
  let totpStep: number | null = null;
  let enrolled = false;
  if (mustUseTotp) {
    let secret = user.totp_secret;
    if (user.totp_enabled !== 1 && secret === null) {
      // Enrolment starts: the secret is kept (not yet enabled) so that retries show the same one.
      secret = createTotpSecret();
      await updateUser(ctx.db, user.id, { totp_secret: secret, updated_at: now.toISOString() });
    }
    if (secret === null) throw new Error(`account ${user.id} has TOTP enabled without a secret`);
    if (!options.totp) {
      if (user.totp_enabled === 1) return { status: 'totp-required', message: '请输入身份验证器中的 6 位动态口令。' };
      return {
        status: 'totp-enrolment-required',
        message: '管理员账号必须使用动态口令。请用身份验证器扫描二维码（或输入密钥），再输入其中显示的 6 位口令完成登录。',
        enrolment: { secret, uri: totpUri({ secret, accountName: user.username }) },
      };
    }
    const checked = await verifyTotp({ secret, token: options.totp, now, lastUsedTimeStep: user.totp_last_step });
    if (!checked.valid) {
      await recordFailure(ctx, user, username, 'bad-totp');
      throw new DomainError(ERROR_CODES.unauthenticated, '动态口令不正确或已使用过，请输入身份验证器中最新的口令。', {
        issues: [{ path: ['totp'], message: '动态口令不正确' }],
      });
    }
    totpStep = checked.timeStep;
    enrolled = user.totp_enabled !== 1;
  }

  const rehashed = needsRehash(user.password_hash) ? await hashPassword(options.password) : null;
  return inTransaction(ctx, async (tx) => {
    const at = tx.clock().toISOString();
    await updateUser(tx.db, user.id, {
      failed_logins: 0,
      last_failed_at: null,
      locked_until: null,
      last_login_at: at,
      updated_at: at,
      ...(totpStep !== null ? { totp_last_step: totpStep, totp_enabled: 1 } : {}),
      ...(rehashed !== null ? { password_hash: rehashed } : {}),
    });
    const { token, session } = await createSession(tx, user);
    const auditActor = { id: user.id, name: user.display_name };
    if (enrolled) {
      await recordAudit(tx, { orgId: user.org_id, action: 'account.totp-enrol', targetType: 'user', targetId: user.id, actor: auditActor });
    }
    await recordAudit(tx, {
      orgId: user.org_id,
      action: 'session.login',
      targetType: 'session',
      targetId: session.id,
      actor: auditActor,
      details: { username: user.username, secondFactor: totpStep !== null },
    });
    const fresh: UserRow = {
      ...user,
      last_login_at: at,
      totp_enabled: totpStep !== null ? 1 : user.totp_enabled,
      totp_last_step: totpStep ?? user.totp_last_step,
    };
    const tree = await loadOrgTree(tx.db);
    return {
      status: 'signed-in',
      token,
      session: describeSession(tx, { user: fresh, actor: { ...actor, sessionId: session.id }, session, token, tree }),
    };
  });
}

/** Counts a failed attempt against the account (when there is one) and audits it. */
async function recordFailure(
  ctx: ServiceContext,
  user: UserRow | null,
  username: string,
  reason: 'bad-password' | 'bad-totp',
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock();
    if (user === null) {
      // No account, so no organisation: the installation's own chain records the attempt.
      const home = requireOrgByCode(await loadOrgTree(tx.db), tx.settings.homeOrgCode);
      await recordAudit(tx, {
        orgId: home.id,
        action: 'session.login-failed',
        targetType: 'user',
        targetId: null,
        actor: { id: null, name: username },
        details: { username, reason: 'unknown-user' },
      });
      return;
    }
    await tx.db
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), last_failed_at: now.toISOString(), updated_at: now.toISOString() }))
      .where('id', '=', user.id)
      .execute();
    const row = await tx.db.selectFrom('users').select('failed_logins').where('id', '=', user.id).executeTakeFirstOrThrow();
    const failures = Number(row.failed_logins);
    const until = lockedUntil(failures, now);
    await updateUser(tx.db, user.id, { locked_until: until?.toISOString() ?? null });
    await recordAudit(tx, {
      orgId: user.org_id,
      action: 'session.login-failed',
      targetType: 'user',
      targetId: user.id,
      actor: { id: user.id, name: user.display_name },
      details: { username, reason, failures, lockedUntil: until?.toISOString() ?? null },
    });
  });
}

async function auditRefusal(
  ctx: ServiceContext,
  user: UserRow,
  reason: 'locked' | 'disabled',
  details: { lockedUntil?: string },
): Promise<void> {
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      orgId: user.org_id,
      action: 'session.login-refused',
      targetType: 'user',
      targetId: user.id,
      actor: { id: user.id, name: user.display_name },
      details: { username: user.username, reason, ...details },
    }),
  );
}

function parseInstant(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}
