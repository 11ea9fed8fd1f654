/**
 * The published power list: public, read-only (policy `powerlist.read`). Each handler validates,
 * calls one service and returns its result. Uploading a new version is in powerlists-import.routes.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZItemResponse, ZPowerListResponse, ZSearchQuery, ZSearchResponse, ZVersionsResponse } from '../../../contracts/api.js';
import { exportPowerList } from '../../../services/catalog/export-power-list.js';
import { getPowerItem, getPowerList, listPowerListVersions, searchPowerItems } from '../../../services/catalog/published-list.js';
import { problemResponses } from '../../problem-responses.js';
import { ZExportQuery, ZItemParams, ZVersionParams, ZVersionQuery } from './powerlists.schemas.js';

export interface PowerListRoutesOptions {
  orgCode: string;
}

const errors = problemResponses(400, 404);

// The reads below (all but the export) are compressed by the public-read cache, once per version
// and encoding and off the event loop (public-read-cache.ts); @fastify/compress stays out of them.

export const powerListRoutes: FastifyPluginAsyncZod<PowerListRoutesOptions> = async (app, { orgCode }) => {
  app.get(
    '/current',
    {
      config: { action: 'powerlist.read' },
      compress: false,
      schema: { tags: ['权责清单'], summary: '当前公示的权责清单', response: { 200: ZPowerListResponse, ...errors } },
    },
    (request) => getPowerList(request.ctx, orgCode),
  );

  app.get(
    '/versions',
    {
      config: { action: 'powerlist.read' },
      compress: false,
      schema: { tags: ['权责清单'], summary: '清单的全部版本（新版在前）', response: { 200: ZVersionsResponse, ...errors } },
    },
    (request) => listPowerListVersions(request.ctx, orgCode),
  );

  app.get(
    '/versions/:n',
    {
      config: { action: 'powerlist.read' },
      compress: false,
      schema: {
        tags: ['权责清单'],
        summary: '某一版本的清单及其与上一版的差异',
        params: ZVersionParams,
        response: { 200: ZPowerListResponse, ...errors },
      },
    },
    (request) => getPowerList(request.ctx, orgCode, request.params.n),
  );

  app.get(
    '/items',
    {
      config: { action: 'powerlist.read' },
      compress: false,
      schema: {
        tags: ['权责清单'],
        summary: '检索事项（名称、责任事项、依据全文子串检索）',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResponse, ...errors },
      },
    },
    (request) =>
      searchPowerItems(request.ctx, orgCode, { q: request.query.q, category: request.query.category, versionNo: request.query.version }),
  );

  app.get(
    '/items/:no',
    {
      config: { action: 'powerlist.read' },
      compress: false,
      schema: {
        tags: ['权责清单'],
        summary: '单个事项及其检查结果',
        params: ZItemParams,
        querystring: ZVersionQuery,
        response: { 200: ZItemResponse, ...errors },
      },
    },
    (request) => getPowerItem(request.ctx, orgCode, request.params.no, request.query.version),
  );

  app.get(
    '/export',
    {
      config: { action: 'powerlist.read' },
      schema: { tags: ['权责清单'], summary: '导出清单（json / xlsx / tsv）', querystring: ZExportQuery },
    },
    async (request, reply) => {
      const file = await exportPowerList(request.ctx, orgCode, request.query.format, request.query.version);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(Buffer.from(file.bytes));
    },
  );
};
