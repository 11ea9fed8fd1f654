/**
 * The registry of legal sources (/api/v1/legal-sources): public reading and export; changes and
 * imports by the system administrator or a legal reviewer (`legalSources.write`), audited, each
 * answered with the list items it affects. Each handler validates, calls one service and returns
 * its result.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZLegalRegistryResponse,
  ZRegistryChangeRequest,
  ZRegistryDocument,
  ZRegistryImportQuery,
  ZRegistryRevisionsQuery,
  ZRegistryRevisionsResponse,
  ZRegistryWriteResponse,
} from '../../../contracts/legal-sources-api.js';
import { applyRegistryChange } from '../../../services/legal-sources/apply-registry-change.js';
import { exportLegalRegistry } from '../../../services/legal-sources/export-legal-registry.js';
import { getLegalRegistry } from '../../../services/legal-sources/get-legal-registry.js';
import { importLegalRegistry } from '../../../services/legal-sources/import-legal-registry.js';
import { listRegistryRevisions } from '../../../services/legal-sources/list-registry-revisions.js';
import { problemResponses } from '../../problem-responses.js';

const TAGS = ['法律依据库'];
const readErrors = problemResponses(400, 404);
const writeErrors = problemResponses(400, 401, 403, 404, 409, 413);

export const legalSourceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'legalSources.read' },
      schema: {
        tags: TAGS,
        summary: '法律依据库：各法律法规的版本、效力状态（现行有效／已修订／已废止／未知）及新旧条款对应关系',
        response: { 200: ZLegalRegistryResponse, ...readErrors },
      },
    },
    (request) => getLegalRegistry(request.ctx),
  );

  app.get(
    '/revisions',
    {
      config: { action: 'legalSources.read' },
      schema: {
        tags: TAGS,
        summary: '法律依据库的修改记录（新的在前）',
        querystring: ZRegistryRevisionsQuery,
        response: { 200: ZRegistryRevisionsResponse, ...readErrors },
      },
    },
    (request) => listRegistryRevisions(request.ctx, request.query),
  );

  app.get(
    '/export',
    {
      config: { action: 'legalSources.read' },
      schema: {
        tags: TAGS,
        summary: '导出法律依据库（JSON，格式同 data/legal-sources.json，可原样导入）',
        produces: ['application/json'],
      },
    },
    async (request, reply) => {
      const file = await exportLegalRegistry(request.ctx);
      // Sent as the exact text the service produced (not re-serialised), so export → import → export is byte-identical.
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-registry-revision', String(file.revisionNo))
        .send(file.json);
    },
  );

  app.post(
    '/import',
    {
      config: { action: 'legalSources.write' },
      schema: {
        tags: TAGS,
        summary: '导入法律依据库（整体替换；与当前内容相同时不写入；dryRun=true 时只校验并列出受影响的事项）',
        querystring: ZRegistryImportQuery,
        body: ZRegistryDocument,
        response: { 200: ZRegistryWriteResponse, 201: ZRegistryWriteResponse, ...writeErrors },
      },
    },
    async (request, reply) => {
      const result = await importLegalRegistry(request.ctx, {
        document: request.body,
        expectedRevision: request.query.expectedRevision,
        dryRun: request.query.dryRun,
      });
      return reply.code(result.changed && !result.dryRun ? 201 : 200).send(result);
    },
  );

  app.post(
    '/changes',
    {
      config: { action: 'legalSources.write' },
      schema: {
        tags: TAGS,
        summary: '修改法律依据库：新增版本（可同时将旧版本标为已修订）、设定效力状态或新增条款对应关系；返回受影响的清单事项',
        body: ZRegistryChangeRequest,
        response: { 200: ZRegistryWriteResponse, 201: ZRegistryWriteResponse, ...writeErrors },
      },
    },
    async (request, reply) => {
      const result = await applyRegistryChange(request.ctx, request.body);
      return reply.code(result.dryRun ? 200 : 201).send(result);
    },
  );
};
