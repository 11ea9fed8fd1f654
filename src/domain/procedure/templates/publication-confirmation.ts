/**
 * 行政确认 — 对政府拟公开信息的保密确定 (bundled item 6): another agency that cannot decide itself
 * asks whether the information it proposes to release may be published (政府信息公开条例 2019 §17).
 * The answer goes per information item, with reasons, by official document.
 */
import { z } from 'zod';
import { closingStep } from '../closing-step.js';
import { fBasis, fChoice, fDate, fInstant, fParagraph, fText } from '../facts.js';
import type { ProcedureTemplate } from '../types.js';

export const PUBLICATION_CONFIRMATION_TEMPLATE: ProcedureTemplate = {
  id: 'publication-confirmation',
  title: '拟公开信息保密审查确定',
  category: '行政确认',
  numberKind: '确',
  basis: '《中华人民共和国政府信息公开条例》（2019年修订）第十四条、第十七条',
  openingFacts: z.object({ receivedAt: fInstant('收件时间'), requestNo: fText('来文文号', { max: 100 }) }),
  initialStep: 'receipt',
  steps: [
    {
      id: 'receipt',
      name: '收件',
      description: '接收拟公开信息保密审查请求及信息清单并登记',
      standard: true,
      actions: [
        {
          id: 'register-request',
          label: '登记请求事项',
          roles: ['officer'],
          facts: z.object({
            informationItems: z
              .array(fText('信息名称', { max: 300 }))
              .min(1, '至少登记一条拟公开信息')
              .max(200)
              .meta({ title: '拟公开信息清单' }),
          }),
          to: 'review',
        },
      ],
    },
    {
      id: 'review',
      name: '审查',
      description: '逐项审查，作出可以公开、不得公开或部分公开的决定并说明理由',
      actions: [
        {
          id: 'decide-items',
          label: '作出审查决定',
          roles: ['head'],
          isDecision: true,
          facts: z.object({
            decidedOn: fDate('决定日期'),
            decisions: z
              .array(
                z.object({
                  item: fText('信息名称', { max: 300 }),
                  decision: fChoice('审查结论', ['可以公开', '不得公开', '部分公开'] as const),
                  reasons: fParagraph('理由', 2),
                }),
              )
              .min(1, '至少对一条信息作出决定')
              .meta({ title: '逐项审查结论' }),
            basisIndex: fBasis(),
          }),
          to: 'service',
          documents: [{ title: '保密审查意见函' }],
        },
      ],
    },
    {
      id: 'service',
      name: '送达',
      description: '以公文形式答复申请机关',
      actions: [
        {
          id: 'answer',
          label: '发文答复',
          roles: ['officer'],
          facts: z.object({ sentAt: fInstant('发文时间'), documentNo: fText('发文文号', { max: 100 }) }),
          to: 'closing',
        },
      ],
    },
    closingStep({ kind: '办结' }),
  ],
};
