/** `quanze legal-sources …`: list, export and import the registry of legal sources (法律依据库). */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import type { TAffectedItem, TLegalRegistryResponse } from '../../contracts/legal-sources-api.js';
import { exportLegalRegistry } from '../../services/legal-sources/export-legal-registry.js';
import { getLegalRegistry } from '../../services/legal-sources/get-legal-registry.js';
import { importLegalRegistry } from '../../services/legal-sources/import-legal-registry.js';
import { action, withDatabase } from '../runtime.js';

function formatRegistry(response: TLegalRegistryResponse): string {
  const lines = [
    `法律依据库第 ${response.revision.no} 版（${response.revision.changedAt}，${response.revision.changedBy.name}），共 ${response.sources.length} 项依据：`,
  ];
  for (const source of response.sources) {
    lines.push(`  ${source.id}  《${source.title}》（${source.rank}）  条款对应 ${source.articleMap.length} 条`);
    for (const edition of source.editions) {
      const dates = [edition.adopted && `公布 ${edition.adopted}`, edition.effective && `施行 ${edition.effective}`]
        .filter(Boolean)
        .join('，');
      lines.push(`      ${edition.isCurrent ? '●' : '○'} ${edition.edition}  ${edition.statusLabel}${dates ? `  ${dates}` : ''}`);
    }
  }
  return lines.join('\n');
}

/** The affected items, one line each: `lz 第1版 第1项 对非法获取…（实施依据第1条）`. */
export function formatAffected(affected: readonly TAffectedItem[]): string {
  if (affected.length === 0) return '没有清单事项受影响。';
  const fields = { legalBases: '实施依据', dutyBases: '责任事项依据', accountabilityBases: '追责依据' } as const;
  return [
    `受影响的清单事项 ${affected.length} 项：`,
    ...affected.map((a) => {
      const where = a.citations.map((c) => `${fields[c.field]}第${c.entry + 1}条`).join('、');
      return `  ${a.organisation.code} 第${a.versionNo}版 第${a.item.no}项 ${a.item.name}（${where}）`;
    }),
  ].join('\n');
}

export function legalSourcesCommand(): Command {
  const command = new Command('legal-sources').description(
    '法律依据库：查看、导出、导入 (list, export and import the registry of legal sources)',
  );

  command
    .command('list')
    .description('列出各法律法规的版本及效力状态（● 现行版本）')
    .option('--json', '以 JSON 输出（与 GET /api/v1/legal-sources 相同）')
    .action(
      action(async (opts: { json?: boolean }) => {
        const response = await withDatabase((ctx) => getLegalRegistry(ctx));
        process.stdout.write(opts.json ? `${JSON.stringify(response, null, 2)}\n` : `${formatRegistry(response)}\n`);
      }),
    );

  command
    .command('export')
    .description('导出当前法律依据库为 JSON（格式同 data/legal-sources.json，可原样导入）')
    .requiredOption('--out <file>', '输出文件（- 表示标准输出）')
    .action(
      action(async (opts: { out: string }) => {
        const file = await withDatabase((ctx) => exportLegalRegistry(ctx));
        if (opts.out === '-') {
          process.stdout.write(file.json);
          return;
        }
        await fs.writeFile(opts.out, file.json);
        process.stdout.write(`已导出法律依据库第 ${file.revisionNo} 版到 ${opts.out}\n`);
      }),
    );

  command
    .command('import')
    .description('导入法律依据库 JSON 文件，整体替换当前内容（与当前内容相同时不写入），并列出受影响的清单事项')
    .argument('<file>', 'JSON 文件')
    .option('--dry-run', '只校验并列出受影响的事项，不写入')
    .option('--json', '以 JSON 输出结果')
    .action(
      action(async (file: string, opts: { dryRun?: boolean; json?: boolean }) => {
        const text = await fs.readFile(file, 'utf8');
        const result = await withDatabase((ctx) =>
          importLegalRegistry(ctx, { document: text, fileName: path.basename(file), dryRun: opts.dryRun === true }),
        );
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        const verb = !result.changed
          ? `内容与当前第 ${result.revision.no} 版相同，未写入。`
          : result.dryRun
            ? '校验通过（试导入，未写入）。'
            : `已导入为第 ${result.revision.no} 版。`;
        process.stdout.write(`${verb}\n${result.changed ? `${formatAffected(result.affected)}\n` : ''}`);
      }),
    );

  return command;
}
