import { describe, expect, it } from 'vitest';
import { beijingLocalToIso, beijingToday, formatBeijingSeconds, isoToBeijingLocal } from './beijing-time.js';

describe('beijing time fields', () => {
  it('reads datetime-local text as Beijing time', () => {
    expect(beijingLocalToIso('2026-11-26T14:05')).toBe('2026-11-26T06:05:00.000Z');
    expect(beijingLocalToIso('2026-01-01T03:00:30')).toBe('2025-12-31T19:00:30.000Z');
  });

  it('refuses text that is not a date and time, and dates that do not exist', () => {
    expect(beijingLocalToIso('')).toBeNull();
    expect(beijingLocalToIso('2026-11-26')).toBeNull();
    expect(beijingLocalToIso('2026-02-30T10:00')).toBeNull();
  });

  it('writes instants back as Beijing wall-clock text', () => {
    expect(isoToBeijingLocal('2026-11-26T06:05:00.000Z')).toBe('2026-11-26T14:05');
    expect(isoToBeijingLocal('2025-12-31T19:00:00Z')).toBe('2026-01-01T03:00');
    expect(isoToBeijingLocal('garbage')).toBe('');
  });

  it('knows the Beijing date when UTC is still on the day before', () => {
    expect(beijingToday(new Date('2026-11-26T17:30:00Z'))).toBe('2026-11-27');
    expect(beijingToday(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
  });

  it('formats an instant with seconds', () => {
    expect(formatBeijingSeconds('2026-11-26T06:05:33.120Z')).toBe('2026-11-26 14:05:33');
    expect(formatBeijingSeconds('n/a')).toBe('n/a');
  });
});
