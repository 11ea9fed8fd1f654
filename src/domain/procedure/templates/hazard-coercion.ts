/**
 * 行政强制 — 对保密检查中发现的泄密隐患的行政强制 (bundled item 3), usually raised from an
 * inspection (item 4). 保守国家秘密法 (2024) §44, 行政强制法 §18 (general procedure of measures) and §43
 * (no execution at night or on statutory holidays except in emergencies).
 */
import { z } from 'zod';
import { closingStep } from '../closing-step.js';
import { fBasis, fChoice, fDate, fFlag, fInstant, fParagraph, fText, SERVICE_METHODS } from '../facts.js';
import type { ProcedureTemplate } from '../types.js';

const OFFICER = ['officer'] as const;

export const HAZARD_COERCION_TEMPLATE: ProcedureTemplate = {
  id: 'hazard-coercion',
  title: '泄密隐患行政强制',
  category: '行政强制',
  numberKind: '强',
  basis: '《中华人民共和国保守国家秘密法》（2024年修订）第四十四条；《中华人民共和国行政强制法》第十八条、第四十三条',
  openingFacts: z.object({ foundOn: fDate('发现日期'), unit: fText('存在隐患的机关、单位', { max: 200 }) }),
  initialStep: 'inspection',
  steps: [
    {
      id: 'inspection',
      name: '检查',
      description: '记录检查中发现的泄密隐患（设施、设备、场所或人员）',
      needsTwoOfficers: true,
      actions: [
        {
          id: 'record-hazard',
          label: '记录泄密隐患',
          roles: OFFICER,
          isOnSite: true,
          facts: z.object({
            hazardType: fChoice('隐患类型', ['设施', '设备', '场所', '人员', '其他'] as const),
            description: fParagraph('隐患情况（不含涉密内容）'),
            inspectedOn: fDate('检查日期'),
            certificatesShown: fFlag('已出示执法证件'),
          }),
          to: 'notice',
          documents: [{ title: '现场检查笔录' }],
        },
      ],
    },
    {
      id: 'notice',
      name: '告知',
      description: '告知被检查单位隐患情况、拟采取的强制措施及理由和依据、依法享有的权利和救济途径',
      actions: [
        {
          id: 'notify-unit',
          label: '告知拟采取的强制措施',
          roles: OFFICER,
          facts: z.object({
            servedAt: fInstant('告知时间'),
            method: fChoice('告知方式', SERVICE_METHODS),
            measure: fChoice('拟采取的措施', [
              '限期整改',
              '责令停止使用',
              '建议处分并调离涉密岗位',
              '督促调查泄密',
              '移送司法机关',
            ] as const),
            reasons: fParagraph('理由'),
            basisIndex: fBasis(),
            rightsStated: fFlag('已告知陈述、申辩权利和救济途径'),
          }),
          to: 'execution',
          documents: [{ title: '行政强制措施告知书' }],
        },
      ],
    },
    {
      id: 'execution',
      name: '执行',
      description: '根据隐患情况采取相应的行政强制措施',
      needsTwoOfficers: true,
      actions: [
        {
          id: 'apply-measure',
          label: '实施强制措施',
          roles: OFFICER,
          isCoercive: true,
          isOnSite: true,
          isDecision: true,
          facts: z.object({
            executedAt: fInstant('实施时间'),
            measure: fChoice('措施', ['限期整改', '责令停止使用', '建议处分并调离涉密岗位', '督促调查泄密', '移送司法机关'] as const),
            basisIndex: fBasis(),
            rectifyBy: fDate('整改期限（限期整改时）').optional(),
            certificatesShown: fFlag('已出示执法证件'),
            urgencyReason: fParagraph('夜间或法定节假日实施的紧急理由', 0).optional(),
          }),
          to: 'supervision',
          starts: [{ id: 'rectification', ruleId: 'explicit-due-date', dueFact: 'rectifyBy' }],
          documents: [{ title: '行政强制措施决定书' }, { title: '现场笔录' }],
        },
      ],
    },
    {
      id: 'supervision',
      name: '监督',
      description: '对整改和措施执行情况进行监督检查，整改到位后解除措施',
      actions: [
        {
          id: 'verify-rectified',
          label: '整改到位，解除措施',
          roles: OFFICER,
          facts: z.object({ verifiedOn: fDate('复查日期'), result: fParagraph('复查情况') }),
          to: 'closing',
          stops: ['rectification'],
        },
        {
          id: 'rectification-failed',
          label: '整改不到位，重新采取措施',
          roles: OFFICER,
          facts: z.object({ verifiedOn: fDate('复查日期'), result: fParagraph('复查发现的问题') }),
          to: 'execution',
          stops: ['rectification'],
        },
      ],
    },
    closingStep({ kind: '结案', summaryTitle: '结案报告要点' }),
  ],
};
