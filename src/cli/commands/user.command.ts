/** `quanze user …`: scripted creation of the administrators and of business staff, listing accounts, resetting an authenticator. */
import { Command, InvalidArgumentError } from 'commander';
import { ROLE_LABELS } from '../../contracts/access.js';
import { ZDisplayName, ZUsername } from '../../contracts/auth.js';
import { getRolesOverview } from '../../services/roles/get-roles-overview.js';
import { type AdminRole, createAdminAccount } from '../../services/users/create-admin-account.js';
import { createStaffAccount, STAFF_ROLES, type StaffRole } from '../../services/users/create-staff-account.js';
import { findAccountId } from '../../services/users/find-account-id.js';
import { resetUserTotp } from '../../services/users/reset-user-totp.js';
import { action, withDatabase } from '../runtime.js';

const ADMIN_ROLES: readonly AdminRole[] = ['system-admin', 'security-admin', 'security-auditor'];

function parseWith<T>(schema: {
  safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}) {
  return (value: string): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]?.message ?? '取值无效');
    return parsed.data;
  };
}

function staffRole(value: string): StaffRole {
  if (!(STAFF_ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`应为 ${STAFF_ROLES.join('、')} 之一`);
  return value as StaffRole;
}

function adminRole(value: string): AdminRole {
  if (!(ADMIN_ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`应为 ${ADMIN_ROLES.join('、')} 之一`);
  return value as AdminRole;
}

/** Everything on stdin, without the final line break (`echo 'pw' | quanze … --password-stdin`). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function userCommand(): Command {
  const user = new Command('user').description('账号管理：脚本化创建管理员（三员）、查看账号、重置动态口令');

  user
    .command('create-admin')
    .description('创建管理员账号（默认系统管理员），授予其在机构及下级机构的角色，并打印身份验证器绑定 URI')
    .requiredOption('--username <name>', '用户名（字母、数字、点、下划线、连字符）', parseWith(ZUsername))
    .option('--display-name <name>', '姓名（默认按角色生成）', parseWith(ZDisplayName))
    .option('--role <role>', `角色：${ADMIN_ROLES.join(' | ')}`, adminRole, 'system-admin' as AdminRole)
    .option('--org <code>', '机构代码（默认 $QUANZE_ORG_CODE）')
    .option('--password-stdin', '从标准输入读取密码；不指定时生成随机密码（首次登录须修改）')
    .option('--json', '以 JSON 输出')
    .addHelpText(
      'after',
      `
说明:
  系统没有默认密码。三员（系统管理员、安全管理员、安全审计员）须由不同账号担任，且登录时必须使用动态口令：
  把打印出的 otpauth:// URI 交给账号本人，导入身份验证器（或生成二维码扫描），首次登录时输入其中的口令即完成绑定。

示例:
  quanze user create-admin --username admin
  printf '%s\\n' "$ADMIN_PASSWORD" | quanze user create-admin --username admin --password-stdin
  quanze user create-admin --username secadmin --display-name 张安全 --role security-admin
  quanze user create-admin --username auditor --role security-auditor --org lz --json`,
    )
    .action(
      action(
        async (opts: {
          username: string;
          displayName?: string;
          role: AdminRole;
          org?: string;
          passwordStdin?: boolean;
          json?: boolean;
        }) => {
          const password = opts.passwordStdin ? await readStdin() : undefined;
          const created = await withDatabase((ctx) =>
            createAdminAccount(ctx, {
              username: opts.username,
              displayName: opts.displayName,
              password,
              role: opts.role,
              orgCode: opts.org,
            }),
          );
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
            return;
          }
          const lines = [
            `已创建${ROLE_LABELS[created.role]}账号：${created.username}（机构 ${created.orgCode} 及下级机构）`,
            ...(created.generatedPassword ? [`初始密码（只显示这一次，首次登录后须修改）：${created.generatedPassword}`] : []),
            '身份验证器绑定 URI（导入验证器或生成二维码；首次登录时输入其中的 6 位口令）：',
            created.totpUri,
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
        },
      ),
    );

  user
    .command('create')
    .description('创建业务账号（执法人员、法制审核员、负责人、监察员）并授予角色，打印一次性密码')
    .requiredOption('--username <name>', '用户名（字母、数字、点、下划线、连字符）', parseWith(ZUsername))
    .requiredOption('--role <role>', `角色：${STAFF_ROLES.join(' | ')}`, staffRole)
    .option('--display-name <name>', '姓名（默认按角色生成）', parseWith(ZDisplayName))
    .option('--org <code>', '机构代码（默认 $QUANZE_ORG_CODE）')
    .option('--json', '以 JSON 输出')
    .addHelpText(
      'after',
      `
说明:
  供脚本化部署使用。密码随机生成、只显示这一次，首次登录后须修改；监察员的授权范围为本机构及下级机构。
  执法人员还须登记执法证（网页“管理 → 执法人员”）后才能承办案件。管理员（三员）请用 create-admin。

示例:
  quanze user create --username li.ming --display-name 李明 --role officer --org lz
  quanze user create --username sun.li --role supervisor --json`,
    )
    .action(
      action(async (opts: { username: string; role: StaffRole; displayName?: string; org?: string; json?: boolean }) => {
        const created = await withDatabase((ctx) =>
          createStaffAccount(ctx, { username: opts.username, displayName: opts.displayName, role: opts.role, orgCode: opts.org }),
        );
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
          return;
        }
        const scope = created.scope === 'subtree' ? '及下级机构' : '';
        process.stdout.write(
          `已创建${ROLE_LABELS[created.role]}账号：${created.username}（${created.displayName}，机构 ${created.orgCode}${scope}）\n` +
            `一次性密码（只显示这一次，首次登录后须修改）：${created.password}\n`,
        );
      }),
    );

  user
    .command('list')
    .description('列出账号及其角色')
    .option('--org <code>', '只列出该机构的账号')
    .option('--json', '以 JSON 输出')
    .addHelpText('after', '\n示例:\n  quanze user list\n  quanze user list --org lz --json')
    .action(
      action(async (opts: { org?: string; json?: boolean }) => {
        const overview = await withDatabase((ctx) => getRolesOverview(ctx));
        const users = opts.org ? overview.users.filter((u) => u.organisation.code === opts.org) : overview.users;
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
          return;
        }
        if (users.length === 0) {
          process.stdout.write('还没有任何账号。首次启动服务时控制台会打印初始化链接，或执行 quanze user create-admin。\n');
          return;
        }
        for (const u of users) {
          const roles =
            u.grants.map((g) => `${g.label}@${g.organisation.code}${g.scope === 'subtree' ? '+' : ''}`).join('、') || '（无角色）';
          const flags = [u.status === 'disabled' ? '已停用' : '', u.external ? '申请单位' : ''].filter(Boolean).join('，');
          process.stdout.write(`${u.username}\t${u.displayName}\t${u.organisation.code}\t${roles}${flags ? `\t${flags}` : ''}\n`);
        }
      }),
    );

  user
    .command('reset-totp')
    .description('清除账号的身份验证器（手机丢失时）；下次登录重新绑定。安全管理员、安全审计员的动态口令只能在此重置')
    .requiredOption('--username <name>', '用户名', parseWith(ZUsername))
    .addHelpText('after', '\n示例:\n  quanze user reset-totp --username auditor')
    .action(
      action(async (opts: { username: string }) => {
        const updated = await withDatabase(async (ctx) => resetUserTotp(ctx, await findAccountId(ctx, opts.username)));
        process.stdout.write(
          `已清除 ${updated.username} 的身份验证器，其全部会话已结束；三员账号下次登录时须重新绑定，其他账号可在“个人设置”中重新绑定。\n`,
        );
      }),
    );

  return user;
}
