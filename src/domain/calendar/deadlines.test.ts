import { describe, expect, it } from 'vitest';
import { chineseDaysData } from '../../services/calendar/chinese-days-data.js';
import { computeDeadline, DEADLINE_RULES, deadlineRule, deadlineStatus, explicitDeadline, promisedLimitRule } from './deadlines.js';
import { createWorkingCalendar } from './working-calendar.js';

// The real chinese-days 1.5.7 data (2004–2026), as the installation loads it.
const calendar = createWorkingCalendar(chineseDaysData());
const FIVE = DEADLINE_RULES['statement-and-hearing-request-5-working-days'];
const NINETY = DEADLINE_RULES['penalty-decision-90-days'];

describe('working-day deadlines (行政处罚法 第八十五条)', () => {
  it('crosses National Day 2026 and counts the 调休 working Saturday 10-10', () => {
    const d = computeDeadline(calendar, { rule: FIVE, start: '2026-09-28' });
    expect(d.due).toBe('2026-10-10');
    expect(d.counted).toEqual(['2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
    expect(d.skipped).toHaveLength(7);
    expect(d.skipped[0]).toEqual({ date: '2026-10-01', reason: '法定节假日（国庆节）' });
    expect(d.calendarComplete).toBe(true);
    expect(d.explanation).toContain('10月1日至10月7日为法定节假日（国庆节）');
    expect(d.explanation).toContain('10月10日（星期六）为国庆节调休上班，计入');
    expect(d.explanation).toContain('第六十四条');
    expect(d.explanation).toContain('2026年10月10日（星期六）届满');
  });

  it('crosses Spring Festival 2026 with its 调休 Saturday 02-14', () => {
    const d = computeDeadline(calendar, { rule: FIVE, start: '2026-02-12' });
    expect(d.counted).toEqual(['2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26']);
    expect(d.due).toBe('2026-02-26');
    expect(d.skipped.map((s) => s.reason)).toContain('法定节假日（春节）');
    expect(d.explanation).toContain('2月15日至2月23日为法定节假日（春节）');
  });

  it('skips an ordinary weekend and names it', () => {
    const d = computeDeadline(calendar, { rule: FIVE, start: '2026-04-30' });
    // 05-01…05-05 劳动节, 05-09 a 调休 Saturday, 05-10 an ordinary Sunday
    expect(d.counted).toEqual(['2026-05-06', '2026-05-07', '2026-05-08', '2026-05-09', '2026-05-11']);
    expect(d.skipped.at(-1)).toEqual({ date: '2026-05-10', reason: '周末' });
    expect(d.due).toBe('2026-05-11');
    const w = computeDeadline(calendar, { rule: FIVE, start: '2026-11-05' });
    expect(w.skipped).toEqual([
      { date: '2026-11-07', reason: '周末' },
      { date: '2026-11-08', reason: '周末' },
    ]);
    expect(w.due).toBe('2026-11-12');
  });

  it('refuses a start that is no real date rather than rolling it into the next month', () => {
    expect(() => computeDeadline(calendar, { rule: FIVE, start: '2026-02-30' })).toThrow(RangeError);
    expect(() => computeDeadline(calendar, { rule: FIVE, start: '2026-02-30T10:00:00Z' })).toThrow(RangeError);
    expect(() => computeDeadline(calendar, { rule: FIVE, start: 'tomorrow' })).toThrow(RangeError);
  });

  it('takes the Shanghai date of an instant as the start (16:30 UTC is already the next day in Beijing)', () => {
    const d = computeDeadline(calendar, { rule: FIVE, start: new Date('2026-09-27T16:30:00Z') });
    expect(d.from).toBe('2026-09-28');
    expect(d.due).toBe('2026-10-10');
  });

  it('a suspension stops the clock for its days', () => {
    const d = computeDeadline(calendar, {
      rule: FIVE,
      start: '2026-11-02',
      suspensions: [{ from: '2026-11-03', to: '2026-11-05', reason: '等待当事人补正材料' }],
    });
    expect(d.suspended.map((s) => s.date)).toEqual(['2026-11-03', '2026-11-04', '2026-11-05']);
    // without it: 11-09; the three suspended working days push it to 11-12
    expect(computeDeadline(calendar, { rule: FIVE, start: '2026-11-02' }).due).toBe('2026-11-09');
    expect(d.due).toBe('2026-11-12');
    expect(d.explanation).toContain('期限中止：等待当事人补正材料');
  });

  it('an approved extension adds days of the rule’s own kind and is explained', () => {
    const d = computeDeadline(calendar, {
      rule: NINETY,
      start: '2026-06-01',
      extensionDays: 30,
      extensionReason: '案情复杂，经负责人批准',
    });
    // 06-01 + 120 days = 09-29 (a Tuesday)
    expect(d.due).toBe('2026-09-29');
    expect(d.extended).toEqual({ amount: 30, reason: '案情复杂，经负责人批准' });
    expect(d.explanation).toContain('经批准延长30日（案情复杂，经负责人批准）');
  });
});

describe('calendar-day deadlines (行政处罚法 第六十条; 民事诉讼法 第八十五条 by analogy)', () => {
  it('a 90-day period ending on National Day rolls forward to the first working day', () => {
    const d = computeDeadline(calendar, { rule: NINETY, start: '2026-07-03' });
    expect(d.counted).toHaveLength(90);
    expect(d.counted.at(-1)).toBe('2026-10-01');
    expect(d.rolledForward).toEqual({ from: '2026-10-01', to: '2026-10-08' });
    expect(d.due).toBe('2026-10-08');
    expect(d.explanation).toContain('民事诉讼法');
    expect(d.explanation).toContain('顺延');
  });

  it('holidays inside the period count', () => {
    const d = computeDeadline(calendar, { rule: NINETY, start: '2026-08-01' });
    expect(d.due).toBe('2026-10-30');
    expect(d.rolledForward).toBeNull();
    expect(d.counted).toContain('2026-10-01');
  });

  it('a period that reaches 2027 says the calendar data is missing and gives no due date', () => {
    const d = computeDeadline(calendar, { rule: NINETY, start: '2026-12-03' });
    expect(d.calendarComplete).toBe(false);
    expect(d.missingYears).toEqual([2027]);
    expect(d.due).toBeNull();
    expect(d.explanation).toContain('2027年的节假日安排尚未导入');
  });
});

describe('the missing-2027 flag', () => {
  it('a working-day count running into 2027 names the year and does not count plain weekdays', () => {
    const d = computeDeadline(calendar, { rule: FIVE, start: '2026-12-28' });
    expect(d.calendarComplete).toBe(false);
    expect(d.missingYears).toEqual([2027]);
    expect(d.due).toBeNull();
    expect(d.counted).toEqual(['2026-12-29', '2026-12-30', '2026-12-31']);
    expect(d.skipped.some((s) => s.date === '2027-01-01' && s.reason === '节假日数据缺失（2027年）')).toBe(true);
  });

  it('once 2027 is imported (an override set covering the year) the same deadline has a due date', () => {
    const with2027 = createWorkingCalendar(chineseDaysData(), {
      coveredYears: [2027],
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-02', kind: 'holiday', name: '元旦' },
        { date: '2027-01-03', kind: 'holiday', name: '元旦' },
      ],
    });
    const d = computeDeadline(with2027, { rule: FIVE, start: '2026-12-28' });
    expect(d.calendarComplete).toBe(true);
    expect(d.due).toBe('2027-01-05');
  });
});

describe('an override on a running deadline', () => {
  it('a day made a holiday by the administrator moves the due date and is named', () => {
    const before = computeDeadline(calendar, { rule: FIVE, start: '2026-11-02' });
    const changed = createWorkingCalendar(chineseDaysData(), {
      coveredYears: [],
      days: [{ date: '2026-11-04', kind: 'holiday', name: '地方性假日' }],
    });
    const after = computeDeadline(changed, { rule: FIVE, start: '2026-11-02' });
    expect(before.due).toBe('2026-11-09');
    expect(after.due).toBe('2026-11-10');
    expect(after.skipped).toContainEqual({ date: '2026-11-04', reason: '法定节假日（地方性假日）' });
  });

  it('a weekend day made a working day counts as 调休上班', () => {
    const changed = createWorkingCalendar(chineseDaysData(), {
      coveredYears: [],
      days: [{ date: '2026-11-07', kind: 'workday', name: '调休上班' }],
    });
    const d = computeDeadline(changed, { rule: FIVE, start: '2026-11-05' });
    expect(d.counted).toContain('2026-11-07');
    expect(d.due).toBe('2026-11-11');
  });
});

describe('other limits', () => {
  it('leak report: 24 hours from the instant, holidays or not', () => {
    const d = computeDeadline(calendar, { rule: DEADLINE_RULES['leak-report-24-hours'], start: '2026-10-01T06:05:00.000Z' });
    expect(d.due).toBe('2026-10-02T06:05:00.000Z');
    expect(d.explanation).toContain('2026年10月1日14:05（北京时间）');
  });

  it('inspection notice: the latest day is 1 working day before the inspection, counted backwards past National Day', () => {
    const d = computeDeadline(calendar, { rule: DEADLINE_RULES['inspection-notice-1-working-day'], start: '2026-10-08' });
    expect(d.due).toBe('2026-09-30');
    expect(d.explanation).toContain('提前1个工作日');
  });

  it('a rectification deadline set in an opinion is taken as written, even on a day off', () => {
    const d = explicitDeadline(calendar, { label: '整改期限', source: '检查意见书', from: '2026-09-01', due: '2026-10-03' });
    expect(d.due).toBe('2026-10-03');
    expect(d.explanation).toContain('不顺延');
  });

  it('a promised limit (承诺时限) becomes a rule with its own source', () => {
    const rule = promisedLimitRule({
      id: 'approval-review',
      label: '审查',
      amount: 10,
      unit: 'working-days',
      promisedBy: '本局政务服务承诺',
    });
    expect(rule.source).toBe('本局政务服务承诺');
    expect(computeDeadline(calendar, { rule, start: '2026-09-28' }).due).toBe('2026-10-16');
    expect(() => promisedLimitRule({ id: 'x', label: '审查', amount: 0, unit: 'working-days' })).toThrow();
  });

  it('the lead’s rule ids resolve', () => {
    for (const id of [
      'penalty-decision-90-days',
      'statement-and-hearing-request-5-working-days',
      'service-7-working-days',
      'one-time-notice-5-working-days',
    ])
      expect(deadlineRule(id)?.id).toBe(id);
    expect(deadlineRule('explicit-due-date')).toBeUndefined();
  });
});

describe('deadlineStatus (黄牌 / 红牌)', () => {
  const d = computeDeadline(calendar, { rule: FIVE, start: '2026-09-28' }); // due 2026-10-10
  it('is ok with more than 2 working days left, even across the holiday', () => {
    expect(deadlineStatus(calendar, d, new Date('2026-09-29T02:00:00Z'))).toBe('ok');
  });
  it('turns yellow with 2 working days or fewer left', () => {
    // 10-08 → 10-09, 10-10: two working days left
    expect(deadlineStatus(calendar, d, new Date('2026-10-08T02:00:00Z'))).toBe('warning');
    expect(deadlineStatus(calendar, d, new Date('2026-10-10T15:59:00Z'))).toBe('warning');
  });
  it('turns red the day after (Beijing time)', () => {
    expect(deadlineStatus(calendar, d, new Date('2026-10-10T16:00:00Z'))).toBe('overdue');
  });
  it('is unknown without a due date', () => {
    expect(deadlineStatus(calendar, { due: null, unit: 'working-days', amount: 5 }, new Date())).toBe('unknown');
  });
});
