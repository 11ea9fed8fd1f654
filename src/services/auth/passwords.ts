/**
 * Password hashing (argon2id) and the loading of the common-password list the policy checks against.
 *
 * Parameters: argon2id v1.3, m = 19 MiB (19456 KiB), t = 2 passes, p = 1 lane, 16-byte random salt,
 * 32-byte tag — the OWASP Password Storage Cheat Sheet baseline for argon2id, about 20 ms per hash on
 * our servers, so a burst of sign-ins does not starve a small machine. Online guessing is stopped by
 * the lockout (password-policy.ts), not by the hash cost. The parameters travel inside the stored PHC
 * string (`$argon2id$v=19$m=19456,t=2,p=1$…`), so raising them later only needs `needsRehash` at the
 * next successful sign-in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hash, type Options, parseOptions, verify } from '@node-rs/argon2';
import { checkPassword, type PasswordIssue } from '../../domain/access/password-policy.js';

/** The argon2id parameters new hashes are made with. */
export const PASSWORD_HASH_OPTIONS = {
  // 2 = Algorithm.Argon2id; the package declares its enums `const`, which isolatedModules cannot inline.
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

/** Hashes a password with argon2id; the result is a self-describing PHC string. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Whether the password matches the stored hash. Pass `null` when the account does not exist: the
 * password is then checked against a dummy hash so that the answer takes as long as for a real
 * account and response times do not reveal which usernames exist. A malformed stored hash is a
 * mismatch, not a crash.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword('quanze-dummy-password-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with other parameters than today's and should be replaced. */
export function needsRehash(storedHash: string): boolean {
  try {
    const used = parseOptions(storedHash);
    return (
      used.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      used.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      used.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      used.parallelism !== PASSWORD_HASH_OPTIONS.parallelism ||
      used.outputLen !== PASSWORD_HASH_OPTIONS.outputLen
    );
  } catch {
    return true;
  }
}

/** Parses the common-password file: one password a line, `#` comments and blank lines ignored. */
export function parseCommonPasswords(text: string): Set<string> {
  const result = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trim();
    if (entry !== '' && !entry.startsWith('#')) result.add(entry.toLowerCase());
  }
  return result;
}

// From src/services/auth (tsx) or dist/server/services/auth (built), the bundled data/ sits three or
// four levels up; look in both rather than depend on the working directory.
const COMMON_PASSWORDS_CANDIDATES = ['../../../data/common-passwords.txt', '../../../../data/common-passwords.txt'];

let commonPasswords: Set<string> | undefined;

/**
 * The bundled list of common passwords (data/common-passwords.txt), read once.
 * @throws Error when the file is missing — an installation without it would accept weak passwords.
 */
export function loadCommonPasswords(): ReadonlySet<string> {
  if (commonPasswords !== undefined) return commonPasswords;
  for (const candidate of COMMON_PASSWORDS_CANDIDATES) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) {
      commonPasswords = parseCommonPasswords(readFileSync(path, 'utf8'));
      return commonPasswords;
    }
  }
  throw new Error('找不到常见密码表 data/common-passwords.txt，无法执行密码策略。');
}

/** The password-policy issues of a new password for an account, against the bundled list. */
export function checkNewPassword(password: string, username: string): PasswordIssue[] {
  return checkPassword(password, { username, commonPasswords: loadCommonPasswords() });
}
