/**
 * Case numbers (案件编号) in the form official documents use: 柳保罚〔2026〕12号 — the organisation's
 * prefix, the kind of case, the year in 六角括号 and a sequence that is gapless per organisation, kind
 * and year (the store allocates it in the transaction that creates the case).
 */

/** Formats a case number. */
export function formatCaseNumber(prefix: string, kind: string, year: number, sequence: number): string {
  return `${prefix}${kind}〔${year}〕${sequence}号`;
}

const NUMBER_RE = /^(.+?)〔(\d{4})〕(\d+)号$/;

/** Parses a case number back into its parts, or null. */
export function parseCaseNumber(value: string): { prefixAndKind: string; year: number; sequence: number } | null {
  const match = NUMBER_RE.exec(value.trim());
  if (!match) return null;
  return { prefixAndKind: match[1] as string, year: Number(match[2]), sequence: Number(match[3]) };
}
