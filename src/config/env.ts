/**
 * Configuration: one zod schema, parsed once at start. Server and CLI read the same variables.
 * A bad value stops the process with a readable message naming the variable.
 */
import net from 'node:net';
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
  QUANZE_TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => parseTrustProxy(v) !== undefined, {
      message:
        '应为 false、反向代理的层数（1–10）或代理地址列表（如 10.0.0.5,10.0.1.0/24）；不再接受 true：它让任何客户端都能用 X-Forwarded-For 伪造自己的地址 (false, a hop count 1–10, or a comma-separated list of proxy addresses/CIDRs; "true" lets any client forge its address)',
    }),
  QUANZE_AUDIT_SIGNING_KEY: z.string().min(1).optional(),
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
  QUANZE_METRICS_TOKEN: z.string().min(16, { message: '至少 16 个字符 (at least 16 characters)' }).optional(),
  QUANZE_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
});

/** Fastify's trustProxy in the forms we allow: off, a hop count, or a list of proxy addresses. */
export type TrustProxy = false | number | string[];

/** An address or CIDR block of a proxy, or one of proxy-addr's names (loopback, linklocal, uniquelocal). */
function isProxyAddress(text: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(text)) return true;
  const [address, bits, extra] = text.split('/');
  if (extra !== undefined || address === undefined) return false;
  const family = net.isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** QUANZE_TRUST_PROXY as Fastify's trustProxy, or undefined when the value is not allowed ("true" included). */
export function parseTrustProxy(value: string): TrustProxy | undefined {
  const v = value.trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops >= 1 && hops <= 10 ? hops : undefined;
  }
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return list.length > 0 && list.every(isProxyAddress) ? list : undefined;
}

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
  /**
   * Which reverse proxies to believe about X-Forwarded-For/-Proto (client address in the audit log
   * and the per-address sign-in limit, Secure cookie): false, the number of proxy hops in front of
   * the server, or the proxies' addresses/CIDRs. Never "everyone": that lets a client pick its address.
   */
  trustProxy: TrustProxy;
  /** the SM2 key file that signs audit checkpoints (must lie outside the data directory); null when not configured */
  auditSigningKeyFile: string | null;
  /** minutes without a request, and hours after sign-in, after which a session ends */
  sessionTimeouts: { idleMinutes: number; absoluteHours: number };
  /** sign-in attempts per client address per minute */
  loginRateLimitPerMinute: number;
  /** bearer token for /metrics from other hosts; null: only loopback connections may read it */
  metricsToken: string | null;
  /** seconds a stop signal waits for requests in flight before the process exits anyway */
  shutdownGraceSeconds: number;
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
    trustProxy: parseTrustProxy(e.QUANZE_TRUST_PROXY) ?? false,
    auditSigningKeyFile: e.QUANZE_AUDIT_SIGNING_KEY ? path.resolve(e.QUANZE_AUDIT_SIGNING_KEY) : null,
    sessionTimeouts: { idleMinutes: e.QUANZE_SESSION_IDLE_MINUTES, absoluteHours: e.QUANZE_SESSION_ABSOLUTE_HOURS },
    loginRateLimitPerMinute: e.QUANZE_LOGIN_RATE_LIMIT,
    metricsToken: e.QUANZE_METRICS_TOKEN ?? null,
    shutdownGraceSeconds: e.QUANZE_SHUTDOWN_GRACE_SECONDS,
  };
}
