/**
 * 行政处罚 — e.g. 对非法获取、持有国家秘密载体的处罚 (bundled item 1). Skeleton from 行政处罚法 (2021)
 * §54–§65 (ordinary procedure) and 保守国家秘密法实施条例 §62 (收缴 register and inventory). The
 * bundled list's text stops after 审理 (the cell is cut); 告知, 听证, 决定, 送达, 执行 and 结案 are the
 * standard steps of the ordinary procedure.
 */
import { z } from 'zod';
import { closingStep } from '../closing-step.js';
import { fBasis, fChoice, fDate, fFlag, fInstant, fParagraph, fText, SERVICE_METHODS, ZCarrier } from '../facts.js';
import type { ProcedureTemplate } from '../types.js';

const OFFICER = ['officer'] as const;

export const PENALTY_TEMPLATE: ProcedureTemplate = {
  id: 'penalty',
  title: '行政处罚（普通程序）',
  category: '行政处罚',
  numberKind: '罚',
  basis: '《中华人民共和国行政处罚法》（2021年修订）第五十四条至第六十五条',
  openingFacts: z.object({
    source: fChoice('案件来源', ['举报', '监督检查发现', '其他部门移送', '其他'] as const),
    summary: fParagraph('涉嫌违法行为概述'),
    discoveredOn: fDate('发现日期'),
  }),
  initialStep: 'filing',
  steps: [
    {
      id: 'filing',
      name: '立案',
      description: '对发现的涉嫌违法行为予以审查，决定是否立案',
      actions: [
        {
          id: 'file',
          label: '决定立案',
          roles: OFFICER,
          facts: z.object({ filedOn: fDate('立案日期'), approvedBy: fText('立案审批负责人', { max: 50 }) }),
          to: 'investigation',
          starts: [{ id: 'decision', ruleId: 'penalty-decision-90-days', fromFact: 'filedOn' }],
          documents: [{ title: '立案审批表' }],
        },
        {
          id: 'not-file',
          label: '决定不予立案',
          roles: OFFICER,
          facts: z.object({ reasons: fParagraph('不予立案的理由'), basisIndex: fBasis() }),
          to: 'closed',
          outcome: '不予立案',
          isRefusal: true,
          documents: [{ title: '不予立案审批表' }],
        },
      ],
    },
    {
      id: 'investigation',
      name: '调查取证',
      aliases: ['调查'],
      description: '指定专人负责，两名以上执法人员出示执法证件调查取证、制作笔录；有利害关系的回避',
      needsTwoOfficers: true,
      actions: [
        {
          id: 'record-investigation',
          label: '完成调查取证',
          roles: OFFICER,
          facts: z.object({
            investigatedOn: fDate('调查日期'),
            certificatesShown: fFlag('已向当事人出示执法证件'),
            records: fParagraph('笔录及证据概要（询问笔录、检查笔录、证据清单）'),
            partyStatement: fParagraph('当事人陈述和申辩要点', 0).optional(),
          }),
          to: 'registration',
          isOnSite: true,
          documents: [{ title: '询问笔录' }, { title: '现场检查笔录' }],
        },
      ],
    },
    {
      id: 'registration',
      name: '登记',
      aliases: ['收缴登记', '登记保存'],
      description: '对收缴的国家秘密载体登记并出具清单，查明密级、数量、来源、扩散范围，采取保护措施',
      standard: true,
      actions: [
        {
          id: 'register-carriers',
          label: '登记收缴载体并出具清单',
          roles: OFFICER,
          help: '只登记载体的名称、密级、数量、来源和扩散范围，不录入任何涉密内容。',
          facts: z.object({
            carriers: z.array(ZCarrier).min(1, '至少登记一件载体').max(500).meta({ title: '收缴的载体' }),
            inventoryIssuedOn: fDate('出具清单日期'),
          }),
          to: 'review',
          documents: [{ title: '收缴国家秘密载体清单' }],
        },
      ],
    },
    {
      id: 'review',
      name: '审理',
      aliases: ['法制审核', '审核'],
      description: '审理调查报告：违法事实、证据、程序、法律适用、处罚种类和幅度、当事人陈述申辩（调查人员以外的人员）',
      actions: [
        {
          id: 'review',
          label: '提出审理意见',
          roles: ['legal-reviewer'],
          isReview: true,
          facts: z.object({
            reviewedOn: fDate('审理日期'),
            proposal: fChoice('审理意见', ['拟给予行政处罚', '违法行为轻微不予处罚', '违法事实不能成立', '涉嫌犯罪移送司法机关'] as const),
            opinion: fParagraph('审理意见（事实、证据、程序、法律适用、处罚种类和幅度）'),
          }),
          to: 'notice',
          documents: [{ title: '案件审理报告' }],
        },
        {
          id: 'transfer',
          label: '移送司法机关',
          roles: ['legal-reviewer', 'head'],
          isReview: true,
          facts: z.object({ transferredTo: fText('移送机关'), transferredOn: fDate('移送日期'), reasons: fParagraph('移送理由') }),
          to: 'closed',
          outcome: '移送司法机关',
          stops: ['decision'],
          documents: [{ title: '涉嫌犯罪案件移送书' }],
        },
      ],
    },
    {
      id: 'notice',
      name: '告知',
      description: '告知当事人拟作出的处罚内容及事实、理由、依据，以及陈述、申辩、要求听证的权利',
      standard: true,
      actions: [
        {
          id: 'notify-party',
          label: '送达事先告知书',
          roles: OFFICER,
          facts: z.object({
            servedAt: fInstant('送达时间'),
            method: fChoice('送达方式', SERVICE_METHODS),
            proposedPenalty: fParagraph('拟作出的处罚内容', 2),
            rightsStated: fFlag('已告知陈述、申辩和要求听证的权利'),
          }),
          to: 'same',
          starts: [{ id: 'statement-window', ruleId: 'statement-and-hearing-request-5-working-days', fromFact: 'servedAt' }],
          documents: [{ title: '行政处罚事先告知书' }, { title: '送达回证' }],
        },
        {
          id: 'record-statement',
          label: '记录陈述申辩及复核意见',
          roles: OFFICER,
          facts: z.object({ statement: fParagraph('当事人陈述、申辩'), recheck: fParagraph('复核意见') }),
          to: 'same',
          documents: [{ title: '陈述申辩笔录' }],
        },
        {
          id: 'request-hearing',
          label: '当事人要求听证',
          roles: OFFICER,
          facts: z.object({ requestedOn: fDate('提出听证要求日期') }),
          to: 'hearing',
          stops: ['statement-window'],
        },
        {
          id: 'proceed-to-decision',
          label: '提请负责人决定',
          roles: OFFICER,
          help: '告知后须等陈述申辩和听证申请期限（5 个工作日）届满，当事人明确放弃的除外。',
          facts: z.object({ partyWaived: fFlag('当事人已明确放弃陈述、申辩和听证') }),
          to: 'decision',
          rules: ['decision-after-notice'],
          stops: ['statement-window'],
        },
      ],
    },
    {
      id: 'hearing',
      name: '听证',
      description: '依当事人申请组织听证：提前七日通知时间、地点，制作听证笔录',
      standard: true,
      actions: [
        {
          id: 'hold-hearing',
          label: '举行听证',
          roles: OFFICER,
          facts: z.object({
            noticeServedOn: fDate('听证通知送达日期'),
            heldOn: fDate('听证日期'),
            host: fText('听证主持人（非本案调查人员）', { max: 50 }),
            record: fParagraph('听证笔录要点'),
          }),
          to: 'decision',
          rules: ['hearing-notice-period'],
          documents: [{ title: '听证通知书' }, { title: '听证笔录' }],
        },
      ],
    },
    {
      id: 'decision',
      name: '决定',
      description: '负责人根据审理意见、陈述申辩和听证情况作出决定',
      standard: true,
      actions: [
        {
          id: 'decide',
          label: '作出处罚决定',
          roles: ['head'],
          isDecision: true,
          facts: z.object({
            decidedOn: fDate('决定日期'),
            outcome: fChoice('决定', ['给予行政处罚', '不予行政处罚'] as const),
            penalty: fParagraph('处罚种类和内容（如：警告、没收、收缴载体）', 0).optional(),
            basisIndex: fBasis(),
            reasons: fParagraph('事实和理由'),
          }),
          to: 'service',
          rules: ['decision-after-notice'],
          stops: ['decision'],
          starts: [{ id: 'service', ruleId: 'service-7-working-days', fromFact: 'decidedOn' }],
          documents: [{ title: '行政处罚决定书' }],
        },
      ],
    },
    {
      id: 'service',
      name: '送达',
      description: '将决定书当场交付或七日内依照民事诉讼法送达当事人',
      standard: true,
      actions: [
        {
          id: 'serve-decision',
          label: '送达决定书',
          roles: OFFICER,
          facts: z.object({ servedAt: fInstant('送达时间'), method: fChoice('送达方式', SERVICE_METHODS) }),
          to: 'execution',
          stops: ['service'],
          documents: [{ title: '送达回证' }],
        },
      ],
    },
    {
      id: 'execution',
      name: '执行',
      description: '执行处罚决定（收缴载体依规处置）',
      standard: true,
      actions: [
        {
          id: 'record-execution',
          label: '记录执行情况',
          roles: OFFICER,
          facts: z.object({ executedAt: fInstant('执行时间'), how: fParagraph('执行情况') }),
          to: 'closing',
        },
      ],
    },
    closingStep({ kind: '结案', summaryTitle: '结案报告要点' }),
  ],
};
