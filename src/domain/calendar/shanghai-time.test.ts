import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  daysBetween,
  isIsoDate,
  shanghaiClockOf,
  shanghaiDateOf,
  shanghaiLocalOf,
  shanghaiLocalToInstant,
  startOfShanghaiDay,
  weekdayOf,
} from './shanghai-time.js';

describe('the Asia/Shanghai date helper', () => {
  it('an instant after 16:00 UTC is already the next day in Beijing', () => {
    expect(shanghaiDateOf(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
    expect(shanghaiDateOf(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
    expect(shanghaiClockOf(new Date('2026-09-30T14:30:00Z'))).toEqual({ hour: 22, minute: 30 });
  });

  it('a Shanghai day starts at 16:00 UTC the day before', () => {
    expect(startOfShanghaiDay('2026-10-01').toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(() => startOfShanghaiDay('2026-02-30')).toThrow(RangeError);
  });

  it('date arithmetic crosses months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(weekdayOf('2026-10-10')).toBe(6);
    expect(compareDates('2026-10-09', '2026-10-10')).toBe(-1);
    expect(isIsoDate('2026-02-29')).toBe(false);
  });

  it('Beijing wall-clock text ↔ instant, refusing impossible times', () => {
    expect(shanghaiLocalToInstant('2026-11-26T14:05')?.toISOString()).toBe('2026-11-26T06:05:00.000Z');
    expect(shanghaiLocalToInstant('2026-02-30T10:00')).toBeNull();
    expect(shanghaiLocalToInstant('2026-02-03T24:00')).toBeNull();
    expect(shanghaiLocalOf(new Date('2026-11-26T06:05:33Z'))).toBe('2026-11-26T14:05:33');
  });

  it('startOfShanghaiDay and shanghaiDateOf are inverse (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), (n) => {
        const date = addDays('1995-01-01', n);
        expect(shanghaiDateOf(startOfShanghaiDay(date))).toBe(date);
        expect(shanghaiDateOf(new Date(startOfShanghaiDay(date).getTime() - 1))).toBe(addDays(date, -1));
      }),
    );
  });
});
