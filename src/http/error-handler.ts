/**
 * Every error leaves the server as RFC 9457 problem details. Domain codes map to statuses in
 * exactly one table; validation failures carry field paths; anything unexpected is logged with
 * the request id and answered as a generic 500 that leaks nothing.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { TProblem } from '../contracts/api.js';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { recordAccessDenied } from '../services/audit/record-access-denied.js';
import { isStorageFull } from '../services/operations/storage-full.js';
import { auditRefusal } from './refusal-audit.js';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation: 400,
  'malformed-file': 422,
  'unsupported-format': 415,
  'not-found': 404,
  conflict: 409,
  'stale-version': 409,
  'invalid-transition': 409,
  'rule-violated': 422,
  unauthenticated: 401,
  forbidden: 403,
  'rate-limited': 429,
  'too-large': 413,
};

const TITLES: Record<number, string> = {
  400: '请求有误',
  401: '需要登录',
  403: '无权访问',
  404: '未找到',
  405: '不允许的请求方法',
  409: '状态冲突',
  413: '请求内容过大',
  414: '请求地址过长',
  415: '不支持的格式',
  422: '无法处理的文件',
  429: '请求过于频繁',
  500: '服务器内部错误',
  507: '存储空间不足',
};

function problem(status: number, detail: string, request: FastifyRequest, extra: Partial<TProblem> = {}): TProblem {
  return {
    type: extra.code ? `https://quanze.dev/problems/${extra.code}` : 'about:blank',
    title: TITLES[status] ?? '请求失败',
    status,
    detail,
    instance: request.url,
    requestId: request.id,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: TProblem): FastifyReply {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Fastify's own refusals of a request body come in English: the same refusals in the language of every other message. */
const FRAMEWORK_DETAILS: Partial<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求内容不是有效的 JSON。',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求内容为空，但 Content-Type 声明为 application/json。',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持该请求内容类型（Content-Type）。',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求内容的长度与 Content-Length 不符。',
};

/** Fastify error handler producing problem+json; a signed-in account's refusals are audited. */
export async function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  if (error instanceof DomainError) {
    if (error.code === 'forbidden' && request.ctx) {
      await recordAccessDenied(request.ctx, {
        action: request.routeOptions.config?.action ?? null,
        method: request.method,
        path: request.url.split('?')[0] ?? request.url,
        reason: error.message,
      }).catch((auditError: unknown) => request.log.error({ err: auditError }, 'could not audit a refused request'));
    }
    const status = STATUS_BY_CODE[error.code];
    await auditRefusal(request, status, error.code, error.message);
    const errors = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return sendProblem(
      reply,
      problem(status, error.message, request, { code: error.code, ...(errors.length ? { errors } : {}), ...(error.details ?? {}) }),
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const errors = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? '取值无效',
    }));
    return sendProblem(reply, problem(400, '请求参数不符合要求，详见 errors。', request, { code: 'validation', errors }));
  }
  if (isStorageFull(error)) {
    // The write was rolled back whole; nothing to audit (there is no room for it) — the operator must free space.
    request.log.error({ err: error }, 'storage full: a write was refused');
    return sendProblem(
      reply,
      problem(507, '服务器存储空间已满，本次操作没有保存（此前已保存的数据不受影响）。请联系管理员清理磁盘空间后重试。', request, {
        code: 'storage-full',
      }),
    );
  }
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status < 500)
    await auditRefusal(request, status, status === 413 ? 'too-large' : status === 429 ? 'rate-limited' : undefined, error.message);
  if (status === 413) return sendProblem(reply, problem(413, '请求内容超过允许的大小。', request, { code: 'too-large' }));
  if (status === 429) return sendProblem(reply, problem(429, '请求过于频繁，请稍后再试。', request, { code: 'rate-limited' }));
  if (status < 500) return sendProblem(reply, problem(status, FRAMEWORK_DETAILS[error.code] ?? error.message, request));
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, problem(500, '服务器内部错误，请联系管理员并提供请求编号。', request));
}

/**
 * The router's own refusals, made before any hook or route runs: a URL whose percent-encoding is not
 * UTF-8 (`/api/v1/cases/%E5%90`) and a path parameter over the router's length limit. Fastify
 * answers them with its own JSON and error code unless told otherwise.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, problem(414, '请求地址中的参数过长。', request));
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(reply, problem(400, '请求地址的百分号编码无效。', request, { code: 'validation' }));
  }
  request.log.error({ err: error }, 'router error');
  return sendProblem(reply, problem(500, '服务器内部错误，请联系管理员并提供请求编号。', request));
}

/** 404 for unknown API routes. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, problem(404, `没有这个接口：${request.method} ${request.url.split('?')[0]}`, request, { code: 'not-found' }));
}
