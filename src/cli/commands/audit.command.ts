/** `quanze audit verify`: recompute the hash chains of the audit log and name the first broken record. */
import { Command } from 'commander';
import { verifyAuditLog } from '../../services/audit/verify-audit-log.js';
import { action, EXIT, withDatabase } from '../runtime.js';

export function auditCommand(): Command {
  const audit = new Command('audit').description('审计日志：校验哈希链 (verify the tamper-evident audit log)');

  audit
    .command('verify')
    .description('逐条重新计算审计记录的哈希和链接，指出第一条被修改、删除或调换顺序的记录；链断开时退出码为 1')
    .option('--org <code>', '只校验该机构的审计链（默认全部机构）')
    .option('--json', '以 JSON 输出校验结果')
    .addHelpText(
      'after',
      `
示例:
  quanze audit verify
  quanze audit verify --org lz
  quanze audit verify --json > verify.json || echo "审计链已被篡改"`,
    )
    .action(
      action(async (opts: { org?: string; json?: boolean }) => {
        const result = await withDatabase((ctx) => verifyAuditLog(ctx, { orgCode: opts.org }));
        if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
          for (const chain of result.chains) {
            const mark = chain.ok ? '完整' : '断开';
            const where = chain.ok
              ? ''
              : `  第一条断开的记录：序号 ${chain.brokenAt ?? '—'}${chain.recordId ? `，编号 ${chain.recordId}` : ''}`;
            process.stdout.write(`[${mark}] ${chain.organisation.code} ${chain.message}${where ? `\n${where}` : ''}\n`);
          }
          process.stdout.write(result.ok ? '审计日志校验通过。\n' : '审计日志校验未通过：记录被修改、删除或调换了顺序。\n');
        }
        if (!result.ok) process.exitCode = EXIT.findings;
      }),
    );

  return audit;
}
