/**
 * Time-based one-time passwords (TOTP, RFC 6238) as the second factor: mandatory for the three
 * separated administrators (三员), optional for everyone else. Codes are the authenticator-app
 * defaults (SHA-1, 6 digits, 30-second steps) so that any common app works; a code is accepted one
 * step either side of now (±30 s) to absorb clock drift, and a code already used is refused when the
 * caller passes the last accepted time step (replay protection).
 */
import { generateSecret, generateURI, verify } from 'otplib';

/** The issuer name shown in authenticator apps. */
export const TOTP_ISSUER = 'Quanze';
/** Seconds per TOTP step. */
export const TOTP_PERIOD_SECONDS = 30;

/** A new random TOTP secret: 20 bytes (160 bits, RFC 4226's recommendation), Base32. */
export function createTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI to show as a QR code when an account enrols its authenticator app. */
export function totpUri(options: { secret: string; accountName: string }): string {
  return generateURI({ issuer: TOTP_ISSUER, label: options.accountName, secret: options.secret, period: TOTP_PERIOD_SECONDS });
}

export interface VerifyTotpOptions {
  /** the account's Base32 secret */
  secret: string;
  /** the code the person typed; spaces are ignored */
  token: string;
  /** the clock, passed in so tests can fix it */
  now: Date;
  /** the time step of the last code this account used; that step and earlier ones are refused */
  lastUsedTimeStep?: number | null;
}

/** The outcome of checking a code; keep `timeStep` as the account's last used step. */
export type VerifyTotpResult = { valid: true; timeStep: number } | { valid: false };

/** Checks a TOTP code at `now`, accepting the previous, current and next 30-second step. */
export async function verifyTotp(options: VerifyTotpOptions): Promise<VerifyTotpResult> {
  const token = options.token.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return { valid: false };
  const result = await verify({
    secret: options.secret,
    token,
    epoch: Math.floor(options.now.getTime() / 1000),
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(options.lastUsedTimeStep != null ? { afterTimeStep: options.lastUsedTimeStep } : {}),
  });
  // The functional API types its result as TOTP-or-HOTP; with the TOTP strategy it carries timeStep.
  if (!result.valid || !('timeStep' in result)) return { valid: false };
  return { valid: true, timeStep: result.timeStep };
}
