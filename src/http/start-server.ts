/**
 * Start the product: open and migrate the database, seed the organisations and the bundled list on
 * first start, listen — and, while no account exists, print a one-time setup link to the console
 * (there is no default password). Used by `quanze serve` and the in-process test server.
 */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/env.js';
import { issueSetupLink, type SetupLink } from '../services/auth/issue-setup-link.js';
import { registerCaseDeadlineFollowUp } from '../services/cases/recompute-deadlines.js';
import { seedBundledList } from '../services/catalog/seed-bundled-list.js';
import { createContext, type ServiceContext, SYSTEM } from '../services/context.js';
import { type Db, openMigratedDatabase } from '../services/database-lifecycle.js';
import { seedLegalRegistry } from '../services/legal-sources/seed-legal-registry.js';
import { buildServer } from './server.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** the server's database, for tests that arrange rows the way an operator would */
  db: Db;
  close(): Promise<void>;
}

export interface StartServerOptions {
  webRoot?: string;
  /** the clock of the use cases (tests move it); the real one by default */
  clock?: () => Date;
  /** where the first-run setup link goes; printed to stdout by default */
  onSetupLink?: (link: SetupLink) => void;
}

/** Prints the setup link the way an operator sees it at first start. */
export function printSetupLink(link: SetupLink): void {
  process.stdout.write(
    [
      '',
      '┌─ 首次启动：尚未创建任何账号',
      '│  请在 24 小时内用浏览器打开下面的一次性链接，创建第一个系统管理员（系统没有默认密码）：',
      `│  ${link.url}`,
      `│  链接有效期至 ${link.expiresAt}（UTC）；过期后重新启动服务即可获得新链接。`,
      '│  从其他电脑打开时，把 localhost 换成本服务器的名称或地址，保留 #token= 之后的部分。',
      '│  登录后在“用户管理 › 三员初始化”中为安全管理员和安全审计员生成一次性邀请链接。',
      '│  也可在服务器上执行：quanze user create-admin --username <用户名>',
      '└─',
      '',
    ].join('\n'),
  );
}

/** Migrate, seed and listen on the configured port. */
export async function startServer(config: AppConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  registerCaseDeadlineFollowUp();
  const database = await openMigratedDatabase(config.database);
  let app: FastifyInstance | undefined;
  try {
    const systemCtx = (): ServiceContext =>
      createContext(database.db, SYSTEM, {
        ...(options.clock ? { clock: options.clock } : {}),
        settings: { homeOrgCode: config.orgCode, auditHash: config.auditHash, sessionTimeouts: config.sessionTimeouts },
      });
    const seeded = await seedBundledList(systemCtx(), config.orgCode, config.seedList);
    // After the organisations exist (seedBundledList creates them): the seed is audited on their chain.
    await seedLegalRegistry(systemCtx());
    app = await buildServer({
      db: database.db,
      orgCode: config.orgCode,
      logLevel: config.logLevel,
      auditHash: config.auditHash,
      sessionTimeouts: config.sessionTimeouts,
      loginRateLimitPerMinute: config.loginRateLimitPerMinute,
      trustProxy: config.trustProxy,
      metricsToken: config.metricsToken,
      ...(options.webRoot !== undefined ? { webRoot: options.webRoot } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    if (seeded)
      app.log.info(
        { version: seeded.versionNo, items: seeded.itemCount, findings: seeded.findingCount },
        'imported the bundled power list',
      );
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    const link = await issueSetupLink(systemCtx(), url);
    if (link) (options.onSetupLink ?? printSetupLink)(link);
    const running = app;
    return {
      app: running,
      url,
      db: database.db,
      close: async () => {
        await running.close();
        await database.close();
      },
    };
  } catch (error) {
    // Never leave a listening server on a closed database.
    await app?.close();
    await database.close();
    throw error;
  }
}
