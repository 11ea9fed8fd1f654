/**
 * What counts as English on a zh-CN page, for the browser tests: rule ids and other kebab-case
 * machine names (`stale-citation`, `role.grant`), and runs of three or more English words. Product
 * and format names people see on screen (Excel, JSON, Google Authenticator …) are allowed.
 */

/** Names that may appear in Latin letters. */
const ALLOWED = [
  /Google Authenticator/g,
  /Microsoft\s+Authenticator/g,
  /FreeOTP/g,
  /otpauth:\/\/\S+/g,
  /https?:\/\/\S+/g,
  /quanze user [a-z-]+( --[a-z-]+)*( [^\s，。；）)]+)?/g,
  // file names as uploaded (liuzhou-secrecy-bureau.tsv)
  /[\w.-]+\.(?:tsv|xlsx|json|csv|txt)\b/g,
];

/** The English fragments of a page's text (empty when there are none). */
export function englishIn(text: string): string[] {
  let rest = text;
  for (const pattern of ALLOWED) rest = rest.replace(pattern, ' ');
  const found: string[] = [];
  // kebab-case rule ids (stale-citation, unresolved-same-as) and audit action ids (role.grant);
  // usernames such as wang.anquan are people's own names and stay
  for (const match of rest.matchAll(/\b[a-z]{2,}(?:-[a-z]{2,})+\b/g)) found.push(match[0]);
  const actionFamilies =
    'session|user|role|officer|audit|account|setup|access|powerlist|legal-registry|organisation|admin-invitation|cases?';
  for (const match of rest.matchAll(new RegExp(`\\b(?:${actionFamilies})\\.[a-z][a-z-]*\\b`, 'g'))) found.push(match[0]);
  // three or more English words in a row: a sentence
  for (const match of rest.matchAll(/\b[A-Za-z]{2,}(?:[\s,;:'’()-]+[A-Za-z]+){2,}\b/g)) found.push(match[0]);
  return found;
}
