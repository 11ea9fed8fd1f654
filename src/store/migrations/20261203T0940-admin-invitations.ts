/**
 * Invitations of the other two separated administrators (三员初始化): the system administrator names
 * the security administrator and the security auditor, and each receives a one-time link on which
 * they set their own password and bind their own authenticator. Only the token's hash is stored;
 * the TOTP secret is made when the invitee opens the link and moves to the account on acceptance.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('admin_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    /** 'security-admin' | 'security-auditor' */
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('totp_secret', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('retired_at', 'text')
    .addColumn('user_id', 'text')
    .execute();
  await db.schema.createIndex('admin_invitations_role').on('admin_invitations').columns(['org_id', 'role']).execute();
}
