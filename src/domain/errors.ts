/**
 * Domain errors. Every code is documented with when it is thrown; the HTTP layer maps codes to
 * statuses in exactly one exhaustive table (src/http/error-handler.ts), the CLI prints the message.
 */
export const ERROR_CODES = {
  /** input failed validation (a zod schema or a domain rule about a field) */
  validation: 'validation',
  /** a power-list file could not be read as a list: wrong structure, bad encoding, broken quoting */
  malformedFile: 'malformed-file',
  /** a file format we do not read */
  unsupportedFormat: 'unsupported-format',
  /** the thing asked for does not exist (or is invisible to the caller) */
  notFound: 'not-found',
  /** a write lost a race or contradicts the current state */
  conflict: 'conflict',
  /** the caller's expectedVersion is no longer the case's version: someone else changed it first (409) */
  staleVersion: 'stale-version',
  /** the action is not one the case's current step allows, or the case is closed (409) */
  invalidTransition: 'invalid-transition',
  /** a supervision rule refuses the transition; `details.refusals` says which and quotes the list's clause (422) */
  ruleViolated: 'rule-violated',
  /** the caller is not signed in */
  unauthenticated: 'unauthenticated',
  /** the caller is signed in but may not do this */
  forbidden: 'forbidden',
  /** too many attempts */
  rateLimited: 'rate-limited',
  /** the request body or an uploaded file is too large */
  tooLarge: 'too-large',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Where in a file (1-based line and column) or in a request (field path) a problem sits. */
export interface ErrorLocation {
  line?: number;
  column?: number;
  path?: (string | number)[];
}

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** An expected failure with a code the caller can act on and a message a person can read. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation | undefined;
  readonly issues: FieldIssue[];
  /** further members of the problem body (e.g. `refusals` of a rule-violated error) */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { location?: ErrorLocation; issues?: FieldIssue[]; cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.location = options.location;
    this.issues = options.issues ?? [];
    this.details = options.details;
  }
}

/** A file that is not a readable power list; the message names the line and column. */
export function malformedFile(message: string, line?: number, column?: number): DomainError {
  const where = line === undefined ? '' : column === undefined ? `第 ${line} 行：` : `第 ${line} 行第 ${column} 列：`;
  return new DomainError(ERROR_CODES.malformedFile, `${where}${message}`, { location: { line, column } });
}
