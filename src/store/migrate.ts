/**
 * Forward-only migrations, applied at start. Each migration is a module under ./migrations named
 * by its UTC timestamp; the list below is their order.
 */
import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as powerLists from './migrations/20261126T2300-power-lists.js';
import * as peopleAndAudit from './migrations/20261126T2310-people-and-audit.js';
import * as legalRegistry from './migrations/20261126T2320-legal-registry.js';
import * as calendarOverrides from './migrations/20261203T0900-calendar-overrides.js';
import * as passwordSetByAdmin from './migrations/20261203T0930-password-set-by-admin.js';
import * as adminInvitations from './migrations/20261203T0940-admin-invitations.js';
import * as cases from './migrations/20261203T1000-cases.js';
import * as powerListStaging from './migrations/20261203T1330-power-list-staging.js';

const MIGRATIONS: Record<string, Migration> = {
  '20261126T2300-power-lists': powerLists,
  '20261126T2310-people-and-audit': peopleAndAudit,
  '20261126T2320-legal-registry': legalRegistry,
  '20261203T0900-calendar-overrides': calendarOverrides,
  '20261203T0930-password-set-by-admin': passwordSetByAdmin,
  '20261203T0940-admin-invitations': adminInvitations,
  '20261203T1000-cases': cases,
  '20261203T1330-power-list-staging': powerListStaging,
};

// allowUnorderedMigrations: features developed side by side got timestamps out of commit order
// (20261203T0900-calendar-overrides landed after 0940 and 1000); a database that already ran the
// later ones must still take the earlier-named one instead of refusing to start. Each migration
// only adds its own tables, so the order between them does not matter.
/** Apply every pending migration; throws with the failing migration's name. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, allowUnorderedMigrations: true });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败 (migration failed)${failed ? `: ${failed.migrationName}` : ''}`, { cause: result.error });
  }
  return result;
}

/** Names of the migrations this release has that the database has not applied yet (empty when current). */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, allowUnorderedMigrations: true });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
