/** `quanze catalog …`: import, lint, export and diff power lists. */
import fs from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import type { TPowerList } from '../../contracts/power-list.js';
import { diffPowerLists } from '../../domain/powerlist/diff.js';
import { writePowerListJson } from '../../io/power-list-json.js';
import { analysePowerList } from '../../services/catalog/analyse-power-list.js';
import { EXPORT_FORMATS, type ExportFormat, exportPowerList } from '../../services/catalog/export-power-list.js';
import { findingsOf, importPowerList } from '../../services/catalog/import-power-list.js';
import { getPowerList } from '../../services/catalog/published-list.js';
import { registryDate } from '../../services/legal-sources/registry-date.js';
import { BUNDLED_LEGAL_SOURCES, readRegistryFile } from '../../services/legal-sources/seed-legal-registry.js';
import { countBySeverity, formatDiff, formatFindingSummary, formatFindings } from '../format-findings.js';
import { action, EXIT, withDatabase } from '../runtime.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('应为正整数');
  return n;
}

/** A progress bar on a terminal for long imports; silent otherwise (pipes, CI, --json). */
function progressReporter(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) return { onProgress: undefined, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: '解析 [{bar}] {percentage}% | {value}/{total} 行', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (done: number, total: number) => {
      if (total < 500) return;
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

async function readListArg(arg: string, orgCode: string | undefined): Promise<{ list: TPowerList; label: string }> {
  const isVersionNo = /^\d+$/.test(arg) && !(await fs.stat(arg).catch(() => null));
  if (isVersionNo) {
    return withDatabase(async (ctx, config) => {
      const response = await getPowerList(ctx, orgCode ?? config.orgCode, Number(arg));
      return { list: response.list, label: `第${arg}版` };
    });
  }
  const bytes = await fs.readFile(arg);
  const { list } = await analysePowerList(bytes, path.basename(arg));
  return { list, label: arg };
}

export function catalogCommand(): Command {
  const catalog = new Command('catalog').description('权责清单：导入、检查、导出、比较 (import, lint, export, diff power lists)');

  catalog
    .command('import')
    .description('导入清单文件（TSV/HTML 单元格、GBK 或 UTF-8、.xlsx、.json），生成新版本并与上一版比较')
    .argument('<file>', '清单文件')
    .option('--org <code>', '机构代码 (default: $QUANZE_ORG_CODE or lz)')
    .option('--dry-run', '只解析和检查，不写入数据库')
    .option('--json', '以 JSON 输出解析结果（规范格式）')
    .action(
      action(async (file: string, opts: { org?: string; dryRun?: boolean; json?: boolean }) => {
        const bytes = await fs.readFile(file);
        const progress = progressReporter(!opts.json);
        const result = await withDatabase((ctx, config) =>
          importPowerList(ctx, {
            orgCode: opts.org ?? config.orgCode,
            fileName: path.basename(file),
            bytes,
            dryRun: opts.dryRun === true,
            withList: opts.json === true,
            onProgress: progress.onProgress,
          }),
        ).finally(progress.stop);
        if (result.list) {
          process.stdout.write(writePowerListJson(result.list));
          return;
        }
        const verb = result.dryRun ? `试导入（未写入）：将成为第 ${result.versionNo} 版` : `已导入为第 ${result.versionNo} 版`;
        process.stdout.write(
          `${verb}：《${result.title}》，${result.itemCount} 项，格式 ${result.format}${result.encoding ? `（${result.encoding}）` : ''}\n`,
        );
        process.stdout.write(`${formatFindingSummary(findingsOf(result))}\n`);
        if (result.diff) process.stdout.write(`与上一版相比：\n${formatDiff(result.diff)}\n`);
      }),
    );

  catalog
    .command('lint')
    .description(
      '检查清单文件：截断、未解析的“同N”、类别不符、缺少依据等，并对照法律依据库检查所引法律法规是否已修订或废止；有“错误”级结果时退出码为 1',
    )
    .argument('<file>', '清单文件')
    .option('--registry <file>', '对照的法律依据库 JSON（默认随产品提供的 data/legal-sources.json；不读数据库）', BUNDLED_LEGAL_SOURCES)
    .option('--json', '以 JSON 输出（规范格式，含 findings）')
    .action(
      action(async (file: string, opts: { json?: boolean; registry: string }) => {
        const bytes = await fs.readFile(file);
        // No database here: the registry comes from a file, checked as of today in Asia/Shanghai.
        const registry = { registry: await readRegistryFile(opts.registry), asOf: registryDate({ clock: () => new Date() }) };
        const progress = progressReporter(!opts.json);
        const { list } = await analysePowerList(bytes, path.basename(file), { onProgress: progress.onProgress, registry }).finally(
          progress.stop,
        );
        if (opts.json) process.stdout.write(writePowerListJson(list));
        else {
          process.stdout.write(`《${list.title}》：${list.items.length} 项，${formatFindingSummary(list.findings)}\n`);
          if (list.findings.length) process.stdout.write(`${formatFindings(list.findings)}\n`);
        }
        if (countBySeverity(list.findings).error > 0) process.exitCode = EXIT.findings;
      }),
    );

  catalog
    .command('export')
    .description('导出数据库中的清单版本')
    .requiredOption('--format <format>', `格式：${EXPORT_FORMATS.join(' | ')}`, (v: string) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(v)) throw new InvalidArgumentError(`应为 ${EXPORT_FORMATS.join('、')} 之一`);
      return v as ExportFormat;
    })
    .requiredOption('--out <file>', '输出文件')
    .option('--version <n>', '版本号（默认当前版本）', positiveInt)
    .option('--org <code>', '机构代码')
    .action(
      action(async (opts: { format: ExportFormat; out: string; version?: number; org?: string }) => {
        const file = await withDatabase((ctx, config) => exportPowerList(ctx, opts.org ?? config.orgCode, opts.format, opts.version));
        await fs.writeFile(opts.out, file.bytes);
        process.stdout.write(`已导出第 ${file.versionNo} 版到 ${opts.out}（${file.bytes.length} 字节）\n`);
      }),
    );

  catalog
    .command('diff')
    .description('比较两个清单：文件路径或数据库中的版本号（例如 quanze catalog diff 1 2）')
    .argument('<a>', '旧清单：文件或版本号')
    .argument('<b>', '新清单：文件或版本号')
    .option('--org <code>', '机构代码（比较版本号时）')
    .option('--json', '以 JSON 输出差异')
    .action(
      action(async (a: string, b: string, opts: { org?: string; json?: boolean }) => {
        const before = await readListArg(a, opts.org);
        const after = await readListArg(b, opts.org);
        const diff = diffPowerLists(before.list, after.list);
        if (opts.json) process.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
        else process.stdout.write(`${before.label} → ${after.label}\n${formatDiff(diff)}\n`);
      }),
    );

  return catalog;
}
