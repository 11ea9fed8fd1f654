/** The signed-in account's own settings (/api/v1/account): password and authenticator. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZChangePasswordRequest, ZConfirmTotpRequest, ZOkResponse, ZTotpEnrolment } from '../../../contracts/auth.js';
import { changeOwnPassword } from '../../../services/account/change-own-password.js';
import { confirmTotpEnrolment } from '../../../services/account/confirm-totp-enrolment.js';
import { startTotpEnrolment } from '../../../services/account/start-totp-enrolment.js';
import { problemResponses } from '../../problem-responses.js';

const TAGS = ['本人账号'];
const errors = problemResponses(400, 401, 403, 409);

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/password',
    {
      config: { action: 'account.manageOwn' },
      schema: {
        tags: TAGS,
        summary: '修改本人密码（其他会话随之结束）',
        body: ZChangePasswordRequest,
        response: { 200: ZOkResponse, ...errors },
      },
    },
    async (request) => {
      await changeOwnPassword(request.ctx, request.body);
      return { ok: true as const, message: '密码已修改，其他设备上的登录已结束。' };
    },
  );

  app.post(
    '/totp',
    {
      config: { action: 'account.manageOwn' },
      schema: { tags: TAGS, summary: '开始绑定身份验证器：获取密钥和二维码 URI', response: { 200: ZTotpEnrolment, ...errors } },
    },
    (request) => startTotpEnrolment(request.ctx),
  );

  app.post(
    '/totp/confirm',
    {
      config: { action: 'account.manageOwn' },
      schema: { tags: TAGS, summary: '输入验证器中的口令，完成绑定', body: ZConfirmTotpRequest, response: { 200: ZOkResponse, ...errors } },
    },
    async (request) => {
      await confirmTotpEnrolment(request.ctx, request.body.code);
      return { ok: true as const, message: '身份验证器已绑定，今后登录需输入动态口令。' };
    },
  );
};
