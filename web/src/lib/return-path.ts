/**
 * The page to come back to after signing in (`/login?next=/admin/users`). Only paths of this site
 * are accepted, so a crafted link cannot send a person who just signed in to another site.
 */

/** Pages that make no sense to return to after signing in. */
const NOT_A_RETURN_TARGET = ['/login', '/setup'];

function isControlCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** `next` when it is a path of this site (not `//host`, not `/\host`, no scheme); otherwise `fallback`. */
export function safeReturnPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // Control characters (a tab or newline inside "/\t/evil.example") are refused outright.
  if ([...next].some(isControlCharacter)) return fallback;
  const pathname = next.split(/[?#]/, 1)[0] ?? '';
  if (NOT_A_RETURN_TARGET.some((page) => pathname === page || pathname.startsWith(`${page}/`))) return fallback;
  return next;
}

/** The sign-in page that returns to `returnTo` (a path with its query) afterwards. */
export function loginPath(returnTo: string | null | undefined): string {
  const next = safeReturnPath(returnTo, '');
  return next === '' || next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
