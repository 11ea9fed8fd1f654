/**
 * Sign-in (登录): password, then — for an account with a second factor, and always for the three
 * separated administrators (三员) — a TOTP code. An administrator without an authenticator is
 * enrolled during sign-in: the answer carries a new secret, and a code from it completes both the
 * enrolment and the sign-in.
 *
 * The lockout (growing delays after 5 failures: password-policy.ts) must hold under concurrency:
 * an attempt is admitted and counted as a failure in one short transaction that locks the account
 * row (SELECT … FOR UPDATE on PostgreSQL; SQLite runs one write transaction at a time) *before* its
 * password is verified, and only a right password takes the count back. So however many attempts
 * arrive at once, at most FREE_LOGIN_ATTEMPTS passwords are checked before the account locks; a
 * locked account is refused without checking the password. The password itself is verified outside
 * any transaction: argon2 takes ~20 ms, which must not hold the database.
 *
 * An unknown username, a wrong password and a locked account get the same answer (401, one
 * message) after the same work (a dummy argon2 verification), so answers do not reveal which
 * accounts exist or are locked; the audit log records which it was.
 */
import type { TLoginResponse, TSessionInfo } from '../../contracts/auth.js';
import { lockedUntil } from '../../domain/access/password-policy.js';
import { isTotpRequired } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { findUserByUsername, type UserRow, updateUser } from '../../store/repositories/users.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceContext } from '../context.js';
import { loadOrgTree, requireOrgByCode } from '../organisations/load-org-tree.js';
import { inTransaction } from '../transaction.js';
import { admitAttempt, releaseAttempt } from './attempt-lockout.js';
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

/** One answer for an unknown username, a wrong password and a locked account (no enumeration oracle). */
export const BAD_CREDENTIALS = '用户名或密码不正确。连续输错 5 次后账号会暂时锁定，锁定期间无法登录；如需立即解除，请联系系统管理员。';

/**
 * Checks the credentials and, when they are complete and right, opens a session.
 * @throws DomainError 'unauthenticated' for an unknown account, a wrong password or code, a locked
 *   account (the same answer) or a disabled account.
 */
export async function login(ctx: ServiceContext, options: LoginOptions): Promise<LoginResult> {
  const username = options.username.trim().toLowerCase();
  const user = await findUserByUsername(ctx.db, username);

  if (!user) {
    await verifyPassword(null, options.password);
    await recordFailure(ctx, null, username, 'bad-password', 0);
    throw new DomainError(ERROR_CODES.unauthenticated, BAD_CREDENTIALS);
  }

  const admission = await admitAttempt(ctx, user, (tx, until) =>
    recordAudit(tx, {
      orgId: user.org_id,
      action: 'session.login-refused',
      targetType: 'user',
      targetId: user.id,
      actor: { id: user.id, name: user.display_name },
      details: { username: user.username, reason: 'locked', lockedUntil: until.toISOString() },
    }).then(() => undefined),
  );
  if (!admission.admitted) {
    // The same work as a checked attempt, so that the answer's timing does not tell "locked" apart.
    await verifyPassword(null, options.password);
    throw new DomainError(ERROR_CODES.unauthenticated, BAD_CREDENTIALS);
  }

  const passwordOk = await verifyPassword(user.password_hash, options.password);
  if (!passwordOk) {
    await recordFailure(ctx, user, username, 'bad-password', admission.failures);
    throw new DomainError(ERROR_CODES.unauthenticated, BAD_CREDENTIALS);
  }
  if (user.status !== 'active') {
    await releaseAttempt(ctx, user);
    await auditRefusal(ctx, user, 'disabled', {});
    throw new DomainError(ERROR_CODES.unauthenticated, '该账号已停用，请联系系统管理员。');
  }

  const now = ctx.clock();
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
      // The right password without its code yet is not a guess: the attempt no longer counts.
      await releaseAttempt(ctx, user);
      if (user.totp_enabled === 1) return { status: 'totp-required', message: '请输入身份验证器中的 6 位动态口令。' };
      return {
        status: 'totp-enrolment-required',
        message: '管理员账号必须使用动态口令。请用身份验证器扫描二维码（或输入密钥），再输入其中显示的 6 位口令完成登录。',
        enrolment: { secret, uri: totpUri({ secret, accountName: user.username }) },
      };
    }
    const checked = await verifyTotp({ secret, token: options.totp, now, lastUsedTimeStep: user.totp_last_step });
    if (!checked.valid) {
      await recordFailure(ctx, user, username, 'bad-totp', admission.failures);
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

/** Audits a failed attempt (already counted by `admitAttempt` when there is an account). */
async function recordFailure(
  ctx: ServiceContext,
  user: UserRow | null,
  username: string,
  reason: 'bad-password' | 'bad-totp',
  failures: number,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
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
    const until = lockedUntil(failures, tx.clock());
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

async function auditRefusal(ctx: ServiceContext, user: UserRow, reason: 'disabled', details: Record<string, never>): Promise<void> {
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
