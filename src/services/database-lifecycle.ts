/**
 * Opening and closing the database for a process (server or CLI command), so that http/ and cli/
 * never reach into src/store themselves.
 */
import type { DatabaseTarget } from '../config/env.js';
import { type Db, type OpenedDatabase, openDatabase } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';

export type { Db, OpenedDatabase };

/** Open the configured database and apply pending migrations. */
export async function openMigratedDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  const database = openDatabase(target);
  try {
    await migrateToLatest(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
