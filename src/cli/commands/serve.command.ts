/** `quanze serve`: migrate, seed the bundled list on first start, serve the API and the web app. */
import { Command } from 'commander';
import { loadConfig } from '../../config/env.js';
import { gracefulShutdown } from '../../http/graceful-shutdown.js';
import { startServer } from '../../http/start-server.js';
import { action } from '../runtime.js';

export function serveCommand(): Command {
  return new Command('serve').description('启动服务：迁移数据库，首次启动时导入内置清单，在 $PORT（默认 3000）上提供网页和接口').action(
    action(async () => {
      const config = loadConfig();
      const server = await startServer(config);
      const where = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
      process.stdout.write(`Quanze 已启动：${server.url}  （数据库：${where}）\n`);
      const shutdown = gracefulShutdown({
        close: () => server.close(),
        log: (message, fields) => server.app.log.info(fields ?? {}, message),
        exit: (code) => process.exit(code),
        graceMs: config.shutdownGraceSeconds * 1000,
      });
      // `on`, not `once`: a second signal must reach the handler (it exits at once) instead of killing us mid-close.
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    }),
  );
}
