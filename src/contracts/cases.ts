/**
 * Wire shapes of cases and procedures (/api/v1/cases, /api/v1/procedures), shared by the server and
 * web/. Services present the domain's case state (src/domain/cases) as these; the web app renders
 * a step's form from the JSON Schema of its facts.
 */
import { z } from 'zod';
import { ZCitationNotice } from './legal-sources.js';
import { ZResidentIdNumber, ZUnifiedSocialCreditCode } from './party-ids.js';

const ZName = z.string().trim().min(1, '请填写名称').max(200, '名称不能超过 200 个字');

/** A party (当事人) as submitted: a body with its 统一社会信用代码 or a person with a 居民身份证号. */
export const ZPartyInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('organisation'), name: ZName, creditCode: ZUnifiedSocialCreditCode }),
    z.object({ kind: z.literal('person'), name: ZName, idNumber: ZResidentIdNumber }),
  ],
  { error: '当事人类型应为 organisation（单位）或 person（个人）' },
);
export type TPartyInput = z.infer<typeof ZPartyInput>;

/** A party as the case shows it. The public never sees parties; staff see them in full. */
export const ZParty = ZPartyInput;
export type TParty = z.infer<typeof ZParty>;

/** POST /api/v1/cases */
export const ZOpenCaseRequest = z.object({
  /** the item of the organisation's current list */
  itemNo: z.number().int().positive(),
  /** the organisation; default: the installation's own */
  org: z.string().trim().max(50).optional(),
  parties: z.array(ZPartyInput).max(50, '当事人最多 50 个').default([]),
  /** the template's opening facts (GET /api/v1/procedures/:itemNo → openingFacts schema) */
  facts: z.record(z.string(), z.unknown()).default({}),
  /** officers (officer ids) assigned at once; more can be assigned later */
  officerIds: z.array(z.string().max(100)).max(20).default([]),
  /** the case this one is opened from (an inspection's finding opens a hazard or leak case): linked both ways */
  openedFrom: z.uuid({ error: '来源案件编号格式不正确' }).optional(),
});
export type TOpenCaseRequest = z.input<typeof ZOpenCaseRequest>;

/** POST /api/v1/cases/:id/transitions */
export const ZTransitionRequest = z.object({
  action: z.string().trim().min(1, '请选择要办理的事项').max(100),
  /** the case version the caller saw; a different current version is a 409 (stale-version) */
  expectedVersion: z.number().int().positive(),
  facts: z.record(z.string(), z.unknown()).default({}),
  /** when it happened, if earlier than now (bounded: at most 30 days back, not before the last step); audited */
  at: z.iso.datetime({ offset: true, error: '时间应为 ISO 8601 日期时间' }).optional(),
  /** go ahead despite overridable rules, with the reason recorded as a finding */
  override: z
    .object({
      reason: z.string().trim().min(4, '理由至少 4 个字').max(2000),
      rules: z.array(z.string().max(100)).min(1, '请指明要说明理由的监察规则').max(20),
    })
    .optional(),
});
export type TTransitionRequest = z.input<typeof ZTransitionRequest>;

/** POST /api/v1/cases/:id/assignments */
export const ZAssignOfficersRequest = z.object({
  expectedVersion: z.number().int().positive(),
  officerIds: z.array(z.string().max(100)).min(1, '至少指派一名执法人员').max(20),
});

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

/** POST /api/v1/cases/:id/deadlines/:deadlineId — an approved extension or a suspension of the clock */
export const ZAdjustDeadlineRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('extension'),
    expectedVersion: z.number().int().positive(),
    days: z.number().int().min(1, '至少延长 1 天').max(365, '最多延长 365 天'),
    reason: z.string().trim().min(4, '请写明延长理由').max(2000),
  }),
  z.object({
    kind: z.literal('suspension'),
    expectedVersion: z.number().int().positive(),
    from: ZDay,
    to: ZDay,
    reason: z.string().trim().min(4, '请写明中止理由').max(2000),
  }),
]);
export type TAdjustDeadlineRequest = z.input<typeof ZAdjustDeadlineRequest>;

/** POST /api/v1/cases/:id/links — opens nothing; links an existing case */
export const ZLinkCaseRequest = z.object({
  otherCaseId: z.string().max(100),
  expectedVersion: z.number().int().positive(),
});

/** The list's own clause and basis a refusal or finding quotes. */
export const ZClauseRef = z.object({
  no: z.number().int().nullable(),
  text: z.string(),
  basis: z.string().nullable(),
  isFallback: z.boolean(),
});

/** A rule's refusal (422 body: `refusals[]`). */
export const ZRefusal = z.object({
  rule: z.string(),
  title: z.string(),
  message: z.string(),
  clause: ZClauseRef.nullable(),
  gap: z.boolean(),
  overridable: z.boolean(),
});
export type TRefusal = z.infer<typeof ZRefusal>;

export const ZCaseFinding = z.object({
  id: z.string(),
  rule: z.string(),
  title: z.string(),
  severity: z.enum(['violation', 'warning']),
  message: z.string(),
  clause: ZClauseRef.nullable(),
  gap: z.boolean(),
  step: z.string().nullable(),
  stepName: z.string().nullable(),
  action: z.string().nullable(),
  at: z.string(),
  overrideReason: z.string().nullable(),
  actorName: z.string(),
});
export type TCaseFinding = z.infer<typeof ZCaseFinding>;

/** 黄牌 / 红牌 of a running deadline */
export const ZDeadlineCard = z.enum(['none', 'yellow', 'red']);

export const ZCaseDeadline = z.object({
  id: z.string(),
  label: z.string(),
  source: z.string(),
  from: z.string(),
  due: z.string().nullable(),
  state: z.enum(['running', 'met', 'missed', 'stopped']),
  card: ZDeadlineCard,
  /** working days left (negative when overdue), null when not running or unknown */
  remainingWorkingDays: z.number().int().nullable(),
  explanation: z.string(),
  skipped: z.array(z.object({ date: z.string(), reason: z.string() })),
  calendarComplete: z.boolean(),
  missingYears: z.array(z.number().int()),
});
export type TCaseDeadline = z.infer<typeof ZCaseDeadline>;

export const ZTimelineEntry = z.object({
  seq: z.number().int(),
  type: z.string(),
  /** Chinese summary: 决定立案, 指派执法人员 … */
  label: z.string(),
  stepFrom: z.string().nullable(),
  stepTo: z.string().nullable(),
  /** effective time */
  at: z.string(),
  recordedAt: z.string(),
  actorName: z.string(),
  facts: z.record(z.string(), z.unknown()),
  overrideReason: z.string().nullable(),
});

export const ZCaseLink = z.object({
  caseId: z.string(),
  number: z.string(),
  itemNo: z.number().int(),
  itemName: z.string(),
  /** this case was opened from the other one, or the other one from this */
  direction: z.enum(['from', 'to']),
  status: z.enum(['open', 'closed']),
});

/** An action the caller may take now, with its form. */
export const ZAvailableAction = z.object({
  id: z.string(),
  label: z.string(),
  help: z.string().nullable(),
  /** JSON Schema of the facts (draft 2020-12, from zod) */
  factsSchema: z.record(z.string(), z.unknown()),
  /** rules that will be checked */
  rules: z.array(z.object({ id: z.string(), title: z.string(), severity: z.enum(['blocking', 'overridable', 'finding']) })),
  documents: z.array(z.string()),
  closesCase: z.boolean(),
});
export type TAvailableAction = z.infer<typeof ZAvailableAction>;

export const ZCaseOfficer = z.object({
  id: z.string(),
  name: z.string(),
  certificateNo: z.string().nullable(),
  certificateValidToday: z.boolean(),
});

export const ZCaseStep = z.object({ id: z.string(), name: z.string(), description: z.string() });

/** GET /api/v1/cases/:id */
export const ZCase = z.object({
  id: z.string(),
  number: z.string(),
  organisation: z.object({ code: z.string(), name: z.string() }),
  item: z.object({ no: z.number().int(), name: z.string(), category: z.string() }),
  template: z.object({ id: z.string(), title: z.string() }),
  /** the list version the case runs under, and whether a newer one has been published since */
  listVersion: z.object({ no: z.number().int(), currentNo: z.number().int().nullable(), isCurrent: z.boolean() }),
  status: z.enum(['open', 'closed']),
  outcome: z.string().nullable(),
  step: ZCaseStep.nullable(),
  /** the template's steps in order, with where the case is */
  steps: z.array(ZCaseStep.extend({ state: z.enum(['done', 'current', 'todo', 'skipped']) })),
  parties: z.array(ZParty),
  officers: z.array(ZCaseOfficer),
  openingFacts: z.record(z.string(), z.unknown()),
  timeline: z.array(ZTimelineEntry),
  deadlines: z.array(ZCaseDeadline),
  findings: z.array(ZCaseFinding),
  links: z.array(ZCaseLink),
  /** what the legal registry says of the item's stale citations */
  citationNotices: z.array(ZCitationNotice),
  /** per-object permissions: what the caller may do on this case now */
  availableActions: z.array(ZAvailableAction),
  permissions: z.object({
    assign: z.boolean(),
    link: z.boolean(),
    open: z.boolean(),
    /** a head may extend a running deadline (延长) */
    extendDeadlines: z.boolean(),
    /** an officer or head may suspend one while waiting for the party, testing or consultation (中止) */
    suspendDeadlines: z.boolean(),
  }),
  version: z.number().int(),
  openedAt: z.string(),
  openedBy: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type TCase = z.infer<typeof ZCase>;

/** A row of the case list. */
export const ZCaseSummary = z.object({
  id: z.string(),
  number: z.string(),
  organisation: z.object({ code: z.string(), name: z.string() }),
  item: z.object({ no: z.number().int(), name: z.string(), category: z.string() }),
  status: z.enum(['open', 'closed']),
  outcome: z.string().nullable(),
  step: ZCaseStep.nullable(),
  partyNames: z.array(z.string()),
  officerNames: z.array(z.string()),
  /** the nearest running deadline */
  nextDeadline: ZCaseDeadline.nullable(),
  findingCount: z.number().int(),
  /** the next action the caller may take, if any (the workbench's "下一步") */
  nextAction: z.object({ id: z.string(), label: z.string() }).nullable(),
  updatedAt: z.string(),
  openedAt: z.string(),
});
export type TCaseSummary = z.infer<typeof ZCaseSummary>;

/** GET /api/v1/cases */
export const ZCaseListQuery = z.object({
  org: z.string().trim().max(50).optional(),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  step: z.string().trim().max(50).optional(),
  itemNo: z.coerce.number().int().positive().optional(),
  /** an officer id, or `me` for the caller's own cases */
  officer: z.string().trim().max(100).optional(),
  /** due: `overdue` (red), `soon` (yellow or red) */
  due: z.enum(['overdue', 'soon']).optional(),
  /** number, party name or item name */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TCaseListQuery = z.input<typeof ZCaseListQuery>;

export const ZCaseListResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  cases: z.array(ZCaseSummary),
});
export type TCaseListResponse = z.infer<typeof ZCaseListResponse>;

/** One step of a procedure template, with its actions and forms. */
export const ZProcedureStep = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  standard: z.boolean(),
  needsTwoOfficers: z.boolean(),
  /** numbers of the list's duties that name this step */
  dutyNos: z.array(z.number().int().nullable()),
  missingFromList: z.boolean(),
  actions: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      help: z.string().nullable(),
      roles: z.array(z.string()),
      to: z.string(),
      outcome: z.string().nullable(),
      factsSchema: z.record(z.string(), z.unknown()),
      rules: z.array(z.object({ id: z.string(), title: z.string(), severity: z.enum(['blocking', 'overridable', 'finding']) })),
      documents: z.array(z.string()),
    }),
  ),
});

export const ZCoverageRow = z.object({
  no: z.number().int().nullable(),
  text: z.string(),
  rules: z.array(z.object({ id: z.string(), title: z.string() })),
  fallbackRules: z.array(z.object({ id: z.string(), title: z.string() })),
  needsJudgement: z.boolean(),
});

/** GET /api/v1/procedures/:itemNo */
export const ZProcedure = z.object({
  item: z.object({ no: z.number().int(), name: z.string(), category: z.string() }),
  template: z.object({ id: z.string(), title: z.string(), basis: z.string(), numberKind: z.string() }),
  openingFactsSchema: z.record(z.string(), z.unknown()),
  initialStep: z.string(),
  steps: z.array(ZProcedureStep),
  /** the item's 实施依据, for choosing a decision's basis (`basisIndex`) */
  legalBases: z.array(z.object({ index: z.number().int(), label: z.string() })),
  /** the list's duties that name no step of the template (drawn apart on the flowchart) */
  unmappedDuties: z.array(z.object({ no: z.number().int().nullable(), name: z.string().nullable(), text: z.string() })),
  /** duties that map to no step, steps no duty names */
  mappingFindings: z.array(z.object({ rule: z.string(), severity: z.enum(['warning', 'info']), message: z.string() })),
  coverage: z.object({
    clauses: z.array(ZCoverageRow),
    gaps: z.array(z.object({ id: z.string(), title: z.string() })),
    covered: z.number().int(),
    total: z.number().int(),
  }),
});
export type TProcedure = z.infer<typeof ZProcedure>;

/** GET /api/v1/procedures */
export const ZProcedureListResponse = z.object({
  procedures: z.array(
    z.object({
      item: z.object({ no: z.number().int(), name: z.string(), category: z.string() }),
      template: z.object({ id: z.string(), title: z.string() }).nullable(),
      stepNames: z.array(z.string()),
      coverage: z.object({ covered: z.number().int(), total: z.number().int() }).nullable(),
    }),
  ),
});
export type TProcedureListResponse = z.infer<typeof ZProcedureListResponse>;

/** The 422 body when a rule blocks a transition (problem+json plus refusals). */
export const ZRuleViolatedProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(422),
  detail: z.string(),
  code: z.literal('rule-violated'),
  refusals: z.array(ZRefusal),
});
