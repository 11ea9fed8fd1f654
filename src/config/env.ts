/**
 * Configuration: one zod schema, parsed once at start. Server and CLI read the same variables.
 * A bad value stops the process with a readable message naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  QUANZE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => v.startsWith('postgres://') || v.startsWith('postgresql://') || v.startsWith('sqlite:'), {
      message: '应为 postgres://… 或 sqlite:文件路径 (must be postgres://… or sqlite:path)',
    })
    .optional(),
  QUANZE_ORG_CODE: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/)
    .default('lz'),
  QUANZE_SEED_LIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUANZE_AUDIT_HASH: z.enum(['sm3', 'sha256']).default('sm3'),
  QUANZE_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  QUANZE_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  QUANZE_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  QUANZE_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
});

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  /** organisation whose list the bundled file seeds and the public portal shows */
  orgCode: string;
  /** list imported at first start; defaults to the bundled Liuzhou list */
  seedList: string;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  auditHash: 'sm3' | 'sha256';
  /** behind a reverse proxy: trust X-Forwarded-For/-Proto (client address in the audit log, Secure cookie) */
  trustProxy: boolean;
  /** minutes without a request, and hours after sign-in, after which a session ends */
  sessionTimeouts: { idleMinutes: number; absoluteHours: number };
  /** sign-in attempts per client address per minute */
  loginRateLimitPerMinute: number;
}

/** Thrown for an invalid environment; the message lists every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The project root (where package.json and data/powerlists live), whatever the working directory. */
export const PROJECT_ROOT = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  import.meta.dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '.',
);

/** Parse the environment into the app's configuration. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置有误 (invalid configuration):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.QUANZE_DATA_DIR);
  let database: DatabaseTarget;
  if (!e.DATABASE_URL) database = { kind: 'sqlite', file: path.join(dataDir, 'quanze.db') };
  else if (e.DATABASE_URL.startsWith('sqlite:')) database = { kind: 'sqlite', file: path.resolve(e.DATABASE_URL.slice('sqlite:'.length)) };
  else database = { kind: 'postgres', url: e.DATABASE_URL };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    orgCode: e.QUANZE_ORG_CODE,
    seedList: e.QUANZE_SEED_LIST
      ? path.resolve(e.QUANZE_SEED_LIST)
      : path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv'),
    logLevel: e.LOG_LEVEL,
    auditHash: e.QUANZE_AUDIT_HASH,
    trustProxy: e.QUANZE_TRUST_PROXY === 'true',
    sessionTimeouts: { idleMinutes: e.QUANZE_SESSION_IDLE_MINUTES, absoluteHours: e.QUANZE_SESSION_ABSOLUTE_HOURS },
    loginRateLimitPerMinute: e.QUANZE_LOGIN_RATE_LIMIT,
  };
}
