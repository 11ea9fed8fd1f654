/**
 * Which audit records are changes and which are reads, for the auditor's "changes only" filter
 * (只看变更): sign-ins and sessions, refused accesses, lists, reads, searches (the auditor's own
 * included), verifications and opened links are not changes. Patterns rather than a list, so that
 * features adding `case.read` or `calendar.list` are sorted without touching this file.
 */

/** Action prefixes of records that change nothing. */
export const NON_CHANGE_ACTION_PREFIXES = ['session.', 'access.'] as const;

/** Action suffixes of records that change nothing. */
export const NON_CHANGE_ACTION_SUFFIXES = ['.list', '.read', '.search', '.verify', '.candidate-list', '.open'] as const;

/** Whether an audit record's action changed something. */
export function isChangeAction(action: string): boolean {
  return (
    !NON_CHANGE_ACTION_PREFIXES.some((prefix) => action.startsWith(prefix)) &&
    !NON_CHANGE_ACTION_SUFFIXES.some((suffix) => action.endsWith(suffix))
  );
}
