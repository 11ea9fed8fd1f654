/**
 * `quanze audit verify`: recompute the hash chains of the audit log and name the first broken
 * record; with `--checkpoints FILE`, also check them against signed checkpoints kept outside the
 * database. `quanze audit keygen` makes the SM2 signing key and `quanze audit checkpoint` writes a
 * signed checkpoint (run it periodically, e.g. from cron, and keep the file offline).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../../config/env.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import {
  formatSigningKey,
  generateSigningKey,
  parsePublicKey,
  parseSigningKey,
  type SigningKey,
} from '../../services/audit/signing-key.js';
import { takeAuditCheckpoint } from '../../services/audit/take-audit-checkpoint.js';
import { type CheckpointVerdict, verifyAuditCheckpoints } from '../../services/audit/verify-audit-checkpoints.js';
import { verifyAuditLog } from '../../services/audit/verify-audit-log.js';
import { action, EXIT, withDatabase } from '../runtime.js';

export function auditCommand(): Command {
  const audit = new Command('audit').description('审计日志：校验哈希链 (verify the tamper-evident audit log)');

  audit
    .command('verify')
    .description('逐条重新计算审计记录的哈希和链接，指出第一条被修改、删除或调换顺序的记录；链断开时退出码为 1')
    .option('--org <code>', '只校验该机构的审计链（默认全部机构）')
    .option('--checkpoints <file>', '再用签名检查点文件核对：发现被截断或重新计算的审计链')
    .option('--public-key <hex>', '核对检查点所用的 SM2 公钥（默认取 QUANZE_AUDIT_SIGNING_KEY 密钥文件的公钥）')
    .option('--json', '以 JSON 输出校验结果')
    .addHelpText(
      'after',
      `
示例:
  quanze audit verify
  quanze audit verify --org lz
  quanze audit verify --checkpoints /mnt/offline/quanze-checkpoints.jsonl
  quanze audit verify --json > verify.json || echo "审计链已被篡改"`,
    )
    .action(
      action(async (opts: { org?: string; json?: boolean; checkpoints?: string; publicKey?: string }) => {
        const checkpointInput = opts.checkpoints ? readCheckpointInput(opts.checkpoints, opts.publicKey) : null;
        const { result, checkpoints } = await withDatabase(async (ctx) => ({
          result: await verifyAuditLog(ctx, { orgCode: opts.org }),
          checkpoints: checkpointInput ? await verifyAuditCheckpoints(ctx, checkpointInput) : null,
        }));
        const ok = result.ok && (checkpoints?.ok ?? true);
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...result, ok, ...(checkpoints ? { checkpoints } : {}) }, null, 2)}\n`);
        else {
          for (const chain of result.chains) {
            const mark = chain.ok ? '完整' : '断开';
            const where = chain.ok
              ? ''
              : `  第一条断开的记录：序号 ${chain.brokenAt ?? '—'}${chain.recordId ? `，编号 ${chain.recordId}` : ''}`;
            process.stdout.write(`${terminalSafe(`[${mark}] ${chain.organisation.code} ${chain.message}${where ? `\n${where}` : ''}`)}\n`);
          }
          if (checkpoints) printCheckpointVerdict(checkpoints);
          process.stdout.write(ok ? '审计日志校验通过。\n' : '审计日志校验未通过：记录被修改、删除、调换了顺序或被重新计算。\n');
        }
        if (!ok) process.exitCode = EXIT.findings;
      }),
    );

  audit
    .command('keygen')
    .description('生成签署审计检查点的 SM2 密钥文件（须放在数据目录之外，仅运维人员可读）')
    .requiredOption('--out <file>', '密钥文件路径（不存在的新文件，在数据目录之外）')
    .action(
      action(async (opts: { out: string }) => {
        const file = path.resolve(opts.out);
        refuseInsideDataDir(file, '签名密钥文件');
        const key = generateSigningKey();
        // 'wx': never overwrite an existing key (checkpoints signed with it would become unverifiable).
        fs.writeFileSync(file, formatSigningKey(key), { mode: 0o600, flag: 'wx' });
        process.stdout.write(
          `已生成 SM2 签名密钥：${file}\n公钥（请另行抄存，核对检查点时可用 --public-key 指定）：\n${key.publicKey}\n` +
            `请在环境变量中设置 QUANZE_AUDIT_SIGNING_KEY=${file}\n`,
        );
      }),
    );

  audit
    .command('checkpoint')
    .description('生成一个 SM2 签名的审计链检查点：各机构链头先登记到上级机构的审计链，再签名；追加写入文件，供离线保存')
    .option('--out <file>', '追加写入的检查点文件（默认输出到标准输出）；应在数据目录之外，并定期复制到离线介质')
    .option('--key <file>', '签名密钥文件（默认 QUANZE_AUDIT_SIGNING_KEY）')
    .option('--every <minutes>', '持续运行，每隔若干分钟生成一个检查点（需同时指定 --out；收到 SIGTERM/SIGINT 时停止）')
    .addHelpText(
      'after',
      `
示例:
  0 * * * *  quanze audit checkpoint --out /srv/quanze-checkpoints/checkpoints.jsonl   # cron，每小时
  quanze audit checkpoint --out /srv/quanze-checkpoints/checkpoints.jsonl --every 60     # 常驻（systemd 服务）`,
    )
    .action(
      action(async (opts: { out?: string; key?: string; every?: string }) => {
        const key = readSigningKey(opts.key);
        const out = opts.out ? path.resolve(opts.out) : null;
        if (out) refuseInsideDataDir(out, '检查点文件');
        const every = opts.every === undefined ? null : Number(opts.every);
        if (every !== null && (!Number.isInteger(every) || every < 1 || every > 24 * 60 || out === null)) {
          throw new DomainError(ERROR_CODES.validation, '--every 应为 1–1440 之间的整数分钟，并且需要 --out。');
        }
        const take = async () => {
          const checkpoint = await withDatabase((ctx) => takeAuditCheckpoint(ctx, { key }));
          const line = `${JSON.stringify(checkpoint)}\n`;
          if (out === null) process.stdout.write(line);
          else {
            fs.appendFileSync(out, line, { mode: 0o644 });
            const heads = checkpoint.heads.map((h) => `${h.orgCode}#${h.seq}`).join('，');
            process.stdout.write(`已追加检查点（${checkpoint.at}；${heads}）到 ${out}\n`);
          }
        };
        await take();
        if (every === null) return;
        // Periodic mode: one checkpoint per interval until stopped; a failed run is reported and retried next time.
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => {
            take().catch((error: unknown) => process.stderr.write(`检查点生成失败：${(error as Error).message}\n`));
          }, every * 60_000);
          const stop = () => {
            clearInterval(timer);
            resolve();
          };
          process.once('SIGTERM', stop);
          process.once('SIGINT', stop);
        });
      }),
    );

  return audit;
}

function printCheckpointVerdict(verdict: CheckpointVerdict): void {
  const mark = verdict.ok ? '完整' : '不符';
  const latest = verdict.latestAt ? `，最新 ${verdict.latestAt}` : '';
  process.stdout.write(`[${mark}] 检查点：核对了 ${verdict.checkpoints} 个签名有效的检查点、${verdict.heads} 个链头${latest}。\n`);
  for (const finding of verdict.findings) process.stdout.write(`${terminalSafe(`  ${finding.message}`)}\n`);
}

/** The checkpoint file's text and the public key to trust (given, or the key file's). */
function readCheckpointInput(file: string, publicKey: string | undefined): { fileText: string; trustedPublicKey: string } {
  const fileText = fs.readFileSync(path.resolve(file), 'utf8');
  if (publicKey !== undefined) {
    try {
      return { fileText, trustedPublicKey: parsePublicKey(publicKey) };
    } catch (error) {
      throw new DomainError(ERROR_CODES.validation, (error as Error).message, {
        issues: [{ path: ['--public-key'], message: '公钥格式不对' }],
      });
    }
  }
  return { fileText, trustedPublicKey: readSigningKey(undefined).publicKey };
}

/** The signing key from --key or QUANZE_AUDIT_SIGNING_KEY, refused when it lies inside the data directory. */
function readSigningKey(given: string | undefined): SigningKey {
  const config = loadConfig();
  const file = given ? path.resolve(given) : config.auditSigningKeyFile;
  if (file === null) {
    throw new DomainError(
      ERROR_CODES.validation,
      '没有配置签名密钥：请设置 QUANZE_AUDIT_SIGNING_KEY（或用 --key / --public-key 指定）；密钥用 quanze audit keygen 生成。',
    );
  }
  refuseInsideDataDir(file, '签名密钥文件');
  try {
    return parseSigningKey(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error;
    throw new DomainError(ERROR_CODES.validation, `${file}：${(error as Error).message}`);
  }
}

/**
 * Refuses a path inside the data directory (or beside the SQLite file): whoever can rewrite the
 * database there could take the key or the checkpoints with it, which would make them worthless.
 */
function refuseInsideDataDir(file: string, what: string): void {
  const config = loadConfig();
  const dirs = [config.dataDir];
  if (config.database.kind === 'sqlite') dirs.push(path.dirname(config.database.file));
  const real = realPathOfParent(file);
  for (const dir of dirs.map(realPathOfParent)) {
    const rel = path.relative(dir, real);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
      throw new DomainError(
        ERROR_CODES.validation,
        `${what}不能放在数据目录（${dir}）之内：拿到数据库文件的人不能同时拿到它。请放到其他位置。`,
      );
    }
  }
}

/** The path with its existing folders' symbolic links resolved (the file itself may not exist yet). */
function realPathOfParent(file: string): string {
  const resolved = path.resolve(file);
  try {
    return fs.realpathSync(resolved);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(resolved)), path.basename(resolved));
    } catch {
      return resolved;
    }
  }
}

/**
 * Text from the database made safe for a terminal: names stored before input was cleaned may hold
 * NUL, escape sequences or bidirectional overrides, which must not reach the operator's terminal.
 * Line feeds of our own messages are kept.
 */
function terminalSafe(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing them is the point
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
