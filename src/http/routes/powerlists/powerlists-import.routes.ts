/**
 * Uploading a new version of a power list (POST /api/v1/powerlists/import): multipart/form-data
 * with the file in field `file` (at most 20 MB — more is a 413), and optional fields `org`
 * (organisation code, default the installation's) and `dryRun` ("true": check and diff, store nothing).
 */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZOrgCode } from '../../../contracts/access.js';
import { type TImportResponse, ZImportResponse } from '../../../contracts/powerlist-import.js';
import { DomainError, ERROR_CODES } from '../../../domain/errors.js';
import { importPowerList } from '../../../services/catalog/import-power-list.js';
import { problemResponses } from '../../problem-responses.js';

export interface PowerListImportRoutesOptions {
  orgCode: string;
}

const errors = problemResponses(400, 401, 403, 404, 409, 413, 415, 422);

/**
 * A multipart body the parser cannot read (cut off, no closing boundary) is the client's error: the
 * parser throws a plain Error for it, which answered 500 (found by the endpoint fuzzer). Our own
 * refusals and the plugin's limits (413, with a status) pass unchanged.
 */
function brokenUploadError(error: unknown): unknown {
  if (error instanceof DomainError || typeof (error as { statusCode?: unknown } | null)?.statusCode === 'number') return error;
  return new DomainError(ERROR_CODES.validation, '上传内容不完整或格式有误，无法读取，请重新上传。', {
    issues: [{ path: ['file'], message: '上传内容无法解析' }],
  });
}

export const powerListImportRoutes: FastifyPluginAsyncZod<PowerListImportRoutesOptions> = async (app, { orgCode }) => {
  app.post(
    '/import',
    {
      config: { action: 'powerlist.import' },
      schema: {
        tags: ['权责清单'],
        summary: '上传并导入清单文件（TSV、XLSX、JSON；最大 20 MB；dryRun=true 时只检查不写入）',
        consumes: ['multipart/form-data'],
        response: { 200: ZImportResponse, 201: ZImportResponse, ...errors },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new DomainError(ERROR_CODES.unsupportedFormat, '请以 multipart/form-data 上传清单文件（字段名 file）。');
      }
      let file: { name: string; bytes: Buffer } | undefined;
      const fields: Record<string, string> = {};
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || file !== undefined) {
              await part.toBuffer();
              throw new DomainError(ERROR_CODES.validation, '只能上传一个文件，字段名为 file。', {
                issues: [{ path: ['file'], message: '只能上传一个文件' }],
              });
            }
            // Throws a 413 once the file passes the limit; nothing is stored before that.
            file = { name: (part as MultipartFile).filename || 'upload', bytes: await part.toBuffer() };
          } else if (typeof part.value === 'string') {
            fields[part.fieldname] = part.value;
          }
        }
      } catch (error) {
        throw brokenUploadError(error);
      }
      if (file === undefined) {
        throw new DomainError(ERROR_CODES.validation, '请选择要导入的清单文件。', { issues: [{ path: ['file'], message: '缺少文件' }] });
      }
      const org = fields.org === undefined ? orgCode : ZOrgCode.safeParse(fields.org);
      if (typeof org !== 'string' && !org.success) {
        throw new DomainError(ERROR_CODES.validation, '机构代码格式不正确。', {
          issues: [{ path: ['org'], message: org.error.issues[0]?.message ?? '格式不正确' }],
        });
      }
      const dryRun = fields.dryRun === 'true';
      const targetOrg = typeof org === 'string' ? org : org.data;
      const result = await importPowerList(request.ctx, {
        orgCode: targetOrg,
        fileName: file.name,
        bytes: file.bytes,
        // The upload is not read again here: it moves to the parsing worker rather than being copied.
        handOverBytes: true,
        dryRun,
      });
      // Built as text: the findings of a 10,000-item list (60,000 of them, made and serialised by the
      // import's worker) would otherwise be parsed and validated again on the event loop.
      const head: Omit<TImportResponse, 'findings' | 'diff'> = {
        organisation: { code: targetOrg },
        versionNo: result.versionNo,
        dryRun: result.dryRun,
        format: result.format,
        encoding: result.encoding,
        title: result.title,
        itemCount: result.itemCount,
      };
      const body = Buffer.concat([
        Buffer.from(`${JSON.stringify(head).slice(0, -1)},"findings":`),
        ...result.findingsJson,
        Buffer.from(`,"diff":${JSON.stringify(result.diff)}}`),
      ]);
      return reply
        .code(dryRun ? 200 : 201)
        .type('application/json; charset=utf-8')
        .send(body as unknown as TImportResponse); // bytes are sent as they are, not serialised
    },
  );
};
