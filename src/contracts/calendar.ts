/**
 * Wire schemas of the working-day calendar: the year view, the administrator's import of
 * holiday entries (the next year's State Council arrangement, or a correction), and the deadline
 * calculator. Dates are YYYY-MM-DD in Asia/Shanghai.
 */
import { z } from 'zod';
import { isIsoDate } from './shanghai-time.js';

export const ZIsoDate = z.string().trim().refine(isIsoDate, { message: '日期应为 YYYY-MM-DD 格式的有效日期' });

/** Years the calendar can hold: the base data starts in 2004; nobody plans holidays a century ahead. */
export const ZCalendarYear = z.coerce
  .number({ error: '年份应为数字' })
  .int('年份应为整数')
  .min(2000, '年份不能早于 2000 年')
  .max(2100, '年份不能晚于 2100 年');

export const CALENDAR_DAY_KINDS = ['workday', 'weekend', 'holiday', 'adjusted-workday', 'unknown'] as const;

export const CALENDAR_DAY_KIND_LABELS: Record<(typeof CALENDAR_DAY_KINDS)[number], string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '节假日',
  'adjusted-workday': '调休上班',
  unknown: '无数据',
};

/** One administrator's entry: `holiday` = a day off; `workday` = a working day (调休上班 on a weekend); `remove` = drop the entry. */
export const ZCalendarEntry = z.object({
  date: ZIsoDate,
  kind: z.enum(['holiday', 'workday', 'remove'], { error: '类型应为 holiday（放假）、workday（上班）或 remove（删除该日设置）' }),
  name: z.string().trim().max(40, '名称不能超过 40 个字符').default(''),
});
export type TCalendarEntry = z.input<typeof ZCalendarEntry>;

/**
 * An import: entries, plus the years whose whole arrangement they complete (`coveredYears`: from
 * then on, a day of that year without an entry is an ordinary weekday or weekend). A single
 * correction leaves `coveredYears` empty.
 */
export const ZCalendarImportRequest = z
  .object({
    entries: z.array(ZCalendarEntry).max(2000, '一次最多导入 2000 条'),
    coveredYears: z.array(ZCalendarYear).max(20).default([]),
    /** where the arrangement comes from, e.g. 国务院办公厅关于2027年部分节假日安排的通知 */
    source: z.string().trim().max(200, '来源不能超过 200 个字符').default(''),
    dryRun: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.entries.forEach((entry, i) => {
      if (seen.has(entry.date)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'date'], message: `${entry.date} 重复出现` });
      seen.add(entry.date);
      if (entry.kind === 'holiday' && entry.name === '')
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'name'], message: '放假的日期应写明节日名称' });
    });
    if (value.coveredYears.length > 0 && value.source === '')
      ctx.addIssue({ code: 'custom', path: ['source'], message: '声明整年数据完整时，应写明来源（如国务院办公厅通知）' });
  });
export type TCalendarImportRequest = z.input<typeof ZCalendarImportRequest>;

export const ZCalendarImportResponse = z.object({
  dryRun: z.boolean(),
  revisionNo: z.number().int().nullable(),
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
  newlyCoveredYears: z.array(z.number().int()),
  /** dates whose kind or name changed: running deadlines touching them are counted again */
  changedDates: z.array(z.string()),
  /** what the registered follow-ups (case deadline recount) reported */
  followUps: z.array(z.object({ name: z.string(), ok: z.boolean(), message: z.string() })),
});
export type TCalendarImportResponse = z.infer<typeof ZCalendarImportResponse>;

export const ZCalendarDay = z.object({
  date: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string().optional(),
  /** set by an administrator's entry (not the bundled data) */
  override: z.boolean(),
});
export type TCalendarDay = z.infer<typeof ZCalendarDay>;

export const ZCalendarQuery = z.object({ year: ZCalendarYear.optional() });

export const ZCalendarOverride = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const ZCalendarYearResponse = z.object({
  year: z.number().int(),
  covered: z.boolean(),
  /** every covered year, ascending (bundled data and administrator declarations) */
  coveredYears: z.array(z.number().int()),
  /** the bundled data's years (chinese-days) */
  bundledYears: z.object({ package: z.string(), first: z.number().int(), last: z.number().int() }),
  declaredYears: z.array(z.object({ year: z.number().int(), source: z.string(), createdBy: z.string(), createdAt: z.string() })),
  /** the first year after today's that has no data (a warning until it is imported) */
  firstMissingYear: z.number().int(),
  days: z.array(ZCalendarDay),
  overrides: z.array(ZCalendarOverride),
});
export type TCalendarYearResponse = z.infer<typeof ZCalendarYearResponse>;

export const ZDeadlineQuery = z
  .object({
    from: ZIsoDate,
    workingDays: z.coerce.number().int('天数应为整数').min(1, '天数至少为 1').max(366, '天数不能超过 366').optional(),
    calendarDays: z.coerce.number().int('天数应为整数').min(1, '天数至少为 1').max(3660, '天数不能超过 3660').optional(),
  })
  .refine((q) => (q.workingDays === undefined) !== (q.calendarDays === undefined), {
    message: '请给出 workingDays（工作日）或 calendarDays（自然日）之一',
    path: ['workingDays'],
  });

export const ZDeadlineResponse = z.object({
  ruleId: z.string(),
  label: z.string(),
  /** the article the limit (or the counting) comes from */
  source: z.string(),
  unit: z.enum(['working-days', 'calendar-days', 'hours', 'explicit-date']),
  amount: z.number(),
  start: z.string(),
  /** the date counting starts after (not counted) */
  from: z.string(),
  /** the last day; null when a year's holiday data is missing */
  due: z.string().nullable(),
  counted: z.array(z.string()),
  skipped: z.array(z.object({ date: z.string(), reason: z.string() })),
  suspended: z.array(z.object({ date: z.string(), reason: z.string() })),
  extended: z.object({ amount: z.number(), reason: z.string() }).nullable(),
  rolledForward: z.object({ from: z.string(), to: z.string() }).nullable(),
  calendarComplete: z.boolean(),
  missingYears: z.array(z.number().int()),
  explanation: z.string(),
});
export type TDeadlineResponse = z.infer<typeof ZDeadlineResponse>;
