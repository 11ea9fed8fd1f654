/**
 * `quanze demo seed`: a living system for a newcomer's first start — the organisation's officers
 * with certificates (one expired, to show the check), a head, a legal reviewer and a supervisor,
 * each with a one-time password, and a dozen cases across all seven items in different steps, some
 * near or past their deadlines, one linked to the inspection that found it, one refused at night
 * and continued with a recorded reason. Every case is opened and moved by the real use cases
 * (openCase, transitionCase, linkCases) acting as the demo staff, with steps that happened earlier
 * recorded by `at` (within the 30 days the engine allows), so rules, deadlines, events and the audit
 * chain are exactly what real work produces.
 *
 * Only the system (the server's shell) may seed, and only a database without any case: demo cases
 * must never mix with real ones.
 */
import type { TRoleId } from '../../contracts/access.js';
import type { TCase } from '../../contracts/cases.js';
import type { RoleGrant } from '../../domain/access/roles.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import { hasAnyCase } from '../../store/repositories/cases.repository.js';
import { findUserByUsername } from '../../store/repositories/users.repository.js';
import { linkCases } from '../cases/link-cases.js';
import { loadCaseCalendar } from '../cases/load-case-calendar.js';
import { openCase } from '../cases/open-case.js';
import { transitionCase } from '../cases/transition-case.js';
import { type ServiceContext, type UserActor, withActor } from '../context.js';
import { registerOfficer } from '../officers/register-officer.js';
import { loadOrgTree, requireOrgByCode } from '../organisations/load-org-tree.js';
import { assignRole } from '../roles/assign-role.js';
import { generatePassword } from '../users/create-admin-account.js';
import { createUser } from '../users/create-user.js';

export type DemoRole = Extract<TRoleId, 'officer' | 'legal-reviewer' | 'head' | 'supervisor'>;

export interface DemoAccount {
  username: string;
  displayName: string;
  role: DemoRole;
  /** one-time: the account is asked to change it at first sign-in */
  password: string;
  /** the officer's certificate, for officers */
  certificate: { number: string; validTo: string } | null;
}

export interface DemoCase {
  id: string;
  number: string;
  itemNo: number;
  itemName: string;
  status: 'open' | 'closed';
  step: string | null;
  outcome: string | null;
}

export interface SeedDemoResult {
  orgCode: string;
  accounts: DemoAccount[];
  cases: DemoCase[];
}

interface PersonSpec {
  username: string;
  displayName: string;
  role: DemoRole;
  certificate?: { number: string; validTo: string };
}

const PEOPLE: readonly PersonSpec[] = [
  { username: 'demo.liming', displayName: '李明', role: 'officer', certificate: { number: '桂保执2024001', validTo: '2029-12-31' } },
  { username: 'demo.wangfang', displayName: '王芳', role: 'officer', certificate: { number: '桂保执2024002', validTo: '2029-12-31' } },
  { username: 'demo.chengang', displayName: '陈刚', role: 'officer', certificate: { number: '桂保执2023015', validTo: '2028-06-30' } },
  { username: 'demo.zhaomin', displayName: '赵敏', role: 'officer', certificate: { number: '桂保执2025003', validTo: '2030-12-31' } },
  // An expired certificate: the case page shows it, and the two-officer rule does not count it.
  { username: 'demo.liuqiang', displayName: '刘强', role: 'officer', certificate: { number: '桂保执2020008', validTo: '2025-12-31' } },
  { username: 'demo.huangjg', displayName: '黄建国', role: 'head' },
  { username: 'demo.zhoumh', displayName: '周敏华', role: 'legal-reviewer' },
  { username: 'demo.sunli', displayName: '孙立', role: 'supervisor' },
];

/** Usernames the demo creates, so that an operator can find (and disable) them later. */
export const DEMO_USERNAMES = PEOPLE.map((person) => person.username);

const COMPANY = { kind: 'organisation', name: '柳州某精密机械有限公司', creditCode: '91110108MA01XY7K9D' } as const;
const INSTITUTE = { kind: 'organisation', name: '柳州某研究所', creditCode: '12440300000000019G' } as const;
const GOVERNMENT_OFFICE = { kind: 'organisation', name: '柳州市某区人民政府办公室', creditCode: '914403000000004570' } as const;
const PERSON = { kind: 'person', name: '张某', idNumber: '11010420120101006X' } as const;

/** A demo account acting outside any session (the seed acts for the people it created). */
function actorOf(user: { id: string; displayName: string; username: string }, orgId: string, role: DemoRole): UserActor {
  const grant: RoleGrant = { role, orgId, scope: role === 'supervisor' ? 'subtree' : 'organisation' };
  return { kind: 'user', id: user.id, name: user.displayName, username: user.username, orgId, grants: [grant], sessionId: null };
}

/**
 * Seeds the demo. @throws DomainError 'forbidden' unless run by the system; 'conflict' when the database already has
 * cases or a demo username is taken.
 */
export async function seedDemo(ctx: ServiceContext, options: { orgCode?: string } = {}): Promise<SeedDemoResult> {
  if (ctx.actor.kind !== 'system') throw new DomainError(ERROR_CODES.forbidden, '只能在服务器命令行中生成演示数据。');
  if (await hasAnyCase(ctx.db)) {
    throw new DomainError(ERROR_CODES.conflict, '数据库中已有案件：演示数据只能在还没有任何案件的数据库中生成，以免与真实案件混在一起。');
  }
  for (const person of PEOPLE) {
    if (await findUserByUsername(ctx.db, person.username)) {
      throw new DomainError(ERROR_CODES.conflict, `用户名 ${person.username} 已被占用，演示数据可能已经生成过。`);
    }
  }
  const tree = await loadOrgTree(ctx.db);
  const org = requireOrgByCode(tree, options.orgCode ?? ctx.settings.homeOrgCode);

  // ---- people ------------------------------------------------------------------------------
  const accounts: DemoAccount[] = [];
  const actors = new Map<string, ServiceContext>();
  const officerIds = new Map<string, string>();
  for (const person of PEOPLE) {
    const password = generatePassword(person.username);
    const user = await createUser(ctx, { username: person.username, displayName: person.displayName, orgCode: org.code, password });
    await assignRole(ctx, {
      userId: user.id,
      role: person.role,
      orgCode: org.code,
      scope: person.role === 'supervisor' ? 'subtree' : 'organisation',
    });
    if (person.certificate) {
      const officer = await registerOfficer(ctx, {
        userId: user.id,
        certificateNumber: person.certificate.number,
        issuingBody: '广西壮族自治区人民政府',
        validFrom: '2020-01-01',
        validTo: person.certificate.validTo,
      });
      officerIds.set(person.username, officer.id);
    }
    actors.set(
      person.username,
      withActor(ctx, actorOf({ id: user.id, displayName: person.displayName, username: user.username }, org.id, person.role)),
    );
    accounts.push({
      username: user.username,
      displayName: person.displayName,
      role: person.role,
      password,
      certificate: person.certificate ?? null,
    });
  }
  const as = (username: string): ServiceContext => actors.get(username) as ServiceContext;
  const officer = (username: string): string => officerIds.get(username) as string;
  const li = as('demo.liming');
  const wang = as('demo.wangfang');
  const chen = as('demo.chengang');
  const zhao = as('demo.zhaomin');
  const reviewer = as('demo.zhoumh');
  const pairLiWang = [officer('demo.liming'), officer('demo.wangfang')];
  const pairChenZhao = [officer('demo.chengang'), officer('demo.zhaomin')];

  // ---- dates: working days back from today, Beijing time ------------------------------------
  const calendar = await loadCaseCalendar(ctx);
  const today = calendar.localDateOf(ctx.clock());
  const isWorkday = (date: string) => {
    const kind = calendar.supervision.dayKind(date).kind;
    if (kind === 'unknown') {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    }
    return kind === 'workday' || kind === 'adjusted-workday';
  };
  // The engine accepts steps recorded up to 30 days back; after a long holiday twenty working days reach further.
  const earliest = calendar.addDays(today, -28);
  /** the `n`-th working day before today (n > 0), or after it (n < 0); today itself for 0; never before `earliest` */
  const workday = (n: number): string => {
    let date = today;
    let left = Math.abs(n);
    while (left > 0) {
      date = calendar.addDays(date, n > 0 ? -1 : 1);
      if (isWorkday(date)) left -= 1;
    }
    if (date < earliest) return earliest;
    return date;
  };
  /** that day at `hour`:00 Beijing time, as an ISO instant with its offset */
  const at = (date: string, hour = 10) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
  // A step recorded "today at 10:00" must not lie in the future when the seed runs early in the morning.
  const nowIso = () => ctx.clock().toISOString();
  const notLater = (iso: string) => (Date.parse(iso) > ctx.clock().getTime() ? nowIso() : iso);

  const cases = new Map<string, TCase>();
  const open = async (key: string, actor: ServiceContext, request: Parameters<typeof openCase>[1]) => {
    cases.set(key, await openCase(actor, request));
  };
  const step = async (
    key: string,
    actor: ServiceContext,
    action: string,
    facts: Record<string, unknown>,
    when?: string,
    override?: { reason: string; rules: string[] },
  ) => {
    const current = cases.get(key) as TCase;
    try {
      const next = await transitionCase(actor, current.id, {
        action,
        expectedVersion: current.version,
        facts,
        ...(when ? { at: notLater(when) } : {}),
        ...(override ? { override } : {}),
      });
      cases.set(key, next);
    } catch (error) {
      // Say which demo step failed: the seed is fixed data, so this is a bug worth a precise report.
      if (error instanceof DomainError) {
        const refusals = (error.details?.refusals as { message: string }[] | undefined) ?? [];
        throw new DomainError(error.code, `演示案件 ${current.number} 办理“${action}”未成功：${error.message}`, {
          issues: [...error.issues, ...refusals.map((r) => ({ path: ['refusals'], message: r.message }))],
          cause: error,
        });
      }
      throw error;
    }
  };

  // 1 行政处罚, well on: filed, investigated, carriers registered, reviewed, notice served — the head decides next.
  {
    const [d20, d18, d17, d15, d4] = [workday(20), workday(18), workday(17), workday(15), workday(4)];
    await open('penalty-notice', li, {
      itemNo: 1,
      parties: [COMPANY],
      facts: { source: '监督检查发现', summary: '检查发现该公司技术人员私自留存本单位涉密图纸', discoveredOn: d20 },
      officerIds: pairLiWang,
    });
    await step('penalty-notice', li, 'file', { filedOn: d20, approvedBy: '黄建国' }, at(d20));
    await step(
      'penalty-notice',
      li,
      'record-investigation',
      { investigatedOn: d18, certificatesShown: true, records: '询问笔录两份、现场检查笔录一份、涉密图纸照片六张' },
      at(d18),
    );
    await step(
      'penalty-notice',
      wang,
      'register-carriers',
      {
        carriers: [
          { title: '某型号产品总装图', level: '机密', quantity: 3, source: '原工作单位', spread: '未发现扩散', measure: '已收缴封存' },
          { title: '某项目技术协议', level: '秘密', quantity: 1, source: '原工作单位', spread: '曾带回家中', measure: '已收缴封存' },
        ],
        inventoryIssuedOn: d17,
      },
      at(d17, 15),
    );
    await step(
      'penalty-notice',
      reviewer,
      'review',
      { reviewedOn: d15, proposal: '拟给予行政处罚', opinion: '事实清楚，证据确凿，程序合法，建议收缴载体并给予警告' },
      at(d15),
    );
    await step(
      'penalty-notice',
      li,
      'notify-party',
      { servedAt: at(d4, 9), method: '直接送达', proposedPenalty: '收缴国家秘密载体四件，警告', rightsStated: true },
      at(d4, 9),
    );
  }

  // 2 行政处罚, just filed: the investigation is next.
  {
    const d1 = workday(1);
    await open('penalty-new', chen, {
      itemNo: 1,
      parties: [PERSON],
      facts: { source: '举报', summary: '群众举报张某在网络二手平台出售疑似涉密文件', discoveredOn: d1 },
      officerIds: pairChenZhao,
    });
    await step('penalty-new', chen, 'file', { filedOn: d1, approvedBy: '黄建国' }, at(d1, 16));
  }

  // 3 行政处罚, not filed: closed with reasons and a basis.
  {
    const d6 = workday(6);
    await open('penalty-not-filed', zhao, {
      itemNo: 1,
      parties: [],
      facts: { source: '其他', summary: '来电反映某单位文件管理混乱', discoveredOn: d6 },
      officerIds: pairChenZhao,
    });
    await step('penalty-not-filed', zhao, 'not-file', { reasons: '经初步核查，所涉文件均不属于国家秘密载体', basisIndex: 0 }, at(d6, 15));
  }

  // 4 and 5 网络泄密信息删除: one deletion deadline already passed (红牌), one due tomorrow (黄牌).
  for (const [key, platform, deleteBy, found] of [
    ['network-overdue', '某论坛', workday(2), workday(5)],
    ['network-soon', '某网盘', workday(-1), workday(2)],
  ] as const) {
    await open(key, wang, { itemNo: 2, parties: [], facts: { foundOn: found, source: '网络巡查' }, officerIds: pairLiWang });
    await step(
      key,
      wang,
      'register-finding',
      {
        platform,
        operator: `${platform}运营公司`,
        locator: 'https://example.invalid/thread/1024',
        summary: '帖子附件疑含标有密级的内部文件',
        contentWithheld: true,
      },
      at(found),
    );
    await step(key, li, 'notify-operator', { servedAt: at(found, 14), method: '电子送达', deleteBy, keepRecords: true }, at(found, 14));
  }

  // 6 保密检查 with a finding, and 7 the 泄密隐患 case it opened, linked to it; the measure at night needed a reason.
  {
    const [d12, d10] = [workday(12), workday(10)];
    await open('inspection', chen, {
      itemNo: 4,
      parties: [INSTITUTE],
      facts: { plannedOn: d10, content: '保密工作责任制落实、涉密计算机和存储介质管理' },
      officerIds: pairChenZhao,
    });
    await step(
      'inspection',
      chen,
      'send-notice',
      { noticeAt: at(d12), method: '书面通知', inspectionOn: d10, inspectors: '陈刚、赵敏' },
      at(d12),
    );
    await step(
      'inspection',
      zhao,
      'inspect',
      {
        inspectedOn: d10,
        certificatesShown: true,
        items: ['保密工作责任制落实', '信息系统和信息设备管理', '国家秘密载体管理'],
        findings: '一台涉密计算机曾连接互联网；部分存储介质未登记',
        opinion: '立即断网，补登存储介质台账，限期整改',
        rectificationRequired: true,
        rectifyBy: workday(-2),
        seriousHazard: true,
      },
      at(d10),
    );
    await open('hazard', chen, {
      itemNo: 3,
      parties: [INSTITUTE],
      facts: { foundOn: d10, unit: INSTITUTE.name },
      officerIds: pairChenZhao,
    });
    const hazard = cases.get('hazard') as TCase;
    cases.set(
      'hazard',
      await linkCases(chen, hazard.id, { otherCaseId: (cases.get('inspection') as TCase).id, expectedVersion: hazard.version }),
    );
    await step(
      'hazard',
      chen,
      'record-hazard',
      { hazardType: '设备', description: '涉密计算机曾连接互联网', inspectedOn: d10, certificatesShown: true },
      at(d10, 11),
    );
    await step(
      'hazard',
      zhao,
      'notify-unit',
      { servedAt: at(d10, 15), method: '直接送达', measure: '责令停止使用', reasons: '存在泄密隐患', basisIndex: 0, rightsStated: true },
      at(d10, 15),
    );
    // 23:00: the night rule refuses unless a reason is given; the reason stays on the case as a finding.
    const night = `${d10}T23:00:00+08:00`;
    await step(
      'hazard',
      chen,
      'apply-measure',
      { executedAt: night, measure: '责令停止使用', basisIndex: 0, certificatesShown: true, rectifyBy: workday(-3) },
      night,
      { reason: '该计算机仍在向外发送数据，须连夜断网封存', rules: ['coercion-night-holiday'] },
    );
  }

  // 8 保密检查, planned: the notice goes out next.
  await open('inspection-planned', zhao, {
    itemNo: 4,
    parties: [{ kind: 'organisation', name: '柳州某通信设备有限公司', creditCode: '91110108MA01XY7K9D' }],
    facts: { plannedOn: workday(-3), content: '年度保密检查：涉密载体管理、保密教育培训' },
    officerIds: pairChenZhao,
  });

  // 9 泄密案件 under handling: the violation is established, the recommendation goes out next.
  {
    const [d9, d3] = [workday(9), workday(3)];
    await open('leak', li, {
      itemNo: 5,
      parties: [PERSON],
      facts: { receivedAt: at(d9, 9), source: '机关单位报告', unit: '柳州市某局' },
      officerIds: pairLiWang,
    });
    await step('leak', li, 'register-lead', { summary: '某局工作人员疑将涉密文件通过微信发送' }, at(d9, 11));
    await step(
      'leak',
      wang,
      'investigate',
      {
        mode: '直接调查',
        concludedOn: d3,
        certificatesShown: true,
        findings: '查实通过微信发送秘密级文件一份',
        violationEstablished: true,
      },
      at(d3),
    );
  }

  // 10 泄密案件 closed: nothing found.
  {
    const [d8, d7] = [workday(8), workday(7)];
    await open('leak-closed', zhao, {
      itemNo: 5,
      parties: [],
      facts: { receivedAt: at(d8, 9), source: '群众举报', unit: '某公司' },
      officerIds: pairChenZhao,
    });
    await step('leak-closed', zhao, 'register-lead', { summary: '举报某公司员工外泄内部资料' }, at(d8, 10));
    await step('leak-closed', chen, 'no-violation', { concludedOn: d7, reasons: '经调查，所涉资料不属于国家秘密' }, at(d7));
    await step('leak-closed', chen, 'close', { summary: '经调查未查实，予以结案', archivedOn: d7 }, at(d7, 16));
  }

  // 11 保密审查确定: registered, the head decides per item next.
  {
    const d2 = workday(2);
    await open('publication', wang, {
      itemNo: 6,
      parties: [GOVERNMENT_OFFICE],
      facts: { receivedAt: at(d2, 9), requestNo: '柳政办函〔2026〕15号' },
      officerIds: pairLiWang,
    });
    await step('publication', wang, 'register-request', { informationItems: ['重点项目清单', '应急预案全文'] }, at(d2, 10));
  }

  // 12 涉密信息系统审查, received days ago with no 一次性告知 yet: the completeness deadline runs out.
  {
    const d4 = workday(4);
    await open('system-overdue', li, {
      itemNo: 7,
      parties: [INSTITUTE],
      facts: { receivedAt: at(d4, 9), systemName: '某研究所涉密办公网' },
      officerIds: pairLiWang,
    });
  }

  // 13 涉密信息系统审查, accepted after one 补正, under review.
  {
    const [d7, d5, d2] = [workday(7), workday(5), workday(2)];
    await open('system-review', wang, {
      itemNo: 7,
      parties: [COMPANY],
      facts: { receivedAt: at(d7, 9), systemName: '某公司涉密研发网' },
      officerIds: pairLiWang,
    });
    await step('system-review', wang, 'request-correction', { noticeAt: at(d5), missing: ['系统测评报告'] }, at(d5));
    await step('system-review', li, 'accept', { acceptedOn: d2, checklistComplete: true }, at(d2));
  }

  return {
    orgCode: org.code,
    accounts,
    cases: [...cases.values()].map((kase) => ({
      id: kase.id,
      number: kase.number,
      itemNo: kase.item.no,
      itemName: kase.item.name,
      status: kase.status,
      step: kase.step?.name ?? null,
      outcome: kase.outcome,
    })),
  };
}
