/** The organisation tree (/api/v1/organisations): public to read, the system administrator's to change. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCreateOrganisationRequest,
  ZOrganisation,
  ZOrganisationListResponse,
  ZOrgCodeParams,
  ZUpdateOrganisationRequest,
} from '../../../contracts/organisations.js';
import { createOrganisation } from '../../../services/organisations/create-organisation.js';
import { listOrganisations } from '../../../services/organisations/list-organisations.js';
import { updateOrganisation } from '../../../services/organisations/update-organisation.js';
import { problemResponses } from '../../problem-responses.js';

const TAGS = ['组织机构'];
const errors = problemResponses(400, 401, 403, 404, 409);

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'organisations.read' },
      schema: { tags: TAGS, summary: '组织机构（上级在前）', response: { 200: ZOrganisationListResponse } },
    },
    (request) => listOrganisations(request.ctx),
  );

  app.post(
    '/',
    {
      config: { action: 'organisations.write' },
      schema: { tags: TAGS, summary: '新增下级机构', body: ZCreateOrganisationRequest, response: { 201: ZOrganisation, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await createOrganisation(request.ctx, request.body)),
  );

  app.patch(
    '/:code',
    {
      config: { action: 'organisations.write' },
      schema: {
        tags: TAGS,
        summary: '修改机构名称或发文机关代字',
        params: ZOrgCodeParams,
        body: ZUpdateOrganisationRequest,
        response: { 200: ZOrganisation, ...errors },
      },
    },
    (request) => updateOrganisation(request.ctx, request.params.code, request.body),
  );
};
