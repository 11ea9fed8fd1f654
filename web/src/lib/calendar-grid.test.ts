import type { TCalendarDay } from '@contracts/calendar.js';
import { describe, expect, it } from 'vitest';
import { holidayRuns, monthGrids } from './calendar-grid.js';

function october(): TCalendarDay[] {
  const out: TCalendarDay[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = `2026-10-${String(d).padStart(2, '0')}`;
    const kind =
      d <= 7 ? 'holiday' : d === 10 ? 'adjusted-workday' : [3, 4, 10, 11, 17, 18, 24, 25, 31].includes(d) ? 'weekend' : 'workday';
    out.push({ date, kind, override: false, ...(d <= 7 ? { name: '国庆节' } : d === 10 ? { name: '国庆节调休上班' } : {}) });
  }
  return out;
}

describe('calendar grid', () => {
  it('starts October 2026 on a Thursday, Monday-first, in whole weeks', () => {
    const [grid] = monthGrids(october());
    expect(grid?.month).toBe(10);
    expect(grid?.weeks[0]?.slice(0, 3)).toEqual([null, null, null]);
    expect(grid?.weeks[0]?.[3]?.date).toBe('2026-10-01');
    expect(grid?.weeks.every((w) => w.length === 7)).toBe(true);
    expect(grid?.weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it('groups National Day into one run and lists the 调休 Saturday', () => {
    expect(holidayRuns(october())).toEqual([
      { name: '国庆节', kind: 'holiday', first: '2026-10-01', last: '2026-10-07', days: 7 },
      { name: '国庆节调休上班', kind: 'adjusted-workday', first: '2026-10-10', last: '2026-10-10', days: 1 },
    ]);
  });
});
