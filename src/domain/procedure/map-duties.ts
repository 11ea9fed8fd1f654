/**
 * How a list item's duties (责任事项) map onto its template's steps, by name. A duty that maps to no
 * step, or a step no duty names, is a finding about the list; the item page's flowchart is drawn from
 * the template with this mapping, so the public picture and the running engine are one thing.
 */
import type { TDuty, TPowerItem } from '../../contracts/power-list.js';
import { knownStepOf } from '../powerlist/step-names.js';
import type { ProcedureTemplate, StepDef } from './types.js';

export interface StepMapping {
  step: StepDef;
  /** the list's duties that name this step (their numbers) */
  duties: TDuty[];
  /** the step is in the template but no duty of the list names it */
  missingFromList: boolean;
}

export interface DutyMapping {
  template: ProcedureTemplate;
  steps: StepMapping[];
  /** duties naming no step of the template (the catch-all 其他 duty excluded) */
  unmappedDuties: TDuty[];
  findings: { rule: 'duty-without-step' | 'step-without-duty'; severity: 'warning' | 'info'; message: string }[];
}

function stripSuffix(name: string): string {
  return name.replace(/(阶段)?(责任)?$/, '').trim();
}

/** Whether a duty is the catch-all "other duties set by law" entry. */
function isCatchAll(duty: TDuty): boolean {
  return duty.name === '其他' || (duty.name === null && /^其他/.test(duty.text.trim()));
}

function stepMatches(step: StepDef, dutyName: string): boolean {
  const name = stripSuffix(dutyName);
  // the list's own spellings (接受 → 受理, 核查 → 调查 …) first through the shared alias table
  const known = knownStepOf(name)?.name ?? name;
  return [name, known].some((n) => step.name === n || (step.aliases ?? []).includes(n));
}

/** Maps the item's duties onto the template's steps. */
export function mapDutiesToSteps(item: Pick<TPowerItem, 'duties'>, template: ProcedureTemplate): DutyMapping {
  const steps: StepMapping[] = template.steps.map((step) => ({ step, duties: [], missingFromList: false }));
  const unmappedDuties: TDuty[] = [];
  for (const duty of item.duties) {
    if (isCatchAll(duty)) continue;
    const target = duty.name === null ? undefined : steps.find((s) => stepMatches(s.step, duty.name as string));
    if (target) target.duties.push(duty);
    else unmappedDuties.push(duty);
  }
  const findings: DutyMapping['findings'] = [];
  for (const duty of unmappedDuties) {
    const label = duty.name ? `“${duty.name}”` : `第 ${duty.no ?? '?'} 项（未写明环节名称）`;
    findings.push({
      rule: 'duty-without-step',
      severity: 'warning',
      message: `责任事项${label}对应不到“${template.title}”程序的任何环节。`,
    });
  }
  for (const mapping of steps) {
    if (mapping.duties.length > 0) continue;
    mapping.missingFromList = true;
    findings.push(
      mapping.step.standard
        ? { rule: 'step-without-duty', severity: 'info', message: `清单未列“${mapping.step.name}”环节，按标准程序补全。` }
        : { rule: 'step-without-duty', severity: 'warning', message: `程序的“${mapping.step.name}”环节在清单的责任事项中没有对应条目。` },
    );
  }
  return { template, steps, unmappedDuties, findings };
}
