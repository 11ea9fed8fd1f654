/**
 * Helpers for binding an authenticator app: the Base32 secret in groups of four for typing, and
 * what the otpauth:// URI says (issuer and account) so the page can tell people what to expect.
 */

/** `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP` (spaces and padding dropped, upper-case). */
export function groupSecret(secret: string, size = 4): string {
  const clean = secret.replace(/[\s=]+/g, '').toUpperCase();
  const groups: string[] = [];
  for (let index = 0; index < clean.length; index += size) groups.push(clean.slice(index, index + size));
  return groups.join(' ');
}

/** What an otpauth URI names; null when it is not one. */
export interface OtpauthInfo {
  issuer: string | null;
  account: string;
}

/** Reads `otpauth://totp/Issuer:account?secret=…&issuer=Issuer`. */
export function parseOtpauthUri(uri: string): OtpauthInfo | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'otpauth:') return null;
  // In otpauth://totp/Label the "host" is the type and the path is the label.
  const label = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
  const colon = label.indexOf(':');
  const labelIssuer = colon >= 0 ? label.slice(0, colon) : null;
  const account = colon >= 0 ? label.slice(colon + 1) : label;
  return { issuer: url.searchParams.get('issuer') ?? labelIssuer, account: account.trim() };
}

/** A code as typed (spaces, full-width digits) reduced to its digits: `１２3 456` → `123456`. */
export function normaliseTotpInput(value: string): string {
  return value
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48))
    .replace(/\D+/g, '')
    .slice(0, 6);
}
