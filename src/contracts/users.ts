/**
 * Wire shapes of accounts (system administrator), role grants (security administrator) and
 * enforcement officers with their certificates and declared conflicts of interest, shared by the
 * server and web/. Routes: /api/v1/users, /api/v1/roles, /api/v1/officers.
 */
import { z } from 'zod';
import { ZDate, ZGrantScope, ZOrgCode, ZOrgRef, ZRoleId } from './access.js';
import { ZDisplayName, ZPassword, ZUsername } from './auth.js';

/** Whether an account may sign in. */
export const ZUserStatus = z.enum(['active', 'disabled']);
export type TUserStatus = z.infer<typeof ZUserStatus>;

/** An account as the system administrator sees it (no roles: those are the security administrator's). */
export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  organisation: ZOrgRef,
  status: ZUserStatus,
  /** an applicant body's account (申请单位用户) */
  external: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  failedLogins: z.number().int(),
  /** sign-in refused until this instant after repeated failures; null when not locked */
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the roles the account holds (in the account list; the security administrator grants them) */
  roles: z
    .array(z.object({ role: z.string(), label: z.string(), organisation: z.string(), scope: z.enum(['organisation', 'subtree']) }))
    .optional(),
});
export type TUser = z.infer<typeof ZUser>;

/** GET /api/v1/users?org=lz&status=active */
export const ZUserListQuery = z.object({
  org: ZOrgCode.optional(),
  status: ZUserStatus.optional(),
});
export const ZUserListResponse = z.object({ users: z.array(ZUser) });
export type TUserListResponse = z.infer<typeof ZUserListResponse>;

/**
 * POST /api/v1/users — the password is an initial one: the account is asked to change it at its
 * first sign-in.
 */
export const ZCreateUserRequest = z.object({
  username: ZUsername,
  displayName: ZDisplayName,
  orgCode: ZOrgCode,
  password: ZPassword,
  external: z.boolean().default(false),
});
export type TCreateUserRequest = z.input<typeof ZCreateUserRequest>;

/** PATCH /api/v1/users/:id */
export const ZUpdateUserRequest = z.object({ displayName: ZDisplayName });
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

/** POST /api/v1/users/:id/password — set a new initial password (also ends the account's sessions). */
export const ZResetPasswordRequest = z.object({ password: ZPassword });
export type TResetPasswordRequest = z.infer<typeof ZResetPasswordRequest>;

/** One role granted to an account on an organisation. */
export const ZRoleGrant = z.object({
  id: z.string(),
  userId: z.string(),
  role: ZRoleId,
  label: z.string(),
  organisation: ZOrgRef,
  scope: ZGrantScope,
  grantedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  grantedAt: z.string(),
});
export type TRoleGrant = z.infer<typeof ZRoleGrant>;

/** An account with its grants, as the security administrator sees it. */
export const ZUserWithRoles = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  organisation: ZOrgRef,
  status: ZUserStatus,
  external: z.boolean(),
  grants: z.array(ZRoleGrant),
});
export type TUserWithRoles = z.infer<typeof ZUserWithRoles>;

/** A role of the catalogue with what it may do. */
export const ZRoleDefinition = z.object({
  id: ZRoleId,
  label: z.string(),
  description: z.string(),
  /** one of the three separated administrators (三员): held alone */
  separatedAdmin: z.boolean(),
  /** the actions the role may perform, with their Chinese descriptions */
  actions: z.array(z.object({ action: z.string(), description: z.string(), reach: ZGrantScope })),
});
export type TRoleDefinition = z.infer<typeof ZRoleDefinition>;

/** GET /api/v1/roles — the role catalogue and every account's grants in reach. */
export const ZRolesOverview = z.object({
  roles: z.array(ZRoleDefinition),
  users: z.array(ZUserWithRoles),
});
export type TRolesOverview = z.infer<typeof ZRolesOverview>;

/** POST /api/v1/roles/grants */
export const ZAssignRoleRequest = z.object({
  userId: z.uuid({ error: '用户编号格式不正确' }),
  role: ZRoleId,
  orgCode: ZOrgCode,
  scope: ZGrantScope.default('organisation'),
});
export type TAssignRoleRequest = z.input<typeof ZAssignRoleRequest>;

/** Validity of a certificate on today's date. */
export const ZCertificateStatus = z.enum(['valid', 'not-yet-valid', 'expired', 'revoked']);
export type TCertificateStatus = z.infer<typeof ZCertificateStatus>;

/** Chinese labels of certificate statuses. */
export const CERTIFICATE_STATUS_LABELS: Record<TCertificateStatus, string> = {
  valid: '有效',
  'not-yet-valid': '尚未生效',
  expired: '已过期',
  revoked: '已吊销或注销',
};

/** An enforcement certificate (执法证). */
export const ZCertificate = z.object({
  number: z.string(),
  issuingBody: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  revokedOn: z.string().nullable(),
  /** on today's date (Asia/Shanghai) */
  status: ZCertificateStatus,
});
export type TCertificate = z.infer<typeof ZCertificate>;

/** A declared conflict of interest with a party (利害关系申报). */
export const ZConflict = z.object({
  id: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  reason: z.string(),
  declaredOn: z.string(),
});
export type TConflict = z.infer<typeof ZConflict>;

/** An enforcement officer's record. */
export const ZOfficer = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
  organisation: ZOrgRef,
  certificate: ZCertificate,
  conflicts: z.array(ZConflict),
});
export type TOfficer = z.infer<typeof ZOfficer>;

/** GET /api/v1/officers?org=lz */
export const ZOfficerListQuery = z.object({ org: ZOrgCode.optional() });
export const ZOfficerListResponse = z.object({ officers: z.array(ZOfficer) });
export type TOfficerListResponse = z.infer<typeof ZOfficerListResponse>;

/** GET /api/v1/officers/public?org=lz — what is published about officers (执法人员公示). */
export const ZPublicOfficer = z.object({
  displayName: z.string(),
  organisation: z.object({ code: z.string(), name: z.string() }),
  certificateNumber: z.string(),
  issuingBody: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  status: ZCertificateStatus,
});
export const ZPublicOfficerListResponse = z.object({ officers: z.array(ZPublicOfficer) });
export type TPublicOfficer = z.infer<typeof ZPublicOfficer>;
export type TPublicOfficerListResponse = z.infer<typeof ZPublicOfficerListResponse>;

/**
 * GET /api/v1/officers/candidates?org=lz — the accounts a head (负责人) or system administrator may
 * register as officers: active staff accounts (not applicant bodies') without an officer record.
 * Without `org`, every organisation the actor may register officers for.
 */
export const ZOfficerCandidatesQuery = z.object({ org: ZOrgCode.optional() });
export type TOfficerCandidatesQuery = z.infer<typeof ZOfficerCandidatesQuery>;

/** An account that may be registered as an officer: only what the register form shows. */
export const ZOfficerCandidate = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgCode: z.string(),
});
export type TOfficerCandidate = z.infer<typeof ZOfficerCandidate>;

export const ZOfficerCandidatesResponse = z.object({ candidates: z.array(ZOfficerCandidate) });
export type TOfficerCandidatesResponse = z.infer<typeof ZOfficerCandidatesResponse>;

const ZCertificateFields = {
  certificateNumber: z.string({ error: '请填写执法证号' }).trim().min(1, '请填写执法证号').max(64, '执法证号不能超过 64 个字符'),
  issuingBody: z.string({ error: '请填写发证机关' }).trim().min(1, '请填写发证机关').max(100, '发证机关不能超过 100 个字符'),
  validFrom: ZDate,
  validTo: ZDate,
};

/** POST /api/v1/officers — register an account as an officer with its certificate. */
export const ZRegisterOfficerRequest = z.object({ userId: z.uuid({ error: '用户编号格式不正确' }), ...ZCertificateFields });
export type TRegisterOfficerRequest = z.infer<typeof ZRegisterOfficerRequest>;

/** PUT /api/v1/officers/:id/certificate — record a new or renewed certificate. */
export const ZUpdateCertificateRequest = z.object(ZCertificateFields);
export type TUpdateCertificateRequest = z.infer<typeof ZUpdateCertificateRequest>;

/** POST /api/v1/officers/:id/certificate/revoke — the certificate was revoked or cancelled (吊销/注销). */
export const ZRevokeCertificateRequest = z.object({ revokedOn: ZDate });
export type TRevokeCertificateRequest = z.infer<typeof ZRevokeCertificateRequest>;

/** POST /api/v1/officers/:id/conflicts — declare a conflict of interest with a party. */
export const ZDeclareConflictRequest = z.object({
  partyId: z.string({ error: '请填写当事人标识' }).trim().min(1, '请填写当事人标识').max(64, '当事人标识不能超过 64 个字符'),
  partyName: z.string({ error: '请填写当事人名称' }).trim().min(1, '请填写当事人名称').max(200, '当事人名称不能超过 200 个字符'),
  reason: z.string({ error: '请填写利害关系说明' }).trim().min(1, '请填写利害关系说明').max(500, '利害关系说明不能超过 500 个字符'),
  declaredOn: ZDate.optional(),
});
export type TDeclareConflictRequest = z.infer<typeof ZDeclareConflictRequest>;

/** DELETE /api/v1/officers/:id/conflicts/:conflictId */
export const ZConflictParams = z.object({
  id: z.uuid({ error: '编号格式不正确' }),
  conflictId: z.uuid({ error: '编号格式不正确' }),
});

/** Re-exported so that forms import one module. */
export { ZDisplayName, ZPassword, ZUsername };
