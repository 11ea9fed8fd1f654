/**
 * Wire shapes of the administrators' bootstrap (三员初始化, /api/v1/admin-invitations): the system
 * administrator names the security administrator and the security auditor; each receives a one-time
 * link (`/invite#token=…`) on which they set their own password and bind their own authenticator.
 */
import { z } from 'zod';
import { ZDisplayName, ZPassword, ZTotpCode, ZTotpEnrolment, ZUsername } from './auth.js';

/** The two roles an invitation can carry; the system administrator comes from the setup link. */
export const INVITED_ROLE_VALUES = ['security-admin', 'security-auditor'] as const;
export const ZInvitedRole = z.enum(INVITED_ROLE_VALUES, { error: '只能邀请安全管理员或安全审计员' });
export type TInvitedRole = z.infer<typeof ZInvitedRole>;

const ZToken = z.string({ error: '缺少邀请令牌' }).trim().min(20, '邀请令牌不完整').max(200, '邀请令牌格式不正确');

/** POST /api/v1/admin-invitations — name the person for one of the two roles. */
export const ZInviteAdministratorRequest = z.object({
  role: ZInvitedRole,
  username: ZUsername,
  displayName: ZDisplayName,
});
export type TInviteAdministratorRequest = z.input<typeof ZInviteAdministratorRequest>;

/** The answer (201): the link to hand over; shown once, the server keeps only its hash. */
export const ZAdministratorInvitationLink = z.object({
  role: ZInvitedRole,
  username: z.string(),
  displayName: z.string(),
  /** path and fragment, `/invite#token=…`; the page puts its own origin in front */
  path: z.string(),
  expiresAt: z.string(),
});
export type TAdministratorInvitationLink = z.infer<typeof ZAdministratorInvitationLink>;

/** Where one of the two roles stands. */
export const ZAdministratorSlot = z.object({
  role: ZInvitedRole,
  roleLabel: z.string(),
  /** 'filled': an account holds the role; 'invited': a link is out; 'open': nobody named yet */
  state: z.enum(['filled', 'invited', 'open']),
  holder: z.object({ username: z.string(), displayName: z.string(), totpEnabled: z.boolean() }).nullable(),
  invitation: z.object({ username: z.string(), displayName: z.string(), createdAt: z.string(), expiresAt: z.string() }).nullable(),
});
export type TAdministratorSlot = z.infer<typeof ZAdministratorSlot>;

/** GET /api/v1/admin-invitations — the bootstrap's state for the system administrator. */
export const ZAdministratorBootstrap = z.object({ slots: z.array(ZAdministratorSlot) });
export type TAdministratorBootstrap = z.infer<typeof ZAdministratorBootstrap>;

/** POST /api/v1/admin-invitations/open — the invitee's page reads its invitation (and gets its authenticator). */
export const ZOpenInvitationRequest = z.object({ token: ZToken });
export type TOpenInvitationRequest = z.input<typeof ZOpenInvitationRequest>;

export const ZOpenedInvitation = z.object({
  role: ZInvitedRole,
  roleLabel: z.string(),
  username: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  invitedBy: z.string(),
  expiresAt: z.string(),
  /** the authenticator to bind on this page; the same secret each time the link is opened */
  enrolment: ZTotpEnrolment,
});
export type TOpenedInvitation = z.infer<typeof ZOpenedInvitation>;

/** POST /api/v1/admin-invitations/accept — own password and a code from the bound authenticator. */
export const ZAcceptInvitationRequest = z.object({
  token: ZToken,
  password: ZPassword,
  totp: ZTotpCode,
});
export type TAcceptInvitationRequest = z.input<typeof ZAcceptInvitationRequest>;

export const ZAcceptedInvitation = z.object({
  username: z.string(),
  displayName: z.string(),
  roleLabel: z.string(),
  message: z.string(),
});
export type TAcceptedInvitation = z.infer<typeof ZAcceptedInvitation>;
