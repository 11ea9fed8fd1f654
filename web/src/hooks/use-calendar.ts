/** TanStack Query hooks of the working-day calendar (under the protected root: signing out drops them). */
import type { TCalendarImportRequest } from '@contracts/calendar.js';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchCalendarYear, importCalendarEntries } from '../api/calendar-api.js';
import { PROTECTED_KEY_ROOT } from './use-session.js';

export const calendarKeys = {
  all: [PROTECTED_KEY_ROOT, 'calendar'] as const,
  year: (year: number) => [PROTECTED_KEY_ROOT, 'calendar', 'year', year] as const,
};

/** One year of the calendar (the previous year stays on screen while the next loads). */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => fetchCalendarYear(year, signal),
    placeholderData: keepPreviousData,
  });
}

/** Imports entries; a real import refreshes the calendar and the cases (their deadlines are recounted). */
export function useCalendarImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TCalendarImportRequest) => importCalendarEntries(request),
    onSuccess: (answer) => {
      if (answer.dryRun || answer.revisionNo === null) return;
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
      void queryClient.invalidateQueries({ queryKey: [PROTECTED_KEY_ROOT, 'cases'] });
    },
  });
}
