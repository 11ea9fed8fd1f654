/** Accounts (/api/v1/users): the system administrator's work. Roles are not managed here. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/access.js';
import {
  ZCreateUserRequest,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
  ZUser,
  ZUserListQuery,
  ZUserListResponse,
} from '../../../contracts/users.js';
import { createUser } from '../../../services/users/create-user.js';
import { disableUser } from '../../../services/users/disable-user.js';
import { enableUser } from '../../../services/users/enable-user.js';
import { getUser } from '../../../services/users/get-user.js';
import { listUsers } from '../../../services/users/list-users.js';
import { resetUserPassword } from '../../../services/users/reset-user-password.js';
import { resetUserTotp } from '../../../services/users/reset-user-totp.js';
import { unlockUser } from '../../../services/users/unlock-user.js';
import { updateUser } from '../../../services/users/update-user.js';
import { problemResponses } from '../../problem-responses.js';

const TAGS = ['用户管理'];
const errors = problemResponses(400, 401, 403, 404, 409);

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'users.read' },
      schema: {
        tags: TAGS,
        summary: '用户列表（授权范围内的机构）',
        querystring: ZUserListQuery,
        response: { 200: ZUserListResponse, ...errors },
      },
    },
    (request) => listUsers(request.ctx, { orgCode: request.query.org, status: request.query.status }),
  );

  app.post(
    '/',
    {
      config: { action: 'users.create' },
      schema: {
        tags: TAGS,
        summary: '创建用户（初始密码，首次登录须修改）',
        body: ZCreateUserRequest,
        response: { 201: ZUser, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(request.ctx, request.body)),
  );

  app.get(
    '/:id',
    {
      config: { action: 'users.read' },
      schema: { tags: TAGS, summary: '单个用户', params: ZIdParams, response: { 200: ZUser, ...errors } },
    },
    (request) => getUser(request.ctx, request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { action: 'users.update' },
      schema: { tags: TAGS, summary: '修改用户姓名', params: ZIdParams, body: ZUpdateUserRequest, response: { 200: ZUser, ...errors } },
    },
    (request) => updateUser(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/:id/password',
    {
      config: { action: 'users.update' },
      schema: {
        tags: TAGS,
        summary: '重置密码（结束该用户的全部会话）',
        params: ZIdParams,
        body: ZResetPasswordRequest,
        response: { 200: ZUser, ...errors },
      },
    },
    (request) => resetUserPassword(request.ctx, request.params.id, request.body.password),
  );

  app.post(
    '/:id/unlock',
    {
      config: { action: 'users.update' },
      schema: { tags: TAGS, summary: '解除登录失败锁定', params: ZIdParams, response: { 200: ZUser, ...errors } },
    },
    (request) => unlockUser(request.ctx, request.params.id),
  );

  app.post(
    '/:id/totp-reset',
    {
      config: { action: 'users.update' },
      schema: {
        tags: TAGS,
        summary: '重置动态口令（不适用于安全管理员、安全审计员）',
        params: ZIdParams,
        response: { 200: ZUser, ...errors },
      },
    },
    (request) => resetUserTotp(request.ctx, request.params.id),
  );

  app.post(
    '/:id/disable',
    {
      config: { action: 'users.disable' },
      schema: { tags: TAGS, summary: '停用用户（结束其全部会话）', params: ZIdParams, response: { 200: ZUser, ...errors } },
    },
    (request) => disableUser(request.ctx, request.params.id),
  );

  app.post(
    '/:id/enable',
    {
      config: { action: 'users.disable' },
      schema: { tags: TAGS, summary: '启用用户', params: ZIdParams, response: { 200: ZUser, ...errors } },
    },
    (request) => enableUser(request.ctx, request.params.id),
  );
};
