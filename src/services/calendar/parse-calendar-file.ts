/**
 * The command line's reader of holiday-arrangement files: the contracts' pure reader (shared with
 * the web page), its errors turned into validation errors that name the line.
 */
import type { TCalendarImportRequest } from '../../contracts/calendar.js';
import { CalendarFileError, parseCalendarText } from '../../contracts/calendar-file.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';

export function parseCalendarFile(text: string, fileName: string): TCalendarImportRequest {
  try {
    return parseCalendarText(text, fileName);
  } catch (error) {
    if (!(error instanceof CalendarFileError)) throw error;
    throw new DomainError(ERROR_CODES.validation, error.message, {
      ...(error.line ? { location: { line: error.line } } : {}),
      issues: [{ path: error.line ? ['file', error.line] : ['file'], message: error.message }],
      cause: error,
    });
  }
}
