/**
 * 行政检查 — 对保密工作的监督检查 (bundled item 4). Notice 1–2 working days ahead (same-day oral
 * notice in special circumstances, reason recorded: 保密检查工作规定 第十七条 as quoted by the list);
 * inspection by two officers from the catalogue of 保守国家秘密法实施条例 (2024); re-inspection of
 * bodies with serious hazards; supervision of the rectification. Findings may open hazard (item 3)
 * or leak (item 5) cases, linked both ways.
 */
import { z } from 'zod';
import { closingStep } from '../closing-step.js';
import { fChoice, fDate, fFlag, fInstant, fParagraph, fText, INSPECTION_CATALOGUE } from '../facts.js';
import type { ProcedureTemplate } from '../types.js';

const OFFICER = ['officer'] as const;

export const SECRECY_INSPECTION_TEMPLATE: ProcedureTemplate = {
  id: 'secrecy-inspection',
  title: '保密监督检查',
  category: '行政检查',
  numberKind: '检',
  basis: '《中华人民共和国保守国家秘密法》（2024年修订）第四十四条；《中华人民共和国保守国家秘密法实施条例》（2024年）',
  openingFacts: z.object({
    plannedOn: fDate('计划检查日期'),
    content: fParagraph('检查内容'),
  }),
  initialStep: 'notice',
  steps: [
    {
      id: 'notice',
      name: '告知',
      description: '提前 1 至 2 个工作日书面通知受检单位检查时间、内容和人员；特殊情况可当日口头通知并记录理由',
      actions: [
        {
          id: 'send-notice',
          label: '发出检查通知',
          roles: OFFICER,
          facts: z.object({
            noticeAt: fInstant('通知时间'),
            method: fChoice('通知方式', ['书面通知', '当日口头通知'] as const),
            inspectionOn: fDate('检查日期'),
            inspectors: fText('检查人员', { max: 300 }),
            oralReason: fParagraph('当日口头通知的特殊情况', 0).optional(),
          }),
          to: 'inspection',
          rules: ['inspection-advance-notice'],
          documents: [{ title: '保密检查通知书' }],
        },
      ],
    },
    {
      id: 'inspection',
      name: '检查',
      description: '听取汇报，按检查目录逐项检查，指出并纠正问题，反馈检查意见，材料立卷归档',
      needsTwoOfficers: true,
      actions: [
        {
          id: 'inspect',
          label: '完成检查并反馈意见',
          roles: OFFICER,
          isOnSite: true,
          facts: z.object({
            inspectedOn: fDate('检查日期'),
            certificatesShown: fFlag('已出示执法证件'),
            items: z
              .array(fChoice('检查项目', INSPECTION_CATALOGUE))
              .min(1, '至少选择一项检查项目')
              .meta({ title: '检查项目（检查目录）' }),
            findings: fParagraph('发现的问题'),
            opinion: fParagraph('检查意见'),
            rectificationRequired: fFlag('需要整改'),
            rectifyBy: fDate('整改期限').optional(),
            seriousHazard: fFlag('存在严重泄密隐患或发生泄密案件'),
          }),
          to: 'follow-up',
          starts: [{ id: 'rectification', ruleId: 'explicit-due-date', dueFact: 'rectifyBy' }],
          documents: [{ title: '保密检查意见书' }],
        },
        {
          id: 'inspect-no-issues',
          label: '完成检查（未发现问题）',
          roles: OFFICER,
          isOnSite: true,
          facts: z.object({
            inspectedOn: fDate('检查日期'),
            certificatesShown: fFlag('已出示执法证件'),
            items: z
              .array(fChoice('检查项目', INSPECTION_CATALOGUE))
              .min(1, '至少选择一项检查项目')
              .meta({ title: '检查项目（检查目录）' }),
            opinion: fParagraph('检查意见'),
          }),
          to: 'closing',
          documents: [{ title: '保密检查意见书' }],
        },
      ],
    },
    {
      id: 'follow-up',
      name: '督促整改',
      description: '对存在严重隐患或发生泄密案件的受检单位进行复查，检查整改落实情况',
      needsTwoOfficers: true,
      actions: [
        {
          id: 'reinspect',
          label: '复查',
          roles: OFFICER,
          isOnSite: true,
          facts: z.object({
            reinspectedOn: fDate('复查日期'),
            certificatesShown: fFlag('已出示执法证件'),
            result: fParagraph('复查情况'),
          }),
          to: 'oversight',
        },
      ],
    },
    {
      id: 'oversight',
      name: '监管',
      description: '对受检单位整改工作进行督促和指导',
      actions: [
        {
          id: 'confirm-rectified',
          label: '整改完成',
          roles: OFFICER,
          facts: z.object({ confirmedOn: fDate('确认日期'), result: fParagraph('整改落实情况') }),
          to: 'closing',
          stops: ['rectification'],
        },
        {
          id: 'rectification-failed',
          label: '整改未完成，再次复查',
          roles: OFFICER,
          facts: z.object({ checkedOn: fDate('督查日期'), result: fParagraph('未完成的整改事项'), rectifyBy: fDate('新的整改期限') }),
          to: 'follow-up',
          starts: [{ id: 'rectification', ruleId: 'explicit-due-date', dueFact: 'rectifyBy' }],
        },
      ],
    },
    closingStep({ kind: '结案', summaryTitle: '检查工作小结', description: '检查材料立卷归档' }),
  ],
};
