/**
 * Every operation of the app's own OpenAPI document (method + path), with the JSON schemas of its
 * path and query parameters and of its JSON body: what the endpoint fuzzer generates requests from.
 * Read from the running app, so a new route is fuzzed without touching the fuzzer.
 */
import type { FastifyInstance } from 'fastify';

/** A JSON schema as @fastify/swagger emits it (draft-4 flavoured: `exclusiveMinimum: true`). */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  format?: string;
  pattern?: string;
  default?: unknown;
}

export interface OperationParameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** e.g. `POST /api/v1/cases/{id}/transitions` */
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path template with `{name}` placeholders */
  path: string;
  pathParams: OperationParameter[];
  queryParams: OperationParameter[];
  /** schema of an application/json body; null when the operation declares none */
  jsonBody: JsonSchema | null;
  /** declares multipart/form-data (the power-list upload) */
  multipart: boolean;
  /** media types of its 2xx answers */
  successTypes: string[];
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

interface OpenApiOperation {
  summary?: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  consumes?: string[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

/** The operations of the app's OpenAPI document, in document order. */
export function listOperations(app: FastifyInstance): Operation[] {
  const doc = app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>> };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const params = (where: string) =>
        (op.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} }));
      const content = op.requestBody?.content ?? {};
      const successTypes = Object.entries(op.responses ?? {})
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([, response]) => Object.keys(response.content ?? {}));
      const upper = method.toUpperCase() as Operation['method'];
      operations.push({
        key: `${upper} ${path}`,
        method: upper,
        path,
        pathParams: params('path'),
        queryParams: params('query'),
        jsonBody: content['application/json']?.schema ?? null,
        // The upload route reads its parts itself and declares no body schema, so the document shows no
        // multipart body for it: its summary (上传…) is what says so.
        multipart:
          content['multipart/form-data'] !== undefined ||
          (op.consumes ?? []).includes('multipart/form-data') ||
          (content['application/json'] === undefined && upper !== 'GET' && /上传/.test(op.summary ?? '')),
        successTypes,
      });
    }
  }
  return operations;
}
