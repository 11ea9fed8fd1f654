/**
 * Builds the mermaid source of an item's responsibility steps (责任事项) as a flowchart: one node per
 * duty in order, the catch-all 其他 duty drawn apart with a dashed border. Labels are escaped so that
 * imported text can neither break the mermaid syntax nor inject markup.
 */
import type { TDuty } from '@contracts/power-list.js';

/** Flow direction: left-to-right on wide screens, top-down on narrow ones. */
export type FlowDirection = 'LR' | 'TD';

/** Longest label we draw; the full text is listed under the chart. */
const MAX_LABEL_CHARS = 14;

/**
 * Escapes a label for a quoted mermaid node label: every character that is not a letter, digit or
 * plain space becomes a numeric entity (`#60;`), which mermaid turns back into literal text.
 */
export function escapeMermaidLabel(label: string): string {
  return Array.from(label)
    .map((char) => (/^[\p{L}\p{N} ]$/u.test(char) ? char : `#${char.codePointAt(0) ?? 63};`))
    .join('');
}

/** True for the trailing catch-all duty (其他法律法规规章文件规定应履行的责任). */
export function isOtherDuty(duty: TDuty, index: number, duties: readonly TDuty[]): boolean {
  if (index !== duties.length - 1 || duties.length < 2) return false;
  const head = duty.name ?? duty.text;
  return head.trim().startsWith('其他');
}

/** The step's short name for tags and headings: 立案, or 其他 for an unnamed catch-all; else null. */
export function dutyShortName(duty: TDuty): string | null {
  if (duty.name) return duty.name;
  return duty.text.trim().startsWith('其他') ? '其他' : null;
}

/** The text shown in a flowchart node: the step name, else the start of the duty's text. */
export function dutyLabel(duty: TDuty): string {
  if (!duty.name && duty.text.trim().startsWith('其他')) return '其他法定责任';
  const base = (duty.name ?? duty.text).replace(/\s+/g, ' ').trim() || '（未命名）';
  const chars = Array.from(base);
  return chars.length > MAX_LABEL_CHARS ? `${chars.slice(0, MAX_LABEL_CHARS).join('')}…` : base;
}

/** The mermaid `flowchart` source for the duties; null when there is nothing to draw. */
export function buildDutyFlowchart(duties: readonly TDuty[], direction: FlowDirection = 'LR'): string | null {
  if (duties.length === 0) return null;
  const lines = [`flowchart ${direction}`];
  const chain: string[] = [];
  duties.forEach((duty, index) => {
    const id = `d${index}`;
    const number = duty.no ?? index + 1;
    const label = escapeMermaidLabel(`${number} ${dutyLabel(duty)}`);
    if (isOtherDuty(duty, index, duties)) {
      lines.push(`  ${id}["${label}"]:::other`);
    } else {
      lines.push(`  ${id}["${label}"]:::step`);
      chain.push(id);
    }
  });
  for (let i = 1; i < chain.length; i += 1) lines.push(`  ${chain[i - 1]} --> ${chain[i]}`);
  lines.push('  classDef step fill:#e6f4ff,stroke:#1677ff,color:#002c8c');
  lines.push('  classDef other fill:#fafafa,stroke:#8c8c8c,stroke-dasharray:5 4,color:#595959');
  return lines.join('\n');
}

/** What the flowchart needs of a procedure template (GET /api/v1/procedures/:itemNo). */
export interface ProcedureShape {
  initialStep: string;
  steps: readonly {
    id: string;
    name: string;
    standard: boolean;
    dutyNos: readonly (number | null)[];
    actions: readonly { label: string; to: string }[];
  }[];
  /** duties of the list that name no step: drawn apart, so nothing the list says is hidden */
  unmappedDuties?: readonly { no: number | null; name: string | null; text: string }[];
}

/**
 * The mermaid source of the procedure the cases run through: one node per step (numbered by the
 * list's duties; steps completed from the standard procedure dashed), an arrow per way on (labelled
 * where a step branches), and an end node. The public picture and the running engine are one thing.
 */
export function buildProcedureFlowchart(procedure: ProcedureShape, direction: FlowDirection = 'LR'): string | null {
  if (procedure.steps.length === 0) return null;
  const lines = [`flowchart ${direction}`];
  const index = new Map(procedure.steps.map((step, i) => [step.id, i]));
  procedure.steps.forEach((step, i) => {
    const numbers = step.dutyNos.filter((n): n is number => n !== null);
    const prefix = numbers.length ? `${numbers.join('、')} ` : '';
    const label = escapeMermaidLabel(`${prefix}${step.name}${step.standard && numbers.length === 0 ? '（标准程序）' : ''}`);
    lines.push(`  s${i}["${label}"]:::${step.standard && numbers.length === 0 ? 'standard' : 'step'}`);
  });
  lines.push(`  end_(["${escapeMermaidLabel('结束')}"]):::finish`);
  (procedure.unmappedDuties ?? []).forEach((duty, i) => {
    const text = (duty.name ?? duty.text).replace(/\s+/g, ' ').trim();
    const short = Array.from(text).length > MAX_LABEL_CHARS ? `${Array.from(text).slice(0, MAX_LABEL_CHARS).join('')}…` : text;
    lines.push(`  u${i}["${escapeMermaidLabel(`${duty.no ?? ''} ${short}（无对应环节）`.trim())}"]:::other`);
  });
  procedure.steps.forEach((step, i) => {
    const targets = new Map<string, string[]>();
    for (const action of step.actions) {
      if (action.to === 'same') continue;
      targets.set(action.to, [...(targets.get(action.to) ?? []), action.label]);
    }
    const branches = targets.size > 1;
    for (const [to, labels] of targets) {
      const target = to === 'closed' ? 'end_' : `s${index.get(to) ?? 0}`;
      const label = branches
        ? `|"${escapeMermaidLabel(
            Array.from(labels[0] ?? '')
              .slice(0, 10)
              .join(''),
          )}"|`
        : '';
      lines.push(`  s${i} -->${label} ${target}`);
    }
  });
  lines.push('  classDef step fill:#e6f4ff,stroke:#1677ff,color:#002c8c');
  lines.push('  classDef standard fill:#fafafa,stroke:#1677ff,stroke-dasharray:5 4,color:#002c8c');
  lines.push('  classDef finish fill:#f6ffed,stroke:#52c41a,color:#135200');
  lines.push('  classDef other fill:#fafafa,stroke:#8c8c8c,stroke-dasharray:5 4,color:#595959');
  return lines.join('\n');
}
