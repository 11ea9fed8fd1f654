/**
 * 行政检查 — 对泄密案件的调查处理 (bundled item 5). 保守国家秘密法实施条例 (2024) §58–§61: record the
 * lead and its source, investigate (or organise and supervise the body's own investigation), send a
 * handling recommendation where a violation is established, and track the body's written report of
 * how it handled the responsible persons.
 */
import { z } from 'zod';
import { closingStep } from '../closing-step.js';
import { fBasis, fChoice, fDate, fFlag, fInstant, fParagraph, fText } from '../facts.js';
import type { ProcedureTemplate } from '../types.js';

const OFFICER = ['officer'] as const;

export const LEAK_INVESTIGATION_TEMPLATE: ProcedureTemplate = {
  id: 'leak-investigation',
  title: '泄密案件调查处理',
  category: '行政检查',
  numberKind: '查',
  basis: '《中华人民共和国保守国家秘密法实施条例》（2024年）第五十八条至第六十一条',
  openingFacts: z.object({
    receivedAt: fInstant('线索接收时间'),
    source: fChoice('线索来源', ['群众举报', '机关单位报告', '保密检查发现', '其他部门移送'] as const),
    unit: fText('案发机关、单位', { max: 200 }),
  }),
  initialStep: 'lead',
  steps: [
    {
      id: 'lead',
      name: '线索登记',
      description: '登记案件线索及其来源',
      standard: true,
      actions: [
        {
          id: 'register-lead',
          label: '登记线索',
          roles: OFFICER,
          facts: z.object({ summary: fParagraph('线索概要（不含涉密内容）') }),
          to: 'investigation',
        },
      ],
    },
    {
      id: 'investigation',
      name: '调查',
      aliases: ['调查取证'],
      description: '组织调查，或组织、督促有关机关单位调查',
      needsTwoOfficers: true,
      actions: [
        {
          id: 'investigate',
          label: '完成调查',
          roles: OFFICER,
          isOnSite: true,
          facts: z.object({
            mode: fChoice('调查方式', ['直接调查', '组织、督促案发单位调查'] as const),
            concludedOn: fDate('调查终结日期'),
            certificatesShown: fFlag('已出示执法证件'),
            findings: fParagraph('调查查明的事实'),
            violationEstablished: fFlag('存在违反保密法律法规的事实'),
          }),
          to: 'handling',
          documents: [{ title: '调查报告' }],
        },
        {
          id: 'no-violation',
          label: '未查实违法事实，结案',
          roles: OFFICER,
          facts: z.object({ concludedOn: fDate('调查终结日期'), reasons: fParagraph('理由') }),
          to: 'closing',
          outcome: '未查实',
        },
      ],
    },
    {
      id: 'handling',
      name: '处理',
      description: '对需要追究责任的，向案发单位提出处理建议',
      actions: [
        {
          id: 'send-recommendation',
          label: '发出处理建议',
          roles: OFFICER,
          isDecision: true,
          facts: z.object({
            sentAt: fInstant('发出时间'),
            recommendation: fParagraph('处理建议'),
            basisIndex: fBasis(),
            replyBy: fDate('要求书面报告处理结果的期限'),
          }),
          to: 'supervision',
          starts: [{ id: 'unit-reply', ruleId: 'explicit-due-date', dueFact: 'replyBy' }],
          documents: [{ title: '处理建议书' }],
        },
      ],
    },
    {
      id: 'supervision',
      name: '监督',
      description: '督促案发单位依法处理有关责任人员并书面报告处理结果',
      actions: [
        {
          id: 'record-unit-reply',
          label: '收到单位书面报告',
          roles: OFFICER,
          facts: z.object({
            receivedOn: fDate('收到日期'),
            inWriting: fFlag('为书面报告'),
            handling: fParagraph('对责任人员的处理情况'),
          }),
          to: 'closing',
          stops: ['unit-reply'],
        },
      ],
    },
    closingStep({ kind: '结案', summaryTitle: '结案报告要点' }),
  ],
};
