/**
 * Procedure templates bound to the items of the current list (/api/v1/procedures). Public: the
 * procedure is part of what the list publishes — the item page draws its flowchart from it — and
 * holds no case data.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZProcedure, ZProcedureListResponse } from '../../../contracts/cases.js';
import { getProcedure, listProcedures } from '../../../services/cases/procedures.js';
import { problemResponses } from '../../problem-responses.js';

const TAGS = ['办理程序'];
const errors = problemResponses(400, 401, 403, 404);
const ZOrgQuery = z.object({ org: z.string().trim().max(50).optional() });

export const procedureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'powerlist.read' },
      schema: {
        tags: TAGS,
        summary: '各事项的办理程序及监察覆盖情况',
        querystring: ZOrgQuery,
        response: { 200: ZProcedureListResponse, ...errors },
      },
    },
    (request) => listProcedures(request.ctx, { orgCode: request.query.org }),
  );

  app.get(
    '/:itemNo',
    {
      config: { action: 'powerlist.read' },
      schema: {
        tags: TAGS,
        summary: '一个事项的办理程序：环节、操作、表单（JSON Schema）、规则、文书，以及追责情形的监察覆盖表',
        params: z.object({ itemNo: z.coerce.number().int().positive() }),
        querystring: ZOrgQuery,
        response: { 200: ZProcedure, ...errors },
      },
    },
    (request) => getProcedure(request.ctx, request.params.itemNo, { orgCode: request.query.org }),
  );
};
