import { describe, expect, it } from 'vitest';
import { ZCalendarImportRequest } from '../../contracts/calendar.js';
import { DomainError } from '../../domain/errors.js';
import { parseCalendarFile } from './parse-calendar-file.js';

describe('parseCalendarFile', () => {
  it('reads the documented CSV, with a BOM, comments, Chinese kinds and a covered year', () => {
    const csv =
      '\uFEFFdate,kind,name\n# 2027\n2027,covered,国务院办公厅通知\n2027-01-01,holiday,元旦\n2027-02-20,上班,春节\r\n2026-11-04,remove,\n';
    const parsed = parseCalendarFile(csv, '2027.csv');
    expect(parsed).toEqual({
      entries: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-20', kind: 'workday', name: '春节' },
        { date: '2026-11-04', kind: 'remove', name: '' },
      ],
      coveredYears: [2027],
      source: '国务院办公厅通知',
    });
    expect(ZCalendarImportRequest.safeParse(parsed).success).toBe(true);
  });

  it('names the line of a kind it does not know', () => {
    const error = (() => {
      try {
        parseCalendarFile('2027-01-01,holiday,元旦\n2027-01-02,vacation,元旦\n', 'x.csv');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toContain('第 2 行');
    expect((error as DomainError).location).toEqual({ line: 2 });
  });

  it('reads the JSON object and a bare array of entries', () => {
    expect(parseCalendarFile('{"coveredYears":[2027],"source":"通知","entries":[]}', 'a.json')).toEqual({
      coveredYears: [2027],
      source: '通知',
      entries: [],
    });
    expect(parseCalendarFile('[{"date":"2027-01-01","kind":"holiday","name":"元旦"}]', 'a.json').entries).toHaveLength(1);
    expect(() => parseCalendarFile('{oops', 'a.json')).toThrow(DomainError);
  });
});
