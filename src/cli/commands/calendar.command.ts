/**
 * `quanze calendar …` (the working-day calendar: list, import holiday arrangements) and
 * `quanze deadline …` (count a time limit on it, with the explanation the cases show).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { CALENDAR_DAY_KIND_LABELS, type TCalendarImportResponse, type TCalendarYearResponse } from '../../contracts/calendar.js';
import { DEADLINE_RULES, type Deadline } from '../../domain/calendar/deadlines.js';
import { addDays, shanghaiLocalOf, weekdayOf } from '../../domain/calendar/shanghai-time.js';
import { calculateDeadline } from '../../services/calendar/calculate-deadline.js';
import { importCalendarOverrides } from '../../services/calendar/import-calendar-overrides.js';
import { listCalendar } from '../../services/calendar/list-calendar.js';
import { parseCalendarFile } from '../../services/calendar/parse-calendar-file.js';
import { action, EXIT, withDatabase } from '../runtime.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('应为正整数');
  return n;
}

function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new InvalidArgumentError('应为 2000–2100 之间的年份');
  return n;
}

function formatYear(view: TCalendarYearResponse): string {
  const lines = [
    `${view.year} 年：${view.covered ? '节假日数据完整' : '没有节假日数据（该年的期限不会计算，显示“日历数据缺失”）'}`,
    `有数据的年份：${view.bundledYears.first}–${view.bundledYears.last}（${view.bundledYears.package}）${
      view.declaredYears.length ? `，管理员导入：${view.declaredYears.map((d) => d.year).join('、')}` : ''
    }`,
    `最早缺数据的年份：${view.firstMissingYear}（请在国务院办公厅公布后导入）`,
  ];
  const special = view.days.filter((d) => d.kind === 'holiday' || d.kind === 'adjusted-workday' || d.override);
  if (special.length) {
    lines.push('', '日期        星期  类型  名称');
    for (const d of special)
      lines.push(
        `${d.date}  ${WEEKDAYS[weekdayOf(d.date)]}    ${CALENDAR_DAY_KIND_LABELS[d.kind]}  ${d.name ?? ''}${d.override ? '  （管理员设置）' : ''}`,
      );
  }
  return lines.join('\n');
}

function formatImport(result: TCalendarImportResponse): string {
  const head = result.dryRun
    ? '校验通过（试导入，未写入）：'
    : result.revisionNo === null
      ? '与当前日历相同，未写入：'
      : `已导入（第 ${result.revisionNo} 次）：`;
  const lines = [
    `${head}新增 ${result.added}，修改 ${result.updated}，删除 ${result.removed}，未变 ${result.unchanged}${
      result.newlyCoveredYears.length ? `；${result.newlyCoveredYears.join('、')} 年数据已完整` : ''
    }`,
    `日期类型有变化的日期：${result.changedDates.length} 天${result.changedDates.length && result.changedDates.length <= 20 ? `（${result.changedDates.join('、')}）` : ''}`,
  ];
  for (const f of result.followUps) lines.push(`${f.ok ? '✓' : '✗'} ${f.name}：${f.message}`);
  return lines.join('\n');
}

/** Consecutive days with one reason as one line: `2026-10-01 至 2026-10-07  法定节假日（国庆节）`. */
function runs(days: readonly { date: string; reason: string }[]): string[] {
  const out: { first: string; last: string; reason: string }[] = [];
  for (const day of days) {
    const run = out.at(-1);
    if (run && run.reason === day.reason && addDays(run.last, 1) === day.date) run.last = day.date;
    else out.push({ first: day.date, last: day.date, reason: day.reason });
  }
  return out.map((r) => `${r.first === r.last ? r.first : `${r.first} 至 ${r.last}`}  ${r.reason}`);
}

function formatDeadline(d: Deadline): string {
  const due =
    d.due === null
      ? `无法确定 —— ${d.missingYears.join('、')} 年节假日数据缺失（calendar data missing）`
      : d.unit === 'hours'
        ? d.due
        : `${d.due}（星期${WEEKDAYS[weekdayOf(d.due)]}）`;
  const beijing = (iso: string) => `${shanghaiLocalOf(new Date(iso)).replace('T', ' ').slice(0, 16)}（北京时间）`;
  const lines =
    d.unit === 'hours' && d.due !== null
      ? [`届满时间：${beijing(d.due)}`, `起算：${beijing(d.start)}`]
      : [`届满日期：${due}`, `起算：${d.from}（当日不计入）`];
  if (d.counted.length && d.counted.length <= 31) lines.push(`计入：${d.counted.join(' ')}`);
  else if (d.counted.length) lines.push(`计入：${d.counted.length} 天（${d.counted[0]} 至 ${d.counted.at(-1)}）`);
  for (const run of runs(d.skipped)) lines.push(`跳过：${run}`);
  for (const run of runs(d.suspended)) lines.push(`中止：${run}`);
  lines.push('', d.explanation);
  return lines.join('\n');
}

export function calendarCommand(): Command {
  const command = new Command('calendar').description('节假日日历：查看、导入节假日安排 (the working-day calendar)').addHelpText(
    'after',
    `
内置数据：chinese-days 1.5.7，2004–2026 年。之后的年份在国务院办公厅公布节假日安排后由系统管理员导入；
没有数据的年份不按普通周末推算，期限显示“日历数据缺失”。

导入文件格式 (import FILE)：
  CSV（UTF-8，逗号分隔，# 开头为注释，可有表头 date,kind,name）：
    date,kind,name
    2027,covered,国务院办公厅关于2027年部分节假日安排的通知
    2027-01-01,holiday,元旦
    2027-02-20,workday,春节
    2026-11-04,remove,
  kind：holiday（放假）、workday（上班；周末上班即调休）、remove（删除以前的设置）、
        covered（整年：第一列为年份，表示文件包含该年完整安排，第三列写明来源）。
  JSON：{ "source": "…", "coveredYears": [2027], "entries": [{ "date": "2027-01-01", "kind": "holiday", "name": "元旦" }] }

示例：
  quanze calendar list --year 2026
  quanze calendar import 2027-节假日.csv --dry-run
  quanze calendar import 2027-节假日.csv`,
  );

  command
    .command('list')
    .description('列出某年的节假日和调休上班日，以及哪些年份有数据')
    .option('--year <year>', '年份，默认今年（北京时间）', year)
    .option('--json', '以 JSON 输出（与 GET /api/v1/calendar 相同，含每一天）')
    .action(
      action(async (opts: { year?: number; json?: boolean }) => {
        const view = await withDatabase((ctx) => listCalendar(ctx, opts.year ? { year: opts.year } : {}));
        process.stdout.write(opts.json ? `${JSON.stringify(view, null, 2)}\n` : `${formatYear(view)}\n`);
      }),
    );

  command
    .command('import')
    .description('导入节假日安排或更正某天（CSV 或 JSON，格式见 quanze calendar --help）；进行中案件的期限随之重新计算')
    .argument('<file>', 'CSV 或 JSON 文件')
    .option('--dry-run', '只校验并列出会变化的日期，不写入')
    .option('--json', '以 JSON 输出结果')
    .action(
      action(async (file: string, opts: { dryRun?: boolean; json?: boolean }) => {
        const text = await fs.readFile(file, 'utf8');
        const request = parseCalendarFile(text, file);
        const result = await withDatabase((ctx) =>
          importCalendarOverrides(ctx, { ...request, dryRun: opts.dryRun === true }, { fileName: path.basename(file) }),
        );
        process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatImport(result)}\n`);
      }),
    );

  return command;
}

export function deadlineCommand(): Command {
  return new Command('deadline')
    .description('计算期限届满日期并说明计算过程（与案件使用同一计算） (count a deadline)')
    .requiredOption('--from <date>', '起算日期 YYYY-MM-DD（当日不计入）')
    .option('--working-days <n>', '工作日天数（行政处罚法第八十五条）', positiveInt)
    .option('--calendar-days <n>', '自然日天数（末日为节假日的顺延，民事诉讼法第八十五条类推）', positiveInt)
    .option('--rule <id>', `法定期限规则：${Object.keys(DEADLINE_RULES).join('、')}`)
    .option('--extend <n>', '经批准延长的天数', positiveInt)
    .option('--json', '以 JSON 输出：{ from, due, counted[], skipped[{date, reason}], calendarComplete, missingYears, … }')
    .addHelpText(
      'after',
      `
退出码：0 已算出；2 参数错误；3 节假日数据缺失（期限跨入尚未导入安排的年份），此时不给出日期。

示例：
  quanze deadline --from 2026-09-28 --working-days 5
  quanze deadline --from 2026-07-03 --calendar-days 90
  quanze deadline --from 2026-12-01 --rule penalty-decision-90-days --json`,
    )
    .action(
      action(
        async (opts: { from: string; workingDays?: number; calendarDays?: number; rule?: string; extend?: number; json?: boolean }) => {
          const deadline = await withDatabase((ctx) =>
            calculateDeadline(ctx, {
              from: opts.from,
              ...(opts.workingDays !== undefined ? { workingDays: opts.workingDays } : {}),
              ...(opts.calendarDays !== undefined ? { calendarDays: opts.calendarDays } : {}),
              ...(opts.rule !== undefined ? { ruleId: opts.rule } : {}),
              ...(opts.extend !== undefined ? { extensionDays: opts.extend } : {}),
            }),
          );
          process.stdout.write(opts.json ? `${JSON.stringify(deadline, null, 2)}\n` : `${formatDeadline(deadline)}\n`);
          // 3: no due date because a year's holiday data is missing (scripts must not take it as success)
          if (!deadline.calendarComplete) process.exitCode = EXIT.internal;
        },
      ),
    );
}
