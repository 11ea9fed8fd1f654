/**
 * `quanze restore --from DIR`: puts a backup back. Refuses, before touching anything, a folder whose
 * files do not match its manifest (missing, resized, altered), a backup of the other engine, and a
 * target that already holds a database unless `force` is given. Stop the server first: a restore
 * replaces the database under it.
 */
import path from 'node:path';
import type { DatabaseTarget } from '../../config/env.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { postgresHasTables, restorePostgres, restoreSqlite, sqliteHasTables } from '../../store/backup.js';
import { readVerifiedManifest, type TBackupManifest } from './backup-manifest.js';

export interface RestoreOptions {
  target: DatabaseTarget;
  fromDir: string;
  /** overwrite a target that already holds a database */
  force?: boolean;
}

/** Restores the backup into the target; returns the manifest it was checked against. */
export async function restoreDatabase(options: RestoreOptions): Promise<TBackupManifest> {
  const dir = path.resolve(options.fromDir);
  const manifest = await readVerifiedManifest(dir);
  if (manifest.engine !== options.target.kind) {
    throw new DomainError(
      ERROR_CODES.validation,
      `这是 ${manifest.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'} 的备份，而当前配置的数据库是 ${options.target.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}。`,
    );
  }
  const [file] = manifest.files;
  if (!file) throw new DomainError(ERROR_CODES.validation, '备份清单没有列出任何文件。');
  const hasData = options.target.kind === 'sqlite' ? sqliteHasTables(options.target.file) : await postgresHasTables(options.target.url);
  if (hasData && !options.force) {
    throw new DomainError(
      ERROR_CODES.conflict,
      '目标数据库中已有数据，未做任何改动。确认要用备份覆盖它时，请先停止服务，再加 --force 重新执行。',
    );
  }
  const source = path.join(dir, file.name);
  if (options.target.kind === 'sqlite') restoreSqlite(source, options.target.file);
  else await restorePostgres(source, options.target.url);
  return manifest;
}
