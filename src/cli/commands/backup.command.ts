/**
 * `quanze backup --out DIR` and `quanze restore --from DIR [--force]`: a copy of the whole database
 * with a manifest of hashes, and putting it back. The backup can run while the server serves (SQLite
 * online backup, pg_dump); the restore wants the server stopped.
 */
import { Command } from 'commander';
import { loadConfig } from '../../config/env.js';
import { backupDatabase } from '../../services/operations/backup-database.js';
import { restoreDatabase } from '../../services/operations/restore-database.js';
import { action } from '../runtime.js';

function describeTarget(target: ReturnType<typeof loadConfig>['database']): string {
  return target.kind === 'sqlite' ? `SQLite ${target.file}` : 'PostgreSQL';
}

export function backupCommand(): Command {
  return new Command('backup')
    .description('备份整个数据库到一个空目录，并写入备份清单（每个文件的大小和 SHA-256）；服务运行时也可执行')
    .requiredOption('--out <dir>', '备份目录（须为新的或空的目录）')
    .addHelpText(
      'after',
      `
示例:
  quanze backup --out /srv/backups/quanze-$(date +%Y%m%d-%H%M)
  quanze restore --from /srv/backups/quanze-20261203-0300`,
    )
    .action(
      action(async (options: { out: string }) => {
        const config = loadConfig();
        const manifest = await backupDatabase({ target: config.database, outDir: options.out });
        for (const file of manifest.files) process.stdout.write(`${file.sha256}  ${file.name}  (${file.bytes} 字节)\n`);
        process.stdout.write(`已备份 ${describeTarget(config.database)} 到 ${options.out}（备份清单 manifest.json）\n`);
      }),
    );
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('从 quanze backup 的备份目录恢复数据库：先核对备份清单中的哈希，不符则拒绝；目标已有数据时须加 --force（请先停止服务）')
    .requiredOption('--from <dir>', '备份目录')
    .option('--force', '覆盖已有数据的目标数据库')
    .action(
      action(async (options: { from: string; force?: boolean }) => {
        const config = loadConfig();
        const manifest = await restoreDatabase({ target: config.database, fromDir: options.from, force: options.force === true });
        process.stdout.write(
          `已从 ${options.from} 恢复 ${describeTarget(config.database)}（备份时间 ${manifest.createdAt}，UTC）。建议接着执行 quanze audit verify。\n`,
        );
      }),
    );
}
