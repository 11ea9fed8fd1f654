/** Role grants (/api/v1/roles): the security administrator's work, under 三员分立. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/access.js';
import { ZAssignRoleRequest, ZRoleGrant, ZRolesOverview } from '../../../contracts/users.js';
import { assignRole } from '../../../services/roles/assign-role.js';
import { getRolesOverview } from '../../../services/roles/get-roles-overview.js';
import { revokeRole } from '../../../services/roles/revoke-role.js';
import { problemResponses } from '../../problem-responses.js';

const TAGS = ['角色授权'];
const errors = problemResponses(400, 401, 403, 404, 409);

export const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'roles.read' },
      schema: { tags: TAGS, summary: '角色目录及授权范围内各账号的角色', response: { 200: ZRolesOverview, ...errors } },
    },
    (request) => getRolesOverview(request.ctx),
  );

  app.post(
    '/grants',
    {
      config: { action: 'roles.assign' },
      schema: {
        tags: TAGS,
        summary: '授予角色（三员不得兼任；申请单位账号只能为申请单位用户）',
        body: ZAssignRoleRequest,
        response: { 201: ZRoleGrant, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await assignRole(request.ctx, request.body)),
  );

  app.delete(
    '/grants/:id',
    {
      config: { action: 'roles.assign' },
      schema: { tags: TAGS, summary: '收回角色', params: ZIdParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await revokeRole(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
