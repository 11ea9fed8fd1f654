/**
 * Field errors from a problem+json answer, ready for a form: the server names each issue's field by
 * a dotted path (`body.password` from request validation, `password` from a use case's own check);
 * a form wants them under its field names, and the rest as a general message.
 */
import type { TProblem } from '@contracts/api.js';

/** Issues of one form field, keyed by the form's dotted field name. */
export interface ProblemFieldErrors {
  /** dotted field name → messages, for the fields the form has */
  fields: Record<string, string[]>;
  /** messages about nothing the form shows (or about the request as a whole) */
  other: string[];
}

/** The part of a problem's path that names a request-body field (`body.change.kind` → `change.kind`). */
export function bodyFieldPath(path: string): string {
  return path.startsWith('body.') ? path.slice('body.'.length) : path === 'body' ? '' : path;
}

/**
 * Sorts the problem's issues onto `formFields` (dotted names); an issue on a nested path is put
 * on the nearest form field that contains it (`change.edition.effective` → `change.edition` when
 * only that is a field). Duplicate messages are dropped.
 */
export function problemFieldErrors(problem: TProblem | null | undefined, formFields: readonly string[]): ProblemFieldErrors {
  const fields: Record<string, string[]> = {};
  const other: string[] = [];
  for (const issue of problem?.errors ?? []) {
    const path = bodyFieldPath(issue.path);
    const field = nearestField(path, formFields);
    if (field === null) {
      if (!other.includes(issue.message)) other.push(issue.message);
      continue;
    }
    const list = fields[field] ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    fields[field] = list;
  }
  return { fields, other };
}

function nearestField(path: string, formFields: readonly string[]): string | null {
  let candidate = path;
  while (candidate !== '') {
    if (formFields.includes(candidate)) return candidate;
    const cut = candidate.lastIndexOf('.');
    candidate = cut < 0 ? '' : candidate.slice(0, cut);
  }
  return null;
}
