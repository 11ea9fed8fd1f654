/**
 * `quanze backup --out DIR`: a consistent copy of the whole database into an empty folder, with a
 * manifest of each file's size and SHA-256. SQLite is copied online (the server keeps serving);
 * PostgreSQL through pg_dump. Works on the configured database target rather than a use-case
 * context: a backup is of the installation as a whole, made by whoever holds the server's shell, and
 * changes nothing (so it writes no audit record).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseTarget } from '../../config/env.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { appliedMigrationNames, BACKUP_FILE, backupPostgres, backupSqlite } from '../../store/backup.js';
import { MANIFEST_FILE, MANIFEST_FORMAT, sha256OfFile, type TBackupManifest } from './backup-manifest.js';

export interface BackupOptions {
  target: DatabaseTarget;
  outDir: string;
  clock?: () => Date;
}

/** Writes the backup and its manifest; returns the manifest. */
export async function backupDatabase(options: BackupOptions): Promise<TBackupManifest> {
  const outDir = path.resolve(options.outDir);
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) {
    throw new DomainError(ERROR_CODES.conflict, `备份目录 ${outDir} 不是空的；请指定一个新的或空的目录，以免与其他备份混在一起。`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const clock = options.clock ?? (() => new Date());
  const createdAt = clock().toISOString();
  const name = BACKUP_FILE[options.target.kind];
  const file = path.join(outDir, name);
  let migrations: string[];
  if (options.target.kind === 'sqlite') {
    await backupSqlite(options.target.file, file);
    migrations = await appliedMigrationNames({ kind: 'sqlite', file });
  } else {
    migrations = await appliedMigrationNames(options.target);
    await backupPostgres(options.target.url, file);
  }
  const manifest: TBackupManifest = {
    format: MANIFEST_FORMAT,
    engine: options.target.kind,
    createdAt,
    migrations,
    files: [{ name, bytes: fs.statSync(file).size, sha256: await sha256OfFile(file) }],
  };
  // The manifest last: a folder without one is an interrupted backup, and restore refuses it.
  fs.writeFileSync(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
