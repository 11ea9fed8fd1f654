#!/usr/bin/env node
/** The `quanze` command line. Every command has --help; configuration comes from the environment. */
import { Command } from 'commander';
import { auditCommand } from './commands/audit.command.js';
import { backupCommand, restoreCommand } from './commands/backup.command.js';
import { calendarCommand, deadlineCommand } from './commands/calendar.command.js';
import { catalogCommand } from './commands/catalog.command.js';
import { demoCommand } from './commands/demo.command.js';
import { legalSourcesCommand } from './commands/legal-sources.command.js';
import { serveCommand } from './commands/serve.command.js';
import { userCommand } from './commands/user.command.js';

// `quanze catalog lint … | head` closes our stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('quanze')
  .description('Quanze 权责：权责清单的导入、公示与运行 (operate a power-and-responsibility list)')
  .version('0.1.0')
  // Root options only before the command: `catalog export --version 2` is the list version, not ours.
  .enablePositionalOptions()
  .addHelpText(
    'after',
    `
环境变量 (environment):
  PORT              服务端口，默认 3000
  QUANZE_DATA_DIR   数据目录（SQLite 数据库、存储的文件），默认 ./data
  DATABASE_URL      postgres://user:pass@host/db 使用 PostgreSQL；默认为数据目录中的 SQLite 文件
  QUANZE_ORG_CODE   公示清单所属机构代码，默认 lz（柳州市国家保密局）
  LOG_LEVEL         日志级别，默认 info
  QUANZE_AUDIT_HASH 审计链哈希算法：sm3（默认）或 sha256
  QUANZE_TRUST_PROXY  在反向代理之后运行时设为 true（记录真实来源地址，https 时 Cookie 带 Secure）
  QUANZE_SESSION_IDLE_MINUTES / QUANZE_SESSION_ABSOLUTE_HOURS  会话空闲超时（默认 30 分钟）/ 绝对超时（默认 12 小时）
  QUANZE_LOGIN_RATE_LIMIT  每个来源地址每分钟的登录尝试次数，默认 10

示例:
  quanze serve
  quanze catalog lint data/powerlists/liuzhou-secrecy-bureau.tsv
  quanze catalog import 清单.xlsx --dry-run
  quanze catalog export --format xlsx --out 清单.xlsx
  quanze catalog diff 1 2
  quanze legal-sources list
  quanze legal-sources export --out legal-sources.json
  quanze user create-admin --username admin
  quanze user create --username li.ming --role officer --org lz
  quanze demo seed
  quanze user list
  quanze audit verify --org lz
  quanze backup --out /srv/backups/quanze-20261203
  quanze calendar list --year 2026
  quanze deadline --from 2026-09-28 --working-days 5`,
  );

program.addCommand(serveCommand());
program.addCommand(catalogCommand());
program.addCommand(legalSourcesCommand());
program.addCommand(userCommand());
program.addCommand(demoCommand());
program.addCommand(auditCommand());
program.addCommand(calendarCommand());
program.addCommand(deadlineCommand());
program.addCommand(backupCommand());
program.addCommand(restoreCommand());

await program.parseAsync(process.argv);
