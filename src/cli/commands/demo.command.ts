/**
 * `quanze demo seed`: demo staff and a dozen running cases for a newcomer's first start, in a
 * database that has no case yet (the bundled list is imported first if the organisation has none).
 */
import { Command } from 'commander';
import { ROLE_LABELS } from '../../contracts/access.js';
import { seedBundledList } from '../../services/catalog/seed-bundled-list.js';
import { seedDemo } from '../../services/demo/seed-demo.js';
import { action, withDatabase } from '../runtime.js';

export function demoCommand(): Command {
  const demo = new Command('demo').description('演示数据：为初次试用生成执法人员、负责人、法制审核员、监察员账号和一批办理中的案件');

  demo
    .command('seed')
    .description('生成演示账号（一次性密码）和覆盖全部七个事项、处于不同环节的十余件案件；数据库中已有案件时拒绝执行')
    .option('--org <code>', '机构代码（默认 $QUANZE_ORG_CODE）')
    .option('--json', '以 JSON 输出（含各账号的用户名和一次性密码）')
    .addHelpText(
      'after',
      `
说明:
  只能在还没有任何案件的数据库中执行，以免演示案件与真实案件混在一起。
  各账号的密码只显示这一次，首次登录后须修改。案件由演示账号按真实流程办理生成，
  较早发生的环节按“补录”记录（不超过 30 天），因此期限、黄牌红牌、监察发现和审计日志都与实际办案一致。

示例:
  quanze demo seed
  quanze demo seed --json > demo-accounts.json`,
    )
    .action(
      action(async (opts: { org?: string; json?: boolean }) => {
        const result = await withDatabase(async (ctx, config) => {
          await seedBundledList(ctx, opts.org ?? config.orgCode, config.seedList);
          return seedDemo(ctx, { orgCode: opts.org });
        });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        const lines = [
          `已在机构 ${result.orgCode} 生成演示数据：${result.accounts.length} 个账号、${result.cases.length} 件案件。`,
          '',
          '账号（一次性密码只显示这一次，首次登录后须修改）：',
          ...result.accounts.map(
            (a) =>
              `  ${a.username.padEnd(16)} ${a.displayName}\t${ROLE_LABELS[a.role]}${a.certificate ? `（执法证 ${a.certificate.number}，有效期至 ${a.certificate.validTo}）` : ''}\t${a.password}`,
          ),
          '',
          '案件：',
          ...result.cases.map(
            (c) =>
              `  ${c.number}\t第${c.itemNo}项 ${c.itemName}\t${c.status === 'open' ? `办理中：${c.step ?? ''}` : `已办结：${c.outcome ?? ''}`}`,
          ),
          '',
          '用执法人员账号登录后进入“我的案件”即可查看和办理。',
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );

  return demo;
}
