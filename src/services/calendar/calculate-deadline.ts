/**
 * The deadline calculator of the command line and the API: n working days or n calendar days
 * from a date, or a statutory rule by id — counted by the same function the cases use, on the
 * installation's calendar (base data + administrator entries). Reading holiday data is public.
 */
import { computeDeadline, type Deadline, deadlineRule, plainCountRule } from '../../domain/calendar/deadlines.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { loadWorkingCalendar } from './load-working-calendar.js';

export interface CalculateDeadlineOptions {
  /** YYYY-MM-DD (Asia/Shanghai) or an ISO instant */
  from: string;
  workingDays?: number;
  calendarDays?: number;
  /** a rule of DEADLINE_RULES instead of a plain count */
  ruleId?: string;
  suspensions?: { from: string; to: string; reason: string }[];
  extensionDays?: number;
}

export async function calculateDeadline(ctx: ServiceContext, options: CalculateDeadlineOptions): Promise<Deadline> {
  const given = [options.workingDays, options.calendarDays, options.ruleId].filter((x) => x !== undefined).length;
  if (given !== 1)
    throw new DomainError(ERROR_CODES.validation, '请给出工作日天数、自然日天数或期限规则三者之一', {
      issues: [{ path: ['workingDays'], message: '请给出工作日天数、自然日天数或期限规则三者之一' }],
    });
  const rule =
    options.ruleId !== undefined
      ? deadlineRule(options.ruleId)
      : options.workingDays !== undefined
        ? plainCountRule(options.workingDays, 'working-days')
        : plainCountRule(options.calendarDays as number, 'calendar-days');
  if (!rule)
    throw new DomainError(ERROR_CODES.validation, `未知的期限规则：${options.ruleId}`, {
      issues: [{ path: ['rule'], message: '未知的期限规则' }],
    });
  const calendar = await loadWorkingCalendar(ctx);
  try {
    return computeDeadline(calendar, {
      rule,
      start: options.from,
      ...(options.suspensions ? { suspensions: options.suspensions } : {}),
      ...(options.extensionDays ? { extensionDays: options.extensionDays } : {}),
    });
  } catch (error) {
    if (error instanceof RangeError)
      throw new DomainError(ERROR_CODES.validation, `起算日期无效：${options.from}`, {
        issues: [{ path: ['from'], message: '应为有效日期 YYYY-MM-DD，或带时区的时间（如 2026-11-26T14:05:00+08:00）' }],
        cause: error,
      });
    throw error;
  }
}
