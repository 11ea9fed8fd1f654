/**
 * The organisation tree as choices in a form: parents before children, each with its depth so the
 * list reads as a tree (广西 → 柳州 → 柳江).
 */
import type { TOrganisation } from '@contracts/organisations.js';

/** One organisation with its depth below the root (0 for the root). */
export interface OrgChoice {
  code: string;
  name: string;
  depth: number;
}

/** The organisations in tree order (depth-first, children in the server's order) with depths. */
export function orgChoices(organisations: readonly TOrganisation[]): OrgChoice[] {
  const children = new Map<string | null, TOrganisation[]>();
  const codes = new Set(organisations.map((org) => org.code));
  for (const org of organisations) {
    // A parent outside the list (not in reach) makes the organisation a root of what is shown.
    const parent = org.parentCode !== null && codes.has(org.parentCode) ? org.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), org]);
  }
  const out: OrgChoice[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const org of children.get(parent) ?? []) {
      out.push({ code: org.code, name: org.name, depth });
      visit(org.code, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
