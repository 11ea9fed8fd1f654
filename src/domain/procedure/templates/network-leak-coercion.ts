/**
 * 行政强制 — 对利用互联网及其他公共信息网络发布涉及泄露国家秘密的信息的行政强制 (bundled item 2).
 * Based on 保守国家秘密法 (2024) §34 (network operators delete and keep records) and 行政强制法 §18.
 * The register records where the information is — platform, operator, locator, a summary — and
 * never the secret content itself.
 */
import { z } from 'zod';
import { closingStep } from '../closing-step.js';
import { fChoice, fDate, fFlag, fInstant, fParagraph, fText, SERVICE_METHODS } from '../facts.js';
import type { ProcedureTemplate } from '../types.js';

const OFFICER = ['officer'] as const;

export const NETWORK_LEAK_TEMPLATE: ProcedureTemplate = {
  id: 'network-leak-coercion',
  title: '网络泄密信息删除（行政强制）',
  category: '行政强制',
  numberKind: '强',
  basis: '《中华人民共和国保守国家秘密法》（2024年修订）第三十四条；《中华人民共和国行政强制法》第十八条',
  openingFacts: z.object({
    foundOn: fDate('发现日期'),
    source: fChoice('发现途径', ['网络巡查', '举报', '有关部门通报', '其他'] as const),
  }),
  initialStep: 'registration',
  steps: [
    {
      id: 'registration',
      name: '登记',
      description: '登记发现的信息：平台、运营者、位置、内容摘要（不得录入涉密内容本身）',
      standard: true,
      actions: [
        {
          id: 'register-finding',
          label: '登记发现情况',
          roles: OFFICER,
          help: '只记录信息所在位置和概要，不要复制或描述涉密内容本身。',
          facts: z.object({
            platform: fText('平台名称', { max: 200 }),
            operator: fText('运营者或服务商', { max: 200 }),
            locator: fText('信息位置（网址、账号、帖子编号等）', { max: 1000 }),
            summary: fParagraph('概要（不含涉密内容）'),
            contentWithheld: fFlag('确认未录入涉密内容'),
          }),
          to: 'notice',
        },
      ],
    },
    {
      id: 'notice',
      name: '通知',
      description: '书面通知运营者、服务商删除相关信息并保存有关记录',
      needsTwoOfficers: true,
      actions: [
        {
          id: 'notify-operator',
          label: '书面通知删除',
          roles: OFFICER,
          isCoercive: true,
          facts: z.object({
            servedAt: fInstant('通知送达时间'),
            method: fChoice('送达方式', SERVICE_METHODS),
            deleteBy: fDate('要求删除的期限'),
            keepRecords: fFlag('已要求保存有关记录'),
          }),
          to: 'supervision',
          starts: [{ id: 'deletion', ruleId: 'explicit-due-date', dueFact: 'deleteBy' }],
          documents: [{ title: '责令删除通知书' }],
        },
      ],
    },
    {
      id: 'supervision',
      name: '监督执行',
      description: '核实删除情况；拒不删除的，移交公安机关、国家安全机关或者信息产业主管部门依法处理',
      actions: [
        {
          id: 'confirm-deleted',
          label: '核实已删除',
          roles: OFFICER,
          facts: z.object({ verifiedAt: fInstant('核实时间'), how: fParagraph('核实方式和结果') }),
          to: 'closing',
          stops: ['deletion'],
        },
        {
          id: 'transfer',
          label: '拒不删除，移交有关机关',
          roles: OFFICER,
          facts: z.object({
            transferredTo: fChoice('移交机关', ['公安机关', '国家安全机关', '信息产业主管部门'] as const),
            transferredOn: fDate('移交日期'),
            reasons: fParagraph('移交理由（运营者拒不删除的情况）'),
          }),
          to: 'closing',
          outcome: '移交处理',
          stops: ['deletion'],
          documents: [{ title: '案件移交书' }],
        },
      ],
    },
    closingStep({ kind: '结案', summaryTitle: '结案报告要点' }),
  ],
};
