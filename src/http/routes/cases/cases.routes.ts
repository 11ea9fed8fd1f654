/** Cases (/api/v1/cases): open, list, read, take an action, assign officers, link cases. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/access.js';
import {
  ZAdjustDeadlineRequest,
  ZAssignOfficersRequest,
  ZCase,
  ZCaseListQuery,
  ZCaseListResponse,
  ZLinkCaseRequest,
  ZOpenCaseRequest,
  ZTransitionRequest,
} from '../../../contracts/cases.js';
import { adjustDeadline } from '../../../services/cases/adjust-deadline.js';
import { assignOfficers } from '../../../services/cases/assign-officers.js';
import { getCase } from '../../../services/cases/get-case.js';
import { linkCases } from '../../../services/cases/link-cases.js';
import { listCases } from '../../../services/cases/list-cases.js';
import { openCase } from '../../../services/cases/open-case.js';
import { transitionCase } from '../../../services/cases/transition-case.js';
import { problemResponses } from '../../problem-responses.js';

const TAGS = ['案件'];
const errors = problemResponses(400, 401, 403, 404, 409, 422);
const ZCaseParams = ZIdParams;

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'cases.read' },
      schema: {
        tags: TAGS,
        summary: '案件列表（可按环节、事项、承办人、期限、关键词筛选）',
        querystring: ZCaseListQuery,
        response: { 200: ZCaseListResponse, ...errors },
      },
    },
    (request) => listCases(request.ctx, request.query),
  );

  app.post(
    '/',
    {
      config: { action: 'cases.write' },
      schema: { tags: TAGS, summary: '新建案件', body: ZOpenCaseRequest, response: { 201: ZCase, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await openCase(request.ctx, request.body)),
  );

  app.get(
    '/:id',
    {
      config: { action: 'cases.read' },
      schema: {
        tags: TAGS,
        summary: '案件详情：时间线、期限及其计算说明、监察发现、关联案件、可办理的操作',
        params: ZCaseParams,
        response: { 200: ZCase, ...errors },
      },
    },
    (request) => getCase(request.ctx, request.params.id),
  );

  app.post(
    '/:id/transitions',
    {
      config: { action: 'cases.write' },
      schema: {
        tags: TAGS,
        summary: '办理一个环节（版本不符 409 stale-version；监察规则不允许 422 rule-violated，附 refusals）',
        params: ZCaseParams,
        body: ZTransitionRequest,
        response: { 200: ZCase, ...errors },
      },
    },
    (request) => transitionCase(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/:id/assignments',
    {
      config: { action: 'cases.write' },
      schema: {
        tags: TAGS,
        summary: '指派承办执法人员（回避、执法证有效性检查）',
        params: ZCaseParams,
        body: ZAssignOfficersRequest,
        response: { 200: ZCase, ...errors },
      },
    },
    (request) => assignOfficers(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/:id/links',
    {
      config: { action: 'cases.write' },
      schema: {
        tags: TAGS,
        summary: '关联案件（如检查发现的隐患案件、泄密案件）',
        params: ZCaseParams,
        body: ZLinkCaseRequest,
        response: { 200: ZCase, ...errors },
      },
    },
    (request) => linkCases(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/:id/deadlines/:deadlineId',
    {
      config: { action: 'cases.write' },
      schema: {
        tags: TAGS,
        summary: '延长（须负责人批准）或中止一个办案期限，期限及其计算说明随之重算',
        params: ZCaseParams.extend({ deadlineId: z.string().max(100) }),
        body: ZAdjustDeadlineRequest,
        response: { 200: ZCase, ...errors },
      },
    },
    (request) => adjustDeadline(request.ctx, request.params.id, request.params.deadlineId, request.body),
  );
};
