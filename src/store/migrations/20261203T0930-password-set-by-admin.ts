/**
 * users.password_set_by_admin (issue 9, 三员分立): 1 once an administrator chose the account's
 * password — when creating the account or resetting its password. Whoever changed it later did so
 * with a password the administrator knew, so such an account is never given an administrator role
 * (assign-role.ts); administrators come in by invitation link. Existing accounts are marked from
 * the audit log: created or reset by another signed-in account.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('password_set_by_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`UPDATE users SET password_set_by_admin = 1 WHERE id IN (
    SELECT target_id FROM audit_log
    WHERE action IN ('user.create', 'user.password-reset') AND actor_id IS NOT NULL AND target_id IS NOT NULL AND actor_id <> target_id
  )`.execute(db);
}
