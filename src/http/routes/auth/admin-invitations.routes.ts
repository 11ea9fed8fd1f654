/**
 * 三员初始化 (/api/v1/admin-invitations): the system administrator invites the security
 * administrator and the security auditor; the invitee opens the one-time link and sets their own
 * password and authenticator. Opening and accepting are public (the token is the credential) and
 * rate-limited per client address like sign-in.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAcceptedInvitation,
  ZAcceptInvitationRequest,
  ZAdministratorBootstrap,
  ZAdministratorInvitationLink,
  ZInviteAdministratorRequest,
  ZOpenedInvitation,
  ZOpenInvitationRequest,
} from '../../../contracts/admin-invitations.js';
import { acceptAdministratorInvitation } from '../../../services/auth/accept-administrator-invitation.js';
import { getAdministratorBootstrap } from '../../../services/auth/get-administrator-bootstrap.js';
import { inviteAdministrator } from '../../../services/auth/invite-administrator.js';
import { openAdministratorInvitation } from '../../../services/auth/open-administrator-invitation.js';
import { problemResponses } from '../../problem-responses.js';

export interface AdminInvitationRoutesOptions {
  /** link openings and acceptances allowed per client address per minute */
  loginRateLimitPerMinute: number;
}

const TAGS = ['三员初始化'];
const errors = problemResponses(400, 401, 403, 409, 429);

export const adminInvitationRoutes: FastifyPluginAsyncZod<AdminInvitationRoutesOptions> = async (app, { loginRateLimitPerMinute }) => {
  const rateLimit = { max: loginRateLimitPerMinute, timeWindow: '1 minute' };

  app.get(
    '/',
    {
      config: { action: 'users.read' },
      schema: {
        tags: TAGS,
        summary: '安全管理员、安全审计员是否已有人担任或已发出邀请',
        response: { 200: ZAdministratorBootstrap, ...errors },
      },
    },
    (request) => getAdministratorBootstrap(request.ctx),
  );

  app.post(
    '/',
    {
      config: { action: 'users.create' },
      schema: {
        tags: TAGS,
        summary: '为安全管理员或安全审计员生成一次性邀请链接',
        description: '链接只显示这一次；同一角色再次生成时，旧链接作废。已有人担任的角色不能再邀请。',
        body: ZInviteAdministratorRequest,
        response: { 201: ZAdministratorInvitationLink, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await inviteAdministrator(request.ctx, request.body)),
  );

  app.post(
    '/open',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: TAGS,
        summary: '被邀请人打开邀请链接：邀请内容和待绑定的身份验证器',
        body: ZOpenInvitationRequest,
        response: { 200: ZOpenedInvitation, ...errors },
      },
    },
    (request) => openAdministratorInvitation(request.ctx, request.body.token),
  );

  app.post(
    '/accept',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: TAGS,
        summary: '被邀请人设置本人密码并以动态口令确认绑定，账号随之创建',
        body: ZAcceptInvitationRequest,
        response: { 201: ZAcceptedInvitation, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await acceptAdministratorInvitation(request.ctx, request.body)),
  );
};
