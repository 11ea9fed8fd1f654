/**
 * The case engine's calendar (CaseCalendar), bound to the working calendar of the installation.
 *
 * INTERIM: until src/domain/calendar lands, the day data comes straight from chinese-days 1.5.7
 * (2004–2026); a year it does not cover is reported as unknown, never counted as plain weekdays.
 */
import chineseDays from 'chinese-days';
import type { CaseDeadline } from '../../domain/cases/case.js';
import type { DeadlineStart } from '../../domain/procedure/types.js';
import type { ServiceContext } from '../context.js';
import type { CaseCalendar } from './case-calendar.js';

interface RuleDef {
  label: string;
  source: string;
  amount: number;
  unit: 'working-days' | 'calendar-days';
}

const RULES: Record<string, RuleDef> = {
  'penalty-decision-90-days': {
    label: '作出处罚决定期限',
    source: '《中华人民共和国行政处罚法》（2021年修订）第六十条',
    amount: 90,
    unit: 'calendar-days',
  },
  'statement-and-hearing-request-5-working-days': {
    label: '陈述申辩和听证申请期限',
    source: '《中华人民共和国行政处罚法》（2021年修订）第六十四条、第八十五条',
    amount: 5,
    unit: 'working-days',
  },
  'service-7-working-days': {
    label: '送达决定书期限',
    source: '《中华人民共和国行政处罚法》（2021年修订）第六十一条、第八十五条',
    amount: 7,
    unit: 'working-days',
  },
  'one-time-notice-5-working-days': {
    label: '一次性告知补正期限',
    source: '《涉及国家秘密的信息系统审批管理规定》第十四条（据随附清单引述）',
    amount: 5,
    unit: 'working-days',
  },
};

// The package is CommonJS: plain Node and vitest hand its functions over at different depths.
type DayDetail = (date: string) => { work: boolean; name: string };
const candidates = [chineseDays, (chineseDays as unknown as { default?: unknown }).default] as { getDayDetail?: DayDetail }[];
const json = candidates.find((c) => typeof c?.getDayDetail === 'function')?.getDayDetail as DayDetail;
const FIRST_YEAR = 2004;
const LAST_YEAR = 2026;

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function dayKind(date: string): { kind: 'workday' | 'weekend' | 'holiday' | 'adjusted-workday' | 'unknown'; name?: string } {
  const year = Number(date.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return { kind: 'unknown' };
  const detail = json(date);
  const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  const name = detail.name.includes(',') ? detail.name.split(',')[1] : undefined;
  if (detail.work) return weekend ? { kind: 'adjusted-workday', name: `${name ?? ''}调休上班` } : { kind: 'workday' };
  if (!weekend || name) return { kind: 'holiday', ...(name ? { name } : {}) };
  return { kind: 'weekend' };
}

const isWorking = (kind: string) => kind === 'workday' || kind === 'adjusted-workday';

function shanghai(instant: Date): Date {
  return new Date(instant.getTime() + 8 * 3_600_000);
}

function localDateOf(instant: Date): string {
  return shanghai(instant).toISOString().slice(0, 10);
}

function computeDeadline(
  start: DeadlineStart,
  from: string,
  suspensions: readonly { from: string; to: string; reason: string }[],
  extensionDays: number,
): CaseDeadline {
  const rule = RULES[start.ruleId];
  const fromDate = from.length > 10 ? localDateOf(new Date(from)) : from;
  const base = {
    id: start.id,
    ruleId: start.ruleId,
    from,
    state: 'running' as const,
    endedAt: null,
    suspensions: [...suspensions],
    extensionDays,
  };
  if (!rule) {
    return {
      ...base,
      label: start.id,
      source: '',
      due: null,
      explanation: '未知的期限规则。',
      skipped: [],
      calendarComplete: false,
      missingYears: [],
    };
  }
  const suspended = (date: string) => suspensions.find((s) => s.from <= date && date <= s.to);
  const skipped: { date: string; reason: string }[] = [];
  const missing = new Set<number>();
  let left = rule.amount + extensionDays;
  let day = fromDate;
  let counted = 0;
  while (left > 0 && counted < 2000) {
    day = addDays(day, 1);
    counted++;
    const pause = suspended(day);
    if (pause) {
      skipped.push({ date: day, reason: `期限中止（${pause.reason}）` });
      continue;
    }
    const kind = dayKind(day);
    if (kind.kind === 'unknown') missing.add(Number(day.slice(0, 4)));
    if (rule.unit === 'calendar-days') {
      left--;
      continue;
    }
    if (isWorking(kind.kind)) left--;
    else
      skipped.push({
        date: day,
        reason: kind.kind === 'holiday' ? `法定节假日（${kind.name ?? '节假日'}）` : kind.kind === 'unknown' ? '节假日数据缺失' : '周末',
      });
  }
  // a period ending on a day off ends on the next working day (民事诉讼法第八十五条, by analogy)
  while (rule.unit === 'calendar-days' && !isWorking(dayKind(day).kind) && dayKind(day).kind !== 'unknown') {
    skipped.push({ date: day, reason: `期限末日为休息日，顺延（${dayKind(day).name ?? '周末'}）` });
    day = addDays(day, 1);
  }
  const complete = missing.size === 0;
  const unitText = rule.unit === 'working-days' ? '个工作日' : '日';
  const explanation = complete
    ? `自 ${fromDate} 起（当日不计入）${rule.amount}${unitText}${extensionDays ? `，经批准延长 ${extensionDays} 日` : ''}，至 ${day} 届满。${
        skipped.length ? `跳过：${skipped.map((s) => `${s.date} ${s.reason}`).join('；')}。` : ''
      }依据：${rule.source}。`
    : `${[...missing].join('、')} 年的节假日数据缺失，无法确定届满日期，请先导入该年度节假日安排。`;
  return {
    ...base,
    label: rule.label,
    source: rule.source,
    due: complete ? day : null,
    explanation,
    skipped,
    calendarComplete: complete,
    missingYears: [...missing],
  };
}

function workingDaysBetween(from: string, to: string): number | null {
  let n = 0;
  const sign = to >= from ? 1 : -1;
  const [a, b] = sign === 1 ? [from, to] : [to, from];
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) {
    const kind = dayKind(d).kind;
    if (kind === 'unknown') return null;
    if (isWorking(kind)) n++;
  }
  return sign * n;
}

const CALENDAR: CaseCalendar = {
  supervision: { dayKind, workingDaysBetween },
  deadlines: {
    start({ start, from, due, suspensions, extensionDays }) {
      if (due !== null) {
        return {
          id: start.id,
          ruleId: start.ruleId,
          label:
            start.id === 'rectification'
              ? '整改期限'
              : start.id === 'deletion'
                ? '删除期限'
                : start.id === 'unit-reply'
                  ? '书面报告处理结果期限'
                  : '文书确定的期限',
          source: '检查意见书、通知书或处理建议书确定的期限',
          from,
          due,
          state: 'running',
          endedAt: null,
          explanation: `期限由文书确定，至 ${due} 届满。`,
          skipped: [],
          calendarComplete: true,
          missingYears: [],
          suspensions: [],
          extensionDays: 0,
        };
      }
      return computeDeadline(start, from, suspensions ?? [], extensionDays ?? 0);
    },
  },
  remainingWorkingDays: workingDaysBetween,
  addWorkingDays(date, n) {
    let day = date;
    for (let left = n; left > 0; ) {
      day = addDays(day, 1);
      const kind = dayKind(day).kind;
      if (kind === 'unknown') return null;
      if (isWorking(kind)) left--;
    }
    return day;
  },
  addDays,
  localDateOf,
  localHourOf: (instant) => shanghai(instant).getUTCHours(),
};

/** The calendar the case use cases count with. */
export async function loadCaseCalendar(_ctx: ServiceContext): Promise<CaseCalendar> {
  return CALENDAR;
}
