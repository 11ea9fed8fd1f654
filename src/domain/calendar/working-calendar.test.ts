import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseDaysData } from '../../services/calendar/chinese-days-data.js';
import { computeDeadline, DEADLINE_RULES, type DeadlineRule } from './deadlines.js';
import { addDays } from './shanghai-time.js';
import { addWorkingDays, changedDates, createWorkingCalendar, isWorkingKind, workingDaysBetween } from './working-calendar.js';

const calendar = createWorkingCalendar(chineseDaysData());

describe('createWorkingCalendar', () => {
  it('knows holidays, 调休 working days, weekends and plain weekdays', () => {
    expect(calendar.dayOf('2026-10-01')).toEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    expect(calendar.dayOf('2026-10-10')).toEqual({ date: '2026-10-10', kind: 'adjusted-workday', name: '国庆节调休上班' });
    expect(calendar.dayOf('2026-02-14')).toMatchObject({ kind: 'adjusted-workday', name: '春节调休上班' });
    expect(calendar.dayOf('2026-11-07')).toEqual({ date: '2026-11-07', kind: 'weekend' });
    expect(calendar.dayOf('2026-11-09')).toEqual({ date: '2026-11-09', kind: 'workday' });
  });

  it('covers 2004–2026 and reports 2027 as unknown, weekday or not', () => {
    expect(calendar.isCovered(2004)).toBe(true);
    expect(calendar.isCovered(2026)).toBe(true);
    expect(calendar.isCovered(2027)).toBe(false);
    expect(calendar.dayOf('2027-03-03')).toEqual({ date: '2027-03-03', kind: 'unknown', year: 2027 });
    expect(calendar.coveredYears.at(-1)).toBe(2026);
  });

  it('an override wins over the base, and a single override does not cover its year', () => {
    const c = createWorkingCalendar(chineseDaysData(), {
      coveredYears: [],
      days: [
        { date: '2026-10-01', kind: 'workday', name: '更正' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      ],
    });
    expect(c.dayOf('2026-10-01').kind).toBe('workday');
    expect(c.dayOf('2027-01-01')).toMatchObject({ kind: 'holiday', name: '元旦' });
    expect(c.dayOf('2027-01-04').kind).toBe('unknown');
    expect(c.isCovered(2027)).toBe(false);
  });

  it('an override set that covers 2027 turns its other days into plain weeks', () => {
    const c = createWorkingCalendar(chineseDaysData(), { coveredYears: [2027], days: [] });
    expect(c.dayOf('2027-01-04').kind).toBe('workday');
    expect(c.dayOf('2027-01-09').kind).toBe('weekend');
  });

  it('changedDates lists what an import changed', () => {
    const after = createWorkingCalendar(chineseDaysData(), {
      coveredYears: [],
      days: [{ date: '2026-11-04', kind: 'holiday', name: '地方性假日' }],
    });
    expect(changedDates(calendar, after, [2026])).toEqual(['2026-11-04']);
    const with2027 = createWorkingCalendar(chineseDaysData(), { coveredYears: [2027], days: [] });
    expect(changedDates(calendar, with2027, [2027])).toHaveLength(365);
  });

  it('workingDaysBetween counts after `from` up to `to`, and says null for an uncovered year', () => {
    expect(workingDaysBetween(calendar, '2026-09-28', '2026-10-10')).toBe(5);
    expect(workingDaysBetween(calendar, '2026-10-10', '2026-09-28')).toBe(-5);
    expect(workingDaysBetween(calendar, '2026-12-30', '2027-01-04')).toBeNull();
    expect(addWorkingDays(calendar, '2026-12-30', 3)).toBeNull();
  });
});

// Dates from 2004-01-01 to 2026-10-31, so that a count of up to 60 working days stays in covered years.
const dateArb = fc.integer({ min: 0, max: 8340 }).map((n) => addDays('2004-01-01', n));

describe('working-day arithmetic (properties)', () => {
  it('adding n then m working days equals adding n + m', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (date, n, m) => {
        const step = addWorkingDays(calendar, date, n);
        expect(step).not.toBeNull();
        expect(addWorkingDays(calendar, step as string, m)).toBe(addWorkingDays(calendar, date, n + m));
      }),
    );
  });

  it('counting back undoes counting forward from a working day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 30 }), (date, n) => {
        const start = addWorkingDays(calendar, date, 1) as string;
        const forward = addWorkingDays(calendar, start, n) as string;
        expect(addWorkingDays(calendar, forward, -n)).toBe(start);
        expect(workingDaysBetween(calendar, start, forward)).toBe(n);
      }),
    );
  });

  it('a due date is never a non-working day, for every rule, with or without suspensions', () => {
    const dayRules = Object.values(DEADLINE_RULES).filter((r) => r.unit !== 'hours') as DeadlineRule[];
    fc.assert(
      fc.property(
        dateArb,
        fc.constantFrom(...dayRules),
        fc.integer({ min: 0, max: 10 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 10 }))),
        (start, rule, extension, suspension) => {
          const suspensions = suspension
            ? [{ from: addDays(start, suspension[0]), to: addDays(start, suspension[0] + suspension[1]), reason: '中止' }]
            : [];
          const d = computeDeadline(calendar, { rule, start, extensionDays: extension, suspensions });
          if (d.due === null) return; // ran into 2027: no due date at all, which is the point
          expect(isWorkingKind(calendar.dayOf(d.due).kind)).toBe(true);
          if (rule.unit === 'working-days') expect(d.counted).toHaveLength(rule.amount + extension);
        },
      ),
    );
  });
});
