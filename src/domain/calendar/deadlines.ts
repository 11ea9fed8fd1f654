/**
 * Statutory time limits, counted on the working calendar, each explaining itself.
 *
 * Counting follows 民事诉讼法（2023）第八十五条, applied by analogy as the administrative practice
 * does: the day the period starts is not counted; a period whose last day is a day off ends on the
 * next working day. 行政处罚法 第八十五条 makes its "二日/三日/五日/七日" working days (no
 * statutory holidays), so such a count never ends on a day off; a 调休 working Saturday counts.
 * Where any day the count needs lies in a year the calendar does not cover, the deadline says so
 * (calendarComplete false, missingYears) and has no due date — it never falls back to plain weeks.
 */
import { z } from 'zod';
import { addDays, daysBetween, isIsoDate, shanghaiDateOf, shanghaiLocalOf, startOfShanghaiDay, weekdayOf } from './shanghai-time.js';
import {
  type CalendarDay,
  isWorkingKind,
  nonWorkingReason,
  type UnknownDay,
  type WorkingCalendar,
  workingDaysBetween,
} from './working-calendar.js';

export type DeadlineUnit = 'working-days' | 'calendar-days' | 'hours';

export interface DeadlineRule {
  id: string;
  /** Chinese: 作出处罚决定期限 */
  label: string;
  amount: number;
  unit: DeadlineUnit;
  /** the article the limit comes from */
  source: string;
  /** a calendar-day period whose last day is a day off ends on the next working day */
  rollForward: boolean;
  /**
   * 'after' (default): the period runs from the start. 'before': the latest day something must be
   * done ahead of the start (the inspection, the hearing) — counted backwards.
   */
  direction?: 'after' | 'before';
  /** an approved extension is possible (e.g. 第六十条 "法律另有规定的除外" / 经批准延长) */
  extendable?: boolean;
  /** what else the rule says, for the explanation (same-day oral notice …) */
  note?: string;
}

/** The clock stopped from `from` to `to` (dates, both included): waiting for the party, testing … */
export interface Suspension {
  from: string;
  to: string;
  reason: string;
}

export interface DeadlineRequest {
  rule: DeadlineRule;
  /** a Shanghai date (YYYY-MM-DD) or an instant (Date or ISO text); only the date counts for day rules */
  start: Date | string;
  suspensions?: readonly Suspension[];
  /** approved extension, in the rule's own unit (days, or hours for hour limits) */
  extensionDays?: number;
  extensionReason?: string;
}

export interface Deadline {
  ruleId: string;
  label: string;
  source: string;
  unit: DeadlineUnit | 'explicit-date';
  amount: number;
  /** the start as given (date or ISO instant) */
  start: string;
  /** the Shanghai date the count starts after (not itself counted) */
  from: string;
  /** the last day (YYYY-MM-DD), or the ISO instant for hour limits; null when the calendar cannot tell */
  due: string | null;
  /** the days that counted, in order */
  counted: string[];
  /** the days passed over and why (周末, 法定节假日（国庆节）, the day-off end rolled forward …) */
  skipped: { date: string; reason: string }[];
  /** the days the clock stood still, and why */
  suspended: { date: string; reason: string }[];
  extended: { amount: number; reason: string } | null;
  /** the calendar-day end that fell on a day off, and the working day it moved to */
  rolledForward: { from: string; to: string } | null;
  calendarComplete: boolean;
  missingYears: number[];
  /** one Chinese paragraph */
  explanation: string;
}

const PENALTY_LAW = '《中华人民共和国行政处罚法》（2021年修订）';
const ROLL_FORWARD_SOURCE = '《中华人民共和国民事诉讼法》（2023年修正）第八十五条（类推适用）';

/** The statutory limits the procedures use, with their sources (../shared/data/legal-sources.json timeLimits). */
export const DEADLINE_RULES = {
  'penalty-decision-90-days': {
    id: 'penalty-decision-90-days',
    label: '作出处罚决定期限',
    amount: 90,
    unit: 'calendar-days',
    source: `${PENALTY_LAW}第六十条`,
    rollForward: true,
    extendable: true,
    note: '自立案之日起九十日内作出行政处罚决定，法律、法规、规章另有规定的除外',
  },
  'statement-and-hearing-request-5-working-days': {
    id: 'statement-and-hearing-request-5-working-days',
    label: '陈述申辩和听证申请期限',
    amount: 5,
    unit: 'working-days',
    source: `${PENALTY_LAW}第六十四条、第八十五条`,
    rollForward: true,
  },
  'hearing-notice-7-working-days': {
    id: 'hearing-notice-7-working-days',
    label: '听证通知期限',
    amount: 7,
    unit: 'working-days',
    source: `${PENALTY_LAW}第六十四条、第八十五条`,
    rollForward: true,
    direction: 'before',
    note: '应当在举行听证的七日前通知当事人及有关人员听证的时间、地点',
  },
  'service-7-working-days': {
    id: 'service-7-working-days',
    label: '送达决定书期限',
    amount: 7,
    unit: 'working-days',
    source: `${PENALTY_LAW}第六十一条、第八十五条`,
    rollForward: true,
  },
  'evidence-preservation-7-working-days': {
    id: 'evidence-preservation-7-working-days',
    label: '先行登记保存处理决定期限',
    amount: 7,
    unit: 'working-days',
    source: `${PENALTY_LAW}第五十六条、第八十五条`,
    rollForward: true,
  },
  'payment-15-days': {
    id: 'payment-15-days',
    label: '缴纳罚款期限',
    amount: 15,
    unit: 'calendar-days',
    source: `${PENALTY_LAW}第六十七条`,
    rollForward: true,
  },
  'inspection-notice-1-working-day': {
    id: 'inspection-notice-1-working-day',
    label: '检查书面通知期限',
    amount: 1,
    unit: 'working-days',
    source: '《保密检查工作规定》第十七条（据随附清单引述）',
    rollForward: true,
    direction: 'before',
    note: '应当提前1至2个工作日书面通知被检查单位；特殊情况下可当日口头通知，须记录理由',
  },
  'one-time-notice-5-working-days': {
    id: 'one-time-notice-5-working-days',
    label: '一次性告知补正期限',
    amount: 5,
    unit: 'working-days',
    source: '《涉及国家秘密的信息系统审批管理规定》第十四条（据随附清单引述）',
    rollForward: true,
    note: '逾期不告知的，自收到申请材料之日起即为受理',
  },
  'publication-7-working-days': {
    id: 'publication-7-working-days',
    label: '执法决定公开期限',
    amount: 7,
    unit: 'working-days',
    source: '国办发〔2018〕118号（行政执法三项制度），据地方实施办法转述',
    rollForward: true,
  },
  'unclear-matter-10-working-days': {
    id: 'unclear-matter-10-working-days',
    label: '不明确事项报请确定期限',
    amount: 10,
    unit: 'working-days',
    source: '《中华人民共和国保守国家秘密法实施条例》（2024年修订）第二十五条',
    rollForward: true,
  },
  'leak-report-24-hours': {
    id: 'leak-report-24-hours',
    label: '泄密事件报告时限',
    amount: 24,
    unit: 'hours',
    source: '《中华人民共和国保守国家秘密法实施条例》（2024年修订）第六十一条',
    rollForward: false,
    note: '发现泄密事件应当在24小时内报告，各级逐级上报亦在24小时内',
  },
} as const satisfies Record<string, DeadlineRule>;

export type DeadlineRuleId = keyof typeof DEADLINE_RULES;

/** The rule with this id, or undefined. ('explicit-due-date' is not a counted rule: see explicitDeadline.) */
export function deadlineRule(id: string): DeadlineRule | undefined {
  return (DEADLINE_RULES as Record<string, DeadlineRule>)[id];
}

/** A promised limit (承诺时限) configured for a step: shorter than the statute, promised by the bureau. */
export const ZPromisedLimit = z.object({
  id: z.string().min(1).max(80),
  label: z.string().min(1).max(60),
  amount: z.number().int().min(1).max(366),
  unit: z.enum(['working-days', 'calendar-days', 'hours']),
  /** who promised it: 本机关政务服务承诺 … */
  promisedBy: z.string().min(1).max(120).default('本机关承诺时限'),
});
export type PromisedLimit = z.input<typeof ZPromisedLimit>;

/** A promised limit as a deadline rule (its source names the promise, not a statute). */
export function promisedLimitRule(limit: PromisedLimit): DeadlineRule {
  const parsed = ZPromisedLimit.parse(limit);
  return {
    id: `promised:${parsed.id}`,
    label: `${parsed.label}（承诺时限）`,
    amount: parsed.amount,
    unit: parsed.unit,
    source: parsed.promisedBy,
    rollForward: parsed.unit !== 'hours',
  };
}

/**
 * A plain count (the `quanze deadline` calculator, the API's calculator): n working days under
 * 行政处罚法 第八十五条, or n calendar days rolled forward under 民事诉讼法 第八十五条.
 */
export function plainCountRule(amount: number, unit: 'working-days' | 'calendar-days'): DeadlineRule {
  return unit === 'working-days'
    ? { id: 'count-working-days', label: '期限', amount, unit, source: `${PENALTY_LAW}第八十五条（工作日计算）`, rollForward: true }
    : { id: 'count-calendar-days', label: '期限', amount, unit, source: ROLL_FORWARD_SOURCE, rollForward: true };
}

// ---------------------------------------------------------------------------------------------

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 2026-10-08 → 2026年10月8日 */
export function formatChineseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function shortDate(date: string, baseYear: string): string {
  return date.slice(0, 4) === baseYear ? `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日` : formatChineseDate(date);
}

/** Consecutive dates with one reason as ranges: 10月1日至10月7日为法定节假日（国庆节）. */
function describeRuns(days: readonly { date: string; reason: string }[], baseYear: string, joiner: string): string[] {
  const runs: { first: string; last: string; reason: string }[] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.reason === day.reason && addDays(run.last, 1) === day.date) run.last = day.date;
    else runs.push({ first: day.date, last: day.date, reason: day.reason });
  }
  return runs.map((r) =>
    r.first === r.last
      ? `${shortDate(r.first, baseYear)}${joiner}${r.reason}`
      : `${shortDate(r.first, baseYear)}至${shortDate(r.last, baseYear)}${joiner}${r.reason}`,
  );
}

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An instant from a Date or ISO text; strict, because Date.parse rolls 2026-02-30 over into March. */
function instantOf(start: Date | string): Date {
  if (typeof start !== 'string') {
    if (Number.isNaN(start.getTime())) throw new RangeError('not a valid instant');
    return start;
  }
  const match = INSTANT_RE.exec(start);
  if (!match || !isIsoDate(match[1] as string) || Number.isNaN(Date.parse(start))) throw new RangeError(`not a date or instant: ${start}`);
  return new Date(start);
}

function startDateOf(start: Date | string): string {
  if (typeof start === 'string' && isIsoDate(start)) return start;
  return shanghaiDateOf(instantOf(start));
}

function normaliseDate(value: string): string {
  return isIsoDate(value) ? value : startDateOf(value);
}

function missingText(years: readonly number[]): string {
  return `${years.map((y) => `${y}年`).join('、')}的节假日安排尚未导入，无法确定届满日期（不按普通周末推算）；请系统管理员导入该年度节假日安排后重新计算`;
}

function hoursDeadline(request: DeadlineRequest, rule: DeadlineRule, extension: number): Deadline {
  const instant =
    typeof request.start === 'string' && isIsoDate(request.start)
      ? startOfShanghaiDay(request.start)
      : new Date(instantOf(request.start).getTime());
  const sign = rule.direction === 'before' ? -1 : 1;
  const due = new Date(instant.getTime() + sign * (rule.amount + extension) * 3_600_000);
  const local = (d: Date) => `${formatChineseDate(shanghaiDateOf(d))}${shanghaiLocalOf(d).slice(11, 16)}`;
  const extended = extension > 0 ? { amount: extension, reason: request.extensionReason ?? '经批准延长' } : null;
  return {
    ruleId: rule.id,
    label: rule.label,
    source: rule.source,
    unit: 'hours',
    amount: rule.amount,
    start: instant.toISOString(),
    from: shanghaiDateOf(instant),
    due: due.toISOString(),
    counted: [],
    skipped: [],
    suspended: [],
    extended,
    rolledForward: null,
    calendarComplete: true,
    missingYears: [],
    explanation:
      `依据${rule.source}，${rule.label}为${rule.amount}小时，` +
      `自${local(instant)}（北京时间）起算${extended ? `，经批准延长${extension}小时（${extended.reason}）` : ''}，` +
      `按小时连续计算，节假日不停止计算，至${local(due)}届满。${rule.note ? `${rule.note}。` : ''}`,
  };
}

/**
 * Counts a deadline. See the module comment for the rules; the result lists every day that counted,
 * was skipped or suspended, and explains itself in one Chinese paragraph.
 */
export function computeDeadline(calendar: WorkingCalendar, request: DeadlineRequest): Deadline {
  const { rule } = request;
  const extension = request.extensionDays ?? 0;
  if (!Number.isInteger(extension) || extension < 0) throw new RangeError(`extension must be a whole number ≥ 0: ${extension}`);
  if (rule.unit === 'hours') return hoursDeadline(request, rule, extension);

  const from = startDateOf(request.start);
  const baseYear = from.slice(0, 4);
  const step = rule.direction === 'before' ? -1 : 1;
  const suspensions = (request.suspensions ?? []).map((s) => ({ from: normaliseDate(s.from), to: normaliseDate(s.to), reason: s.reason }));
  const suspensionOf = (date: string) => suspensions.find((s) => s.from <= date && date <= s.to);

  const counted: string[] = [];
  const skipped: { date: string; reason: string }[] = [];
  const suspended: { date: string; reason: string }[] = [];
  const missing = new Set<number>();
  const adjustedCounted: CalendarDay[] = [];

  let day = from;
  let left = rule.amount + extension;
  // Bound: 10 years of days; a suspension longer than that is a data error, not a deadline.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    day = addDays(day, step);
    const pause = suspensionOf(day);
    if (pause) {
      suspended.push({ date: day, reason: pause.reason });
      continue;
    }
    if (rule.unit === 'calendar-days') {
      counted.push(day);
      left--;
      continue;
    }
    const info = calendar.dayOf(day);
    if (info.kind === 'unknown') {
      // Not counted: the year's arrangement is unknown. The count goes on Monday-to-Friday only to
      // find how far it reaches, so every missing year is named; no due date comes out of it.
      missing.add(info.year);
      skipped.push({ date: day, reason: nonWorkingReason(info) });
      const weekday = weekdayOf(day);
      if (weekday !== 0 && weekday !== 6) left--;
      continue;
    }
    if (isWorkingKind(info.kind)) {
      counted.push(day);
      if (info.kind === 'adjusted-workday') adjustedCounted.push(info);
      left--;
    } else skipped.push({ date: day, reason: nonWorkingReason(info) });
  }

  // A calendar-day period: the days in it count whatever they are; only its last day must be a
  // working day, else it moves on to the next working day (backwards for a 'before' rule).
  let rolledForward: Deadline['rolledForward'] = null;
  if (rule.unit === 'calendar-days') {
    const lastDay = day;
    for (let guard = 0; guard < 366; guard++) {
      const info: CalendarDay | UnknownDay = calendar.dayOf(day);
      if (info.kind === 'unknown') {
        missing.add(info.year);
        break;
      }
      if (isWorkingKind(info.kind) || !rule.rollForward) break;
      skipped.push({ date: day, reason: `${nonWorkingReason(info)}，期限届满日顺延` });
      day = addDays(day, step);
    }
    if (day !== lastDay && missing.size === 0) rolledForward = { from: lastDay, to: day };
  }

  const missingYears = [...missing].sort((a, b) => a - b);
  const complete = missingYears.length === 0;
  const due = complete ? day : null;
  const extended = extension > 0 ? { amount: extension, reason: request.extensionReason ?? '经批准延长' } : null;

  const unitText = rule.unit === 'working-days' ? '个工作日' : '日';
  const parts: string[] = [];
  const direction = step === 1 ? `自${formatChineseDate(from)}起算（当日不计入）` : `自${formatChineseDate(from)}向前倒数（当日不计入）`;
  parts.push(
    `依据${rule.source}，${rule.label}为${step === 1 ? '' : '提前'}${rule.amount}${unitText}，${direction}${extended ? `，经批准延长${extension}${unitText}（${extended.reason}）` : ''}`,
  );
  const ordered = <T extends { date: string }>(xs: T[]) => (step === 1 ? xs : [...xs].reverse());
  if (rule.unit === 'working-days') {
    const known = counted.length;
    if (known > 0 && known <= 20)
      parts.push(
        `计入的工作日为${ordered(counted.map((date) => ({ date })))
          .map((d) => shortDate(d.date, baseYear))
          .join('、')}`,
      );
    else if (known > 20) parts.push(`共计入${known}个工作日`);
    for (const adjusted of adjustedCounted)
      parts.push(
        `其中${shortDate(adjusted.date, baseYear)}（${WEEKDAY_NAMES[weekdayOf(adjusted.date)]}）为${adjusted.name ?? '调休上班'}，计入`,
      );
    const off = skipped.filter((s) => !s.reason.startsWith('节假日数据缺失'));
    if (off.length) parts.push(`${describeRuns(ordered(off), baseYear, '为').join('，')}，不计入`);
  } else {
    parts.push(`期间内的周末和节假日照常计算，共计入${counted.length}日`);
  }
  if (suspended.length) parts.push(`${describeRuns(ordered(suspended), baseYear, '期限中止：').join('；')}，中止期间不计入`);
  if (rolledForward) {
    const reason = calendar.dayOf(rolledForward.from);
    parts.push(
      `期间最后一日${shortDate(rolledForward.from, baseYear)}为${nonWorkingReason(reason)}，依照${ROLL_FORWARD_SOURCE}顺延至${step === 1 ? '其后' : '其前'}第一个工作日`,
    );
  }
  if (complete) parts.push(`期限于${formatChineseDate(day)}（${WEEKDAY_NAMES[weekdayOf(day)]}）届满`);
  else parts.push(missingText(missingYears));
  if (rule.note) parts.push(rule.note);

  return {
    ruleId: rule.id,
    label: rule.label,
    source: rule.source,
    unit: rule.unit,
    amount: rule.amount,
    start: typeof request.start === 'string' ? request.start : request.start.toISOString(),
    from,
    due,
    counted,
    skipped,
    suspended,
    extended,
    rolledForward,
    calendarComplete: complete,
    missingYears,
    explanation: `${parts.join('；')}。`,
  };
}

/**
 * A deadline with a due date set by a document (整改期限 in an inspection opinion, a deletion
 * deadline in a notice): not counted, not rolled — the date written is the date.
 */
export function explicitDeadline(
  calendar: WorkingCalendar,
  input: { id?: string; label: string; source: string; from: Date | string; due: string },
): Deadline {
  if (!isIsoDate(input.due)) throw new RangeError(`due must be a date (YYYY-MM-DD): ${input.due}`);
  const from = startDateOf(input.from);
  const info = calendar.dayOf(input.due);
  const dayOff = info.kind !== 'unknown' && !isWorkingKind(info.kind) ? `（该日为${nonWorkingReason(info)}，文书已明确日期，不顺延）` : '';
  return {
    ruleId: input.id ?? 'explicit-due-date',
    label: input.label,
    source: input.source,
    unit: 'explicit-date',
    amount: daysBetween(from, input.due),
    start: typeof input.from === 'string' ? input.from : input.from.toISOString(),
    from,
    due: input.due,
    counted: [],
    skipped: [],
    suspended: [],
    extended: null,
    rolledForward: null,
    calendarComplete: true,
    missingYears: [],
    explanation: `${input.label}由${input.source}确定，${formatChineseDate(from)}起，至${formatChineseDate(input.due)}（${WEEKDAY_NAMES[weekdayOf(input.due)]}）届满${dayOff}。`,
  };
}

/** The traffic light of a running deadline: 黄牌 (warning) when ≤ 2 working days are left, 红牌 when past. */
export type DeadlineStatus = 'ok' | 'warning' | 'overdue' | 'unknown';

/** Working days left at which a deadline turns yellow. */
export const WARNING_WORKING_DAYS = 2;

/**
 * The status of a deadline at `now`: 'unknown' when it has no due date (calendar data missing);
 * for hour limits, 'warning' when a quarter of the period or less is left.
 */
export function deadlineStatus(calendar: WorkingCalendar, deadline: Pick<Deadline, 'due' | 'unit' | 'amount'>, now: Date): DeadlineStatus {
  if (deadline.due === null) return 'unknown';
  if (deadline.unit === 'hours') {
    const left = Date.parse(deadline.due) - now.getTime();
    if (left < 0) return 'overdue';
    return left <= (deadline.amount * 3_600_000) / 4 ? 'warning' : 'ok';
  }
  const today = shanghaiDateOf(now);
  if (today > deadline.due) return 'overdue';
  const left = workingDaysBetween(calendar, today, deadline.due) ?? daysBetween(today, deadline.due);
  return left <= WARNING_WORKING_DAYS ? 'warning' : 'ok';
}
