#!/usr/bin/env node
/** The `quanze` command line. Every command has --help; configuration comes from the environment. */
import { Command } from 'commander';
import { catalogCommand } from './commands/catalog.command.js';
import { serveCommand } from './commands/serve.command.js';

const program = new Command('quanze')
  .description('Quanze 权责：权责清单的导入、公示与运行 (operate a power-and-responsibility list)')
  .version('0.1.0')
  .addHelpText(
    'after',
    `
环境变量 (environment):
  PORT              服务端口，默认 3000
  QUANZE_DATA_DIR   数据目录（SQLite 数据库、存储的文件），默认 ./data
  DATABASE_URL      postgres://user:pass@host/db 使用 PostgreSQL；默认为数据目录中的 SQLite 文件
  QUANZE_ORG_CODE   公示清单所属机构代码，默认 lz（柳州市国家保密局）
  LOG_LEVEL         日志级别，默认 info

示例:
  quanze serve
  quanze catalog lint data/powerlists/liuzhou-secrecy-bureau.tsv
  quanze catalog import 清单.xlsx --dry-run
  quanze catalog export --format xlsx --out 清单.xlsx
  quanze catalog diff 1 2`,
  );

program.addCommand(serveCommand());
program.addCommand(catalogCommand());

await program.parseAsync(process.argv);
