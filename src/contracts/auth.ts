/**
 * Wire shapes of sign-in, sessions, first-run setup and the signed-in account's own settings
 * (/api/v1/auth/…, /api/v1/account/…), shared by the server and web/.
 *
 * Sign-in is one endpoint answered in steps: the password first; then, for an account with a
 * second factor, the same request again with `totp`; an administrator (三员) without a second factor
 * is shown an enrolment secret and completes sign-in by sending a code from it. A successful answer
 * sets the HttpOnly session cookie and carries the CSRF token that every later state-changing
 * request must send in the `x-csrf-token` header.
 */
import { z } from 'zod';
import { ZAction, ZGrantScope, ZOrgRef, ZRoleId } from './access.js';

/** A username: 3–64 letters, digits, dots, underscores or hyphens (case-insensitive, stored lower-case). */
export const ZUsername = z
  .string({ error: '请填写用户名' })
  .trim()
  .min(3, '用户名至少 3 个字符')
  .max(64, '用户名不能超过 64 个字符')
  .regex(/^[A-Za-z0-9._-]+$/, '用户名只能包含字母、数字、点、下划线和连字符')
  .transform((value) => value.toLowerCase());

/** A person's display name as shown in tables and the audit log (any script, 1–100 characters). */
export const ZDisplayName = z
  .string({ error: '请填写姓名' })
  .trim()
  .min(1, '请填写姓名')
  .max(100, '姓名不能超过 100 个字符')
  .refine((value) => ![...value].some(isControlCharacter), '姓名不能包含控制字符');

function isControlCharacter(ch: string): boolean {
  const code = ch.codePointAt(0) as number;
  return code < 0x20 || code === 0x7f;
}

/**
 * A password as typed. Only the bounds are checked here; the policy (≥ 12 characters, no common
 * passwords, not the username) is checked by the server, which answers with field paths.
 */
export const ZPassword = z.string({ error: '请填写密码' }).min(1, '请填写密码').max(256, '密码不能超过 256 个字符');

/** A six-digit code from an authenticator app (spaces allowed). */
export const ZTotpCode = z
  .string()
  .trim()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, '动态口令应为 6 位数字'));

/** POST /api/v1/auth/login */
export const ZLoginRequest = z.object({
  username: ZUsername,
  password: ZPassword,
  /** the authenticator code, on the second step */
  totp: ZTotpCode.optional(),
});
export type TLoginRequest = z.input<typeof ZLoginRequest>;

/** One role held by the signed-in account. */
export const ZSessionRole = z.object({
  role: ZRoleId,
  /** 执法人员, 安全审计员 … */
  label: z.string(),
  organisation: ZOrgRef,
  scope: ZGrantScope,
});
export type TSessionRole = z.infer<typeof ZSessionRole>;

/** GET /api/v1/auth/me — who is signed in, what they may do, and the CSRF token of the session. */
export const ZSessionInfo = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    organisation: ZOrgRef,
    /** an applicant body's account (申请单位用户) rather than the bureau's own staff */
    external: z.boolean(),
    totpEnabled: z.boolean(),
    /** the password was set by an administrator: the UI asks for a new one */
    mustChangePassword: z.boolean(),
  }),
  roles: z.array(ZSessionRole),
  /** the actions this account may perform on at least one organisation; the UI shows what it may use */
  allowedActions: z.array(ZAction),
  /** send as the `x-csrf-token` header on every POST, PUT, PATCH and DELETE */
  csrfToken: z.string(),
  session: z.object({
    createdAt: z.string(),
    /** the absolute end of the session, whatever the activity */
    expiresAt: z.string(),
    /** the session ends after this many minutes without a request */
    idleTimeoutMinutes: z.number().int(),
  }),
  /**
   * What an administrator must know (三员分立): another administrator disabled one of the three
   * administrator accounts in the last 30 days. Shown to the administrators on every page.
   */
  notices: z.array(z.object({ at: z.string(), message: z.string() })).optional(),
});
export type TSessionInfo = z.infer<typeof ZSessionInfo>;

/** The enrolment secret of an authenticator app: show `uri` as a QR code, `secret` for typing. */
export const ZTotpEnrolment = z.object({
  /** Base32 secret */
  secret: z.string(),
  /** otpauth://totp/… */
  uri: z.string(),
});
export type TTotpEnrolment = z.infer<typeof ZTotpEnrolment>;

/**
 * The answer to POST /api/v1/auth/login (HTTP 200). A wrong password, a locked account or a wrong
 * code is a 401/429 problem+json instead.
 * - `signed-in`: done; the session cookie is set.
 * - `totp-required`: the password was right; send the request again with `totp`.
 * - `totp-enrolment-required`: an administrator without a second factor; add `enrolment` to an
 *   authenticator app and send the request again with a code from it.
 */
export const ZLoginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed-in'), session: ZSessionInfo }),
  z.object({ status: z.literal('totp-required'), message: z.string() }),
  z.object({ status: z.literal('totp-enrolment-required'), message: z.string(), enrolment: ZTotpEnrolment }),
]);
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

/** GET /api/v1/auth/setup — whether the installation still waits for its first administrator. */
export const ZSetupStatus = z.object({ setupRequired: z.boolean() });
export type TSetupStatus = z.infer<typeof ZSetupStatus>;

/**
 * POST /api/v1/auth/setup — create the first system administrator with the one-time token printed
 * to the console at first start (the `#token=…` part of the setup link).
 */
export const ZSetupRequest = z.object({
  token: z.string({ error: '缺少初始化令牌' }).trim().min(20, '初始化令牌不完整').max(200, '初始化令牌格式不正确'),
  username: ZUsername,
  displayName: ZDisplayName,
  password: ZPassword,
});
export type TSetupRequest = z.input<typeof ZSetupRequest>;

/** The answer to a successful setup (201): sign in next; the first sign-in enrols the authenticator. */
export const ZSetupResponse = z.object({
  username: z.string(),
  displayName: z.string(),
  message: z.string(),
});
export type TSetupResponse = z.infer<typeof ZSetupResponse>;

/** POST /api/v1/account/password — change one's own password. */
export const ZChangePasswordRequest = z.object({
  currentPassword: ZPassword,
  newPassword: ZPassword,
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

/** POST /api/v1/account/totp/confirm — finish enrolling an authenticator with a code from it. */
export const ZConfirmTotpRequest = z.object({ code: ZTotpCode });
export type TConfirmTotpRequest = z.input<typeof ZConfirmTotpRequest>;

/** A plain acknowledgement with a message for people (logout, password change …). */
export const ZOkResponse = z.object({ ok: z.literal(true), message: z.string() });
export type TOkResponse = z.infer<typeof ZOkResponse>;

/** POST /api/v1/auth/logout-everywhere — how many sessions were ended. */
export const ZLogoutEverywhereResponse = z.object({ ok: z.literal(true), message: z.string(), endedSessions: z.number().int() });
export type TLogoutEverywhereResponse = z.infer<typeof ZLogoutEverywhereResponse>;
