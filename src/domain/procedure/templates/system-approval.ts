/**
 * 其他行政权力 — 涉密信息系统投入使用前的保密审查 (bundled item 7), requested by the operating body.
 * 受理 with a checklist: complete → accept; incomplete → ONE notice listing everything missing
 * (一次性告知) within 5 working days of receipt, else the day of receipt counts as the day of
 * acceptance (涉及国家秘密的信息系统审批管理规定 第十四条, as quoted by the list); review of the test and
 * evaluation report and the preliminary opinion, written and on-site; failing → written notice to
 * rectify and re-apply; the approval decision (taken by the regional bureau's approval group); the
 * 投入使用许可证.
 */
import { z } from 'zod';
import { closingStep } from '../closing-step.js';
import { fBasis, fChoice, fDate, fFlag, fInstant, fParagraph, fText } from '../facts.js';
import type { ProcedureTemplate } from '../types.js';

const OFFICER = ['officer'] as const;

export const SYSTEM_APPROVAL_TEMPLATE: ProcedureTemplate = {
  id: 'system-approval',
  title: '涉密信息系统投入使用审查',
  category: '其他行政权力',
  numberKind: '审',
  basis: '《中华人民共和国保守国家秘密法》（2024年修订）第二十三条；《涉及国家秘密的信息系统审批管理规定》第十四条',
  openingFacts: z.object({
    receivedAt: fInstant('收到申请材料时间'),
    systemName: fText('涉密信息系统名称（不含涉密内容）', { max: 200 }),
  }),
  startsOnOpen: [{ id: 'completeness-notice', ruleId: 'one-time-notice-5-working-days', fromFact: 'receivedAt' }],
  initialStep: 'acceptance',
  steps: [
    {
      id: 'acceptance',
      name: '受理',
      description: '对照材料清单核对申请材料：齐全的予以受理；不齐全的一次性告知需补正的全部内容',
      actions: [
        {
          id: 'accept',
          label: '受理',
          roles: OFFICER,
          facts: z.object({ acceptedOn: fDate('受理日期'), checklistComplete: fFlag('材料齐全、符合法定形式') }),
          to: 'review',
          stops: ['completeness-notice'],
          documents: [{ title: '受理通知书' }],
        },
        {
          id: 'request-correction',
          label: '一次性告知补正',
          roles: OFFICER,
          help: '一次列明需要补正的全部材料；同一申请第二次要求补正会被记录为监察发现。',
          facts: z.object({
            noticeAt: fInstant('告知时间'),
            missing: z
              .array(fText('需补正的材料', { max: 300 }))
              .min(1, '至少列明一项需补正的材料')
              .max(100)
              .meta({ title: '需补正的全部材料' }),
          }),
          to: 'same',
          rules: ['second-correction-request'],
          stops: ['completeness-notice'],
          documents: [{ title: '补正材料通知书' }],
        },
        {
          id: 'refuse',
          label: '不予受理',
          roles: OFFICER,
          isRefusal: true,
          facts: z.object({ refusedOn: fDate('决定日期'), reasons: fParagraph('不予受理的理由'), basisIndex: fBasis() }),
          to: 'closed',
          outcome: '不予受理',
          stops: ['completeness-notice'],
          documents: [{ title: '不予受理通知书' }],
        },
      ],
    },
    {
      id: 'review',
      name: '审查',
      aliases: ['审核'],
      description: '审核测评报告和初审意见，组织书面审查和现场审查',
      needsTwoOfficers: true,
      actions: [
        {
          id: 'pass-review',
          label: '审查合格，提请审批',
          roles: OFFICER,
          isOnSite: true,
          facts: z.object({
            evaluationInstitution: fText('测评机构（须经授权）', { max: 200 }),
            evaluationReportNo: fText('测评报告编号', { max: 100 }),
            preliminaryOpinion: fParagraph('初审意见'),
            writtenReview: fParagraph('书面审查情况'),
            onSiteReviewOn: fDate('现场审查日期'),
            certificatesShown: fFlag('已出示执法证件'),
          }),
          to: 'decision',
        },
        {
          id: 'fail-review',
          label: '审查不合格，书面通知整改后重新申请',
          roles: OFFICER,
          facts: z.object({ notifiedOn: fDate('通知日期'), problems: fParagraph('不符合要求的问题及整改要求') }),
          to: 'closed',
          outcome: '不合格，整改后重新申请',
          documents: [{ title: '整改通知书' }],
        },
      ],
    },
    {
      id: 'decision',
      name: '决定',
      description: '审批组作出是否通过的决定；不通过的书面通知申请人',
      actions: [
        {
          id: 'decide',
          label: '记录审批决定',
          roles: ['head'],
          isDecision: true,
          facts: z.object({
            decidedOn: fDate('决定日期'),
            decidedBy: fText('作出决定的审批组', { max: 200 }),
            outcome: fChoice('决定', ['通过', '不通过'] as const),
            basisIndex: fBasis(),
            reasons: fParagraph('理由'),
          }),
          to: 'service',
          documents: [{ title: '审批决定书' }],
        },
      ],
    },
    {
      id: 'service',
      name: '送达',
      description: '通过的颁发涉密信息系统投入使用许可证；不通过的送达书面决定',
      actions: [
        {
          id: 'issue-licence',
          label: '颁发投入使用许可证 / 送达决定',
          roles: OFFICER,
          facts: z.object({ servedAt: fInstant('送达时间'), licenceNo: fText('许可证编号（不通过时填“无”）', { max: 100 }) }),
          to: 'closing',
          documents: [{ title: '涉密信息系统投入使用许可证' }],
        },
      ],
    },
    closingStep({ kind: '办结' }),
  ],
};
