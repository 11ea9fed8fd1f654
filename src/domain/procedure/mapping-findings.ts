/**
 * The list's findings about how its items fit the procedures the cases run through: a duty that
 * names no step of the item's template, or a step (not a standard one the law completes) that no
 * duty names. Standard steps the list leaves out are no finding: the procedure page shows them.
 */
import type { TFinding, TPowerItem } from '../../contracts/power-list.js';
import { mapDutiesToSteps } from './map-duties.js';
import { bindTemplate } from './templates.js';

/** The mapping findings of every item that binds to a template, in item order. */
export function procedureMappingFindings(items: readonly TPowerItem[]): TFinding[] {
  const findings: TFinding[] = [];
  for (const item of items) {
    const template = bindTemplate(item);
    if (!template) continue;
    const mapping = mapDutiesToSteps(item, template);
    for (const finding of mapping.findings) {
      if (finding.severity !== 'warning') continue;
      const duty = finding.rule === 'duty-without-step';
      findings.push({
        rule: finding.rule,
        severity: 'warning',
        item: item.no,
        field: 'duties',
        entry: null,
        message: finding.message,
        messageEn: duty
          ? `a duty names no step of the procedure "${template.id}"`
          : `a step of the procedure "${template.id}" is named by no duty`,
      });
    }
  }
  return findings;
}
