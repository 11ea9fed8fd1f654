/**
 * The manifest written beside a backup's files: what engine it came from, when, and the size and
 * SHA-256 of every file — so a restore can refuse a copy that was cut short, altered or mixed with
 * another backup's files before it replaces anything.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'quanze-backup/1';

export const ZBackupManifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  engine: z.enum(['sqlite', 'postgres']),
  /** ISO 8601 UTC */
  createdAt: z.string(),
  /** the migrations the database had applied (a restore under an older release would lack some) */
  migrations: z.array(z.string()),
  files: z
    .array(
      z.object({
        name: z.string().regex(/^[A-Za-z0-9._-]+$/),
        bytes: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1),
});
export type TBackupManifest = z.infer<typeof ZBackupManifest>;

/** SHA-256 of a file, streamed (a database can be larger than we want in memory). */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Reads and checks a backup folder's manifest against its files; throws naming every mismatch. */
export async function readVerifiedManifest(dir: string): Promise<TBackupManifest> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(manifestPath))
    throw new DomainError(ERROR_CODES.validation, `${dir} 中没有备份清单 ${MANIFEST_FILE}，不是 quanze backup 生成的备份。`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch {
    throw new DomainError(ERROR_CODES.validation, `备份清单 ${manifestPath} 不是有效的 JSON。`);
  }
  const parsed = ZBackupManifest.safeParse(raw);
  if (!parsed.success)
    throw new DomainError(ERROR_CODES.validation, `备份清单 ${manifestPath} 格式不符：${parsed.error.issues[0]?.message ?? ''}`);
  const problems: { path: string[]; message: string }[] = [];
  for (const file of parsed.data.files) {
    const where = path.join(dir, file.name);
    if (!fs.existsSync(where)) {
      problems.push({ path: ['files', file.name], message: '文件缺失' });
      continue;
    }
    const bytes = fs.statSync(where).size;
    if (bytes !== file.bytes)
      problems.push({ path: ['files', file.name], message: `大小不符：清单 ${file.bytes} 字节，实际 ${bytes} 字节` });
    else if ((await sha256OfFile(where)) !== file.sha256)
      problems.push({ path: ['files', file.name], message: 'SHA-256 不符：文件已被改动或损坏' });
  }
  if (problems.length > 0) {
    throw new DomainError(ERROR_CODES.validation, '备份文件与备份清单不符，拒绝恢复。', { issues: problems });
  }
  return parsed.data;
}
