/** The audit log for the security auditor (/api/v1/audit): search and chain verification; no writes. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAuditSearchQuery,
  ZAuditSearchResponse,
  ZAuditVerifyQuery,
  ZAuditVerifyResponse,
  ZReadLogQuery,
  ZReadLogResponse,
} from '../../../contracts/audit.js';
import { searchAuditLog } from '../../../services/audit/search-audit-log.js';
import { searchReadLog } from '../../../services/audit/search-read-log.js';
import { verifyAuditLog } from '../../../services/audit/verify-audit-log.js';
import { problemResponses } from '../../problem-responses.js';

const TAGS = ['审计日志'];
const errors = problemResponses(400, 401, 403, 404);

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/records',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: TAGS,
        summary: '检索审计日志（新记录在前）',
        querystring: ZAuditSearchQuery,
        response: { 200: ZAuditSearchResponse, ...errors },
      },
    },
    (request) => {
      const { org, ...filters } = request.query;
      return searchAuditLog(request.ctx, { ...filters, orgCode: org });
    },
  );

  app.get(
    '/reads',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: TAGS,
        summary: '查阅访问记录：谁查阅了哪些案件和账号（读取记录不占用审计哈希链，新记录在前）',
        querystring: ZReadLogQuery,
        response: { 200: ZReadLogResponse, ...errors },
      },
    },
    (request) => searchReadLog(request.ctx, request.query),
  );

  app.get(
    '/verify',
    {
      config: { action: 'audit.verify' },
      schema: {
        tags: TAGS,
        summary: '重新计算审计哈希链，指出第一条断开的记录',
        querystring: ZAuditVerifyQuery,
        response: { 200: ZAuditVerifyResponse, ...errors },
      },
    },
    (request) => verifyAuditLog(request.ctx, { orgCode: request.query.org }),
  );
};
