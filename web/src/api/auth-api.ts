/**
 * Sign-in, the current session, first-run setup and the signed-in account's own settings
 * (/api/v1/auth/…, /api/v1/account/…). Every answer that carries a session also hands its CSRF token
 * to the HTTP layer, so later state-changing requests send it.
 */
import type {
  TChangePasswordRequest,
  TLoginRequest,
  TLoginResponse,
  TLogoutEverywhereResponse,
  TOkResponse,
  TSessionInfo,
  TSetupRequest,
  TSetupResponse,
  TSetupStatus,
  TTotpEnrolment,
} from '@contracts/auth.js';
import { ApiError, requestJson, setCsrfToken } from './http.js';

const AUTH = '/api/v1/auth';
const ACCOUNT = '/api/v1/account';

/** The signed-in session, or null for an anonymous visitor (the server answers 401). */
export async function fetchSession(signal?: AbortSignal): Promise<TSessionInfo | null> {
  try {
    const session = await requestJson<TSessionInfo>(`${AUTH}/me`, { signal, notifyUnauthorized: false });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** One step of sign-in: the password, then (when asked) the authenticator code. */
export async function login(request: TLoginRequest): Promise<TLoginResponse> {
  const answer = await requestJson<TLoginResponse>(`${AUTH}/login`, {
    method: 'POST',
    body: request,
    notifyUnauthorized: false,
    csrf: false,
  });
  if (answer.status === 'signed-in') setCsrfToken(answer.session.csrfToken);
  return answer;
}

/** Ends this session. */
export async function logout(): Promise<TOkResponse> {
  const answer = await requestJson<TOkResponse>(`${AUTH}/logout`, { method: 'POST', notifyUnauthorized: false });
  setCsrfToken(null);
  return answer;
}

/** Ends every session of the account, on all devices. */
export async function logoutEverywhere(): Promise<TLogoutEverywhereResponse> {
  const answer = await requestJson<TLogoutEverywhereResponse>(`${AUTH}/logout-everywhere`, { method: 'POST', notifyUnauthorized: false });
  setCsrfToken(null);
  return answer;
}

/** Whether the installation still waits for its first administrator. */
export function fetchSetupStatus(signal?: AbortSignal): Promise<TSetupStatus> {
  return requestJson(`${AUTH}/setup`, { signal, notifyUnauthorized: false });
}

/** Creates the first system administrator with the one-time setup token. */
export function completeSetup(request: TSetupRequest): Promise<TSetupResponse> {
  return requestJson(`${AUTH}/setup`, { method: 'POST', body: request, notifyUnauthorized: false, csrf: false });
}

/** Changes the signed-in account's own password (its other sessions end). */
export function changeOwnPassword(request: TChangePasswordRequest): Promise<TOkResponse> {
  return requestJson(`${ACCOUNT}/password`, { method: 'POST', body: request });
}

/** Starts binding an authenticator app: a new secret and its otpauth URI. */
export function startTotpEnrolment(): Promise<TTotpEnrolment> {
  return requestJson(`${ACCOUNT}/totp`, { method: 'POST' });
}

/** Finishes binding the authenticator with a code from it. */
export function confirmTotpEnrolment(code: string): Promise<TOkResponse> {
  return requestJson(`${ACCOUNT}/totp/confirm`, { method: 'POST', body: { code } });
}
