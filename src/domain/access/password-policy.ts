/**
 * The password policy and the login lockout schedule, as pure functions.
 *
 * Length beats composition rules (NIST SP 800-63B §5.1.1.2): at least 12 characters, no character
 * classes required, but refuse passwords found in lists of common passwords — also when dressed up
 * with trailing digits or l33t spelling — trivially repetitive ones, and ones containing the username.
 * The common-password list is data (data/common-passwords.txt); the services layer loads it and
 * passes it in, so this module stays free of I/O.
 */

/** Fewest characters (Unicode code points) a password may have. */
export const MIN_PASSWORD_LENGTH = 12;
/** Most characters accepted; bounds the work of hashing an attacker-supplied string. */
export const MAX_PASSWORD_LENGTH = 128;

/** One reason a password is refused, with a Chinese message for the form. */
export interface PasswordIssue {
  code: 'too-short' | 'too-long' | 'common' | 'repetitive' | 'contains-username';
  message: string;
}

export interface CheckPasswordOptions {
  /** the account's username; a password containing it is refused */
  username: string;
  /** common passwords, lower-case, one per entry */
  commonPasswords: ReadonlySet<string>;
}

/** The reasons a password breaks the policy; empty when it is acceptable. */
export function checkPassword(password: string, { username, commonPasswords }: CheckPasswordOptions): PasswordIssue[] {
  const issues: PasswordIssue[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    issues.push({ code: 'too-short', message: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符，当前为 ${length} 个。` });
  }
  if (length > MAX_PASSWORD_LENGTH) {
    issues.push({ code: 'too-long', message: `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符。` });
  }
  const lower = password.toLowerCase();
  if (commonPasswordVariants(lower).some((candidate) => commonPasswords.has(candidate))) {
    issues.push({ code: 'common', message: '该密码属于常见弱密码（或在常见密码后加数字、符号），容易被猜中，请换一个。' });
  }
  if (isRepetitive(lower)) {
    issues.push({ code: 'repetitive', message: '密码不能由重复字符或连续序列组成（如 aaaaaaaaaaaa、123456789012）。' });
  }
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) {
    issues.push({ code: 'contains-username', message: '密码不能包含用户名。' });
  }
  return issues;
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', $: 's', '5': 's', '7': 't' };

/**
 * The forms of a password to look up in the common list: as typed, without trailing digits and
 * symbols ("woaini1314520" → "woaini"), and with l33t spelling undone ("p@ssw0rd!!" → "password").
 * Stems shorter than 4 characters are not looked up: "abc" + anything is not "a common password".
 */
function commonPasswordVariants(lower: string): string[] {
  const stem = lower.replace(/[^\p{L}]+$/u, '');
  const variants = [lower, stem, undoLeet(stem), undoLeet(lower)];
  return [...new Set(variants)].filter((v, i) => i === 0 || [...v].length >= 4);
}

function undoLeet(text: string): string {
  return [...text].map((ch) => LEET[ch] ?? ch).join('');
}

/**
 * Whether the password is one short unit repeated ("abcabcabcabc", "aaaaaaaaaaaa") or a run of
 * consecutive characters up or down ("123456789012" counts digits cyclically, "abcdefghijkl").
 */
function isRepetitive(lower: string): boolean {
  const chars = [...lower];
  if (chars.length < 2) return false;
  for (let unit = 1; unit <= 4 && unit * 2 <= chars.length; unit++) {
    if (chars.every((ch, i) => ch === chars[i % unit])) return true;
  }
  return isSequence(chars, 1) || isSequence(chars, -1);
}

function isSequence(chars: string[], step: 1 | -1): boolean {
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1] as string;
    const cur = chars[i] as string;
    const isDigitStep = /\d/.test(prev) && /\d/.test(cur) && (Number(prev) + step + 10) % 10 === Number(cur);
    const isCodeStep = (cur.codePointAt(0) as number) - (prev.codePointAt(0) as number) === step;
    if (!isDigitStep && !isCodeStep) return false;
  }
  return true;
}

/**
 * Failed sign-ins tolerated before the first delay; after that each further failure waits longer:
 * 1 min, 5 min, 15 min, then 1 hour per failure. Capped at an hour so that an attacker cannot lock
 * a real user out for days; an administrator can clear the counter earlier.
 */
export const FREE_LOGIN_ATTEMPTS = 5;
const DELAY_STEPS_SECONDS = [60, 5 * 60, 15 * 60, 60 * 60] as const;

/**
 * Seconds an account must wait before the next sign-in attempt after `failures` consecutive
 * failures: 0 below 5 failures, then 60, 300, 900, and 3600 from the 8th failure on.
 */
export function lockoutDelay(failures: number): number {
  if (!Number.isFinite(failures) || failures < FREE_LOGIN_ATTEMPTS) return 0;
  const step = Math.min(Math.floor(failures) - FREE_LOGIN_ATTEMPTS, DELAY_STEPS_SECONDS.length - 1);
  return DELAY_STEPS_SECONDS[step] as number;
}

/** The instant until which sign-in is refused, or null when the account is not locked. */
export function lockedUntil(failures: number, lastFailureAt: Date): Date | null {
  const delay = lockoutDelay(failures);
  return delay === 0 ? null : new Date(lastFailureAt.getTime() + delay * 1000);
}

/** Whether a sign-in attempt at `now` must be refused because of earlier failures. */
export function isLockedOut(state: { failures: number; lastFailureAt: Date | null }, now: Date): boolean {
  if (state.lastFailureAt === null) return false;
  const until = lockedUntil(state.failures, state.lastFailureAt);
  return until !== null && now.getTime() < until.getTime();
}
