/** Enforcement officers, their certificates (执法证) and declared conflicts of interest (/api/v1/officers). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams, ZOrgCode } from '../../../contracts/access.js';
import {
  ZConflictParams,
  ZDeclareConflictRequest,
  ZOfficer,
  ZOfficerCandidatesQuery,
  ZOfficerCandidatesResponse,
  ZOfficerListQuery,
  ZOfficerListResponse,
  ZPublicOfficerListResponse,
  ZRegisterOfficerRequest,
  ZRevokeCertificateRequest,
  ZUpdateCertificateRequest,
} from '../../../contracts/users.js';
import { declareConflict } from '../../../services/officers/declare-conflict.js';
import { getOfficer } from '../../../services/officers/get-officer.js';
import { listOfficerCandidates } from '../../../services/officers/list-officer-candidates.js';
import { listOfficers } from '../../../services/officers/list-officers.js';
import { listPublicOfficers } from '../../../services/officers/list-public-officers.js';
import { registerOfficer } from '../../../services/officers/register-officer.js';
import { revokeCertificate } from '../../../services/officers/revoke-certificate.js';
import { updateCertificate } from '../../../services/officers/update-certificate.js';
import { withdrawConflict } from '../../../services/officers/withdraw-conflict.js';
import { problemResponses } from '../../problem-responses.js';

const TAGS = ['执法人员'];
const errors = problemResponses(400, 401, 403, 404, 409);

export const officerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public',
    {
      config: { action: 'officers.readPublic' },
      schema: {
        tags: TAGS,
        summary: '执法人员公示（姓名、执法证号、有效期）',
        querystring: z.object({ org: ZOrgCode.optional() }),
        response: { 200: ZPublicOfficerListResponse, ...errors },
      },
    },
    (request) => listPublicOfficers(request.ctx, { orgCode: request.query.org }),
  );

  app.get(
    '/',
    {
      config: { action: 'officers.read' },
      schema: {
        tags: TAGS,
        summary: '执法人员档案（含利害关系申报）',
        querystring: ZOfficerListQuery,
        response: { 200: ZOfficerListResponse, ...errors },
      },
    },
    (request) => listOfficers(request.ctx, { orgCode: request.query.org }),
  );

  // The register form's account list: a head registers officers without the right to read accounts.
  app.get(
    '/candidates',
    {
      config: { action: 'officers.write' },
      schema: {
        tags: TAGS,
        summary: '可登记为执法人员的账号（在用、本单位工作人员、尚未登记）',
        querystring: ZOfficerCandidatesQuery,
        response: { 200: ZOfficerCandidatesResponse, ...errors },
      },
    },
    (request) => listOfficerCandidates(request.ctx, { orgCode: request.query.org }),
  );

  app.post(
    '/',
    {
      config: { action: 'officers.write' },
      schema: { tags: TAGS, summary: '登记执法人员及其执法证', body: ZRegisterOfficerRequest, response: { 201: ZOfficer, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await registerOfficer(request.ctx, request.body)),
  );

  app.get(
    '/:id',
    {
      config: { action: 'officers.read' },
      schema: { tags: TAGS, summary: '单个执法人员档案', params: ZIdParams, response: { 200: ZOfficer, ...errors } },
    },
    (request) => getOfficer(request.ctx, request.params.id),
  );

  app.put(
    '/:id/certificate',
    {
      config: { action: 'officers.write' },
      schema: {
        tags: TAGS,
        summary: '登记新的或换发的执法证',
        params: ZIdParams,
        body: ZUpdateCertificateRequest,
        response: { 200: ZOfficer, ...errors },
      },
    },
    (request) => updateCertificate(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/:id/certificate/revoke',
    {
      config: { action: 'officers.write' },
      schema: {
        tags: TAGS,
        summary: '登记执法证吊销或注销',
        params: ZIdParams,
        body: ZRevokeCertificateRequest,
        response: { 200: ZOfficer, ...errors },
      },
    },
    (request) => revokeCertificate(request.ctx, request.params.id, request.body.revokedOn),
  );

  app.post(
    '/:id/conflicts',
    {
      config: { action: 'officers.write' },
      schema: {
        tags: TAGS,
        summary: '申报与当事人的利害关系',
        params: ZIdParams,
        body: ZDeclareConflictRequest,
        response: { 201: ZOfficer, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await declareConflict(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/:id/conflicts/:conflictId',
    {
      config: { action: 'officers.write' },
      schema: { tags: TAGS, summary: '撤回利害关系申报', params: ZConflictParams, response: { 200: ZOfficer, ...errors } },
    },
    (request) => withdrawConflict(request.ctx, request.params.id, request.params.conflictId),
  );
};
