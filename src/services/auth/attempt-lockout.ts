/**
 * The lockout of password attempts, shared by sign-in and the change of one's own password: an
 * attempt is admitted and counted as a failure in one short transaction that locks the account row
 * *before* the password is verified, and only a right password takes the count back. So however many
 * attempts arrive at once, at most FREE_LOGIN_ATTEMPTS passwords are checked before the account locks
 * (password-policy.ts has the schedule of growing delays).
 */
import { isLockedOut, lockedUntil } from '../../domain/access/password-policy.js';
import { lockUserLoginState, type UserRow, updateUser } from '../../store/repositories/users.repository.js';
import type { ServiceContext } from '../context.js';
import { inTransaction } from '../transaction.js';

export type Admission = { admitted: true; failures: number } | { admitted: false; lockedUntil: Date };

/**
 * Admits one attempt against the lockout, atomically: the account's row is locked, the lockout
 * checked and — when the attempt may proceed — the attempt counted as a failure already (taken back
 * by `releaseAttempt` or a successful sign-in). A refused attempt is audited by `onLocked` in the
 * same transaction.
 */
export async function admitAttempt(
  ctx: ServiceContext,
  user: UserRow,
  onLocked: (tx: ServiceContext, until: Date) => Promise<void>,
): Promise<Admission> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock();
    const state = await lockUserLoginState(tx.db, user.id);
    const lastFailureAt = parseInstant(state.last_failed_at);
    if (isLockedOut({ failures: state.failed_logins, lastFailureAt }, now)) {
      const until = lockedUntil(state.failed_logins, lastFailureAt as Date) as Date;
      await onLocked(tx, until);
      return { admitted: false, lockedUntil: until };
    }
    const failures = state.failed_logins + 1;
    const at = now.toISOString();
    await updateUser(tx.db, user.id, {
      failed_logins: failures,
      last_failed_at: at,
      locked_until: lockedUntil(failures, now)?.toISOString() ?? null,
      updated_at: at,
    });
    return { admitted: true, failures };
  });
}

/** Takes back the failure `admitAttempt` counted, for an attempt whose password was right. */
export async function releaseAttempt(ctx: ServiceContext, user: UserRow): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const state = await lockUserLoginState(tx.db, user.id);
    const failures = Math.max(0, state.failed_logins - 1);
    const lastFailureAt = parseInstant(state.last_failed_at);
    await updateUser(tx.db, user.id, {
      failed_logins: failures,
      locked_until: lastFailureAt === null ? null : (lockedUntil(failures, lastFailureAt)?.toISOString() ?? null),
    });
  });
}

function parseInstant(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}
