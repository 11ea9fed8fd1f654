/**
 * The 结案 step every procedure ends with (standard: the bundled list's duties rarely name it):
 * enforcement cases close with a report (结案报告) and archiving; requests (a confirmation, an
 * approval) are simply 办结 and archived.
 */
import { z } from 'zod';
import { fDate, fParagraph } from './facts.js';
import type { StepDef } from './types.js';

export interface ClosingStepOptions {
  /** the title of the closing summary; none for requests that are only archived */
  summaryTitle?: string;
  /** 立卷归档 wording of the step */
  description?: string;
  /** enforcement cases 结案, requests 办结 */
  kind: '结案' | '办结';
}

/** The closing step: an officer archives the case, with a summary for enforcement cases. */
export function closingStep({ summaryTitle, description, kind }: ClosingStepOptions): StepDef {
  return {
    id: 'closing',
    name: '结案',
    description: description ?? (kind === '结案' ? '办结案件，立卷归档' : '办结归档'),
    standard: true,
    actions: [
      {
        id: 'close',
        label: `${kind}归档`,
        roles: ['officer'],
        facts: summaryTitle
          ? z.object({ summary: fParagraph(summaryTitle), archivedOn: fDate('归档日期') })
          : z.object({ archivedOn: fDate('归档日期') }),
        to: 'closed',
        outcome: kind,
        ...(kind === '结案' && summaryTitle === '结案报告要点' ? { documents: [{ title: '结案报告' }] } : {}),
      },
    ],
  };
}
