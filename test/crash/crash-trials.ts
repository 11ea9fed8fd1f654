/**
 * `npm run test:crash`: crash trials. The product runs as a child process (`quanze serve`); 32 HTTP
 * clients open cases and take them a step further (立案) as fast as they can; at a random moment the
 * child is killed with SIGKILL, restarted on the same database, and checked:
 *
 * - every write the server acknowledged (2xx) is there: each opened case exists, each acknowledged
 *   transition's version is reached;
 * - nothing unacknowledged is half-written: every case row has its events and audit records (an
 *   event count that matches its version, and one audit record per event);
 * - the audit chains verify (`verifyAuditLog`).
 *
 * TRIALS (default 20) trials on SQLite, and as many on PostgreSQL when QUANZE_TEST_PG_URL is set.
 * SEED makes the kill moments reproducible. `CRASH_SHORT=1` runs 3 trials on SQLite (for `npm test`).
 *
 *   npm run test:crash
 *   TRIALS=5 SEED=42 npx tsx test/crash/crash-trials.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyAuditLog } from '../../src/services/audit/verify-audit-log.js';
import { openMigratedDatabase } from '../../src/services/database-lifecycle.js';
import { type SignedIn, systemContext } from '../helpers/access-fixtures.js';
import { caseWriteCounts } from '../helpers/case-fixtures.js';
import { type ChildTarget, freshChildTarget, prepareTeam, shanghaiToday, startServeChild, type Team } from '../helpers/serve-child.js';

type Target = ChildTarget;

const SHORT = process.env.CRASH_SHORT === '1';
const TRIALS = Number(process.env.TRIALS ?? (SHORT ? 3 : 20));
const CLIENTS = 32;
let seed = Number(process.env.SEED ?? Date.now() % 100_000);
const firstSeed = seed;

/** mulberry32: reproducible kill moments from SEED. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** One client: open a case, take it one step (立案), again, until the server goes away. */
async function client(url: string, session: SignedIn, team: Team, acked: Map<string, number>, stop: { stopped: boolean }) {
  const headers = { ...session.headers, 'content-type': 'application/json' };
  const today = shanghaiToday();
  while (!stop.stopped) {
    try {
      const opened = await fetch(`${url}/api/v1/cases`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          itemNo: 1,
          parties: [{ kind: 'organisation', name: '某科技有限公司', creditCode: '91110108MA01XY7K9D' }],
          facts: { source: '举报', summary: '崩溃试验', discoveredOn: today },
          officerIds: team.officerIds,
        }),
      });
      const body = (await opened.json()) as { id?: string; version?: number };
      if (opened.status !== 201 || !body.id || body.version === undefined) continue;
      acked.set(body.id, body.version);
      const moved = await fetch(`${url}/api/v1/cases/${body.id}/transitions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ action: 'file', expectedVersion: body.version, facts: { filedOn: today, approvedBy: '局长' } }),
      });
      const after = (await moved.json()) as { version?: number };
      if (moved.status === 200 && after.version !== undefined) acked.set(body.id, after.version);
    } catch {
      // The server was killed under this request: it was not acknowledged.
      return;
    }
  }
}

interface Verdict {
  acked: number;
  /** acknowledged transitions (cases acknowledged beyond their opening version) */
  ackedSteps: number;
  missing: string[];
  halfWritten: string[];
  chainsOk: boolean;
  cases: number;
}

async function check(target: Target, acked: Map<string, number>): Promise<Verdict> {
  const database = await openMigratedDatabase(target);
  try {
    const db = database.db;
    const missing: string[] = [];
    const rows = await db.selectFrom('cases').select(['id', 'version']).execute();
    const versions = new Map(rows.map((r) => [r.id, Number(r.version)]));
    for (const [id, version] of acked) {
      const stored = versions.get(id);
      if (stored === undefined || stored < version) missing.push(`${id}: acknowledged v${version}, stored ${stored ?? 'nothing'}`);
    }
    const { events: eventCount, audits: auditCount } = await caseWriteCounts(db);
    const halfWritten: string[] = [];
    for (const [id, version] of versions) {
      const n = eventCount.get(id) ?? 0;
      const a = auditCount.get(id) ?? 0;
      if (n !== version || a < n) halfWritten.push(`${id}: version ${version}, ${n} events, ${a} audit records`);
    }
    const verdict = await verifyAuditLog(systemContext(db));
    const ackedSteps = [...acked.values()].filter((v) => v > 1).length;
    return { acked: acked.size, ackedSteps, missing, halfWritten, chainsOk: verdict.ok, cases: versions.size };
  } finally {
    await database.close();
  }
}

async function trials(kind: Target['kind']): Promise<boolean> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-crash-'));
  const { target, drop } = await freshChildTarget(kind, dir, 'quanze_crash');
  let ok = true;
  let totalAcked = 0;
  try {
    // One session per client (two officers): a session's requests are not what is under test.
    const team = await prepareTeam(target, { officers: 2, sessionsPerOfficer: CLIENTS / 2 });
    for (let trial = 1; trial <= TRIALS; trial++) {
      const { url, child } = await startServeChild(target, dir);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const acked = new Map<string, number>();
      const stop = { stopped: false };
      const clients = team.sessions.map((session) => client(url, session, team, acked, stop));
      // The kill comes at a random moment of the run: some writes done, some in flight.
      const killAfterMs = 300 + Math.floor(random() * 2700);
      await new Promise((resolve) => setTimeout(resolve, killAfterMs));
      child.kill('SIGKILL');
      await exited;
      stop.stopped = true;
      await Promise.all(clients);
      const verdict = await check(target, acked);
      totalAcked += verdict.acked;
      const good = verdict.missing.length === 0 && verdict.halfWritten.length === 0 && verdict.chainsOk;
      ok &&= good;
      console.log(
        `${kind} trial ${String(trial).padStart(2)}: killed after ${killAfterMs} ms, ${verdict.acked} cases and ${verdict.ackedSteps} transitions acknowledged, ${verdict.cases} cases in the database, ` +
          `${verdict.missing.length} acknowledged writes missing, ${verdict.halfWritten.length} half-written, audit chains ${verdict.chainsOk ? 'verify' : 'BROKEN'}${good ? '' : '  ← FAILED'}`,
      );
      for (const line of [...verdict.missing, ...verdict.halfWritten].slice(0, 5)) console.log(`    ${line}`);
    }
  } finally {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${kind}: ${TRIALS} trials, ${totalAcked} acknowledged cases in all — ${ok ? 'all checks passed' : 'FAILURES'}`);
  return ok;
}

console.log(`crash trials: ${TRIALS} per database, ${CLIENTS} clients, SEED=${firstSeed}, Node ${process.version}`);
const kinds: Target['kind'][] = SHORT || !process.env.QUANZE_TEST_PG_URL ? ['sqlite'] : ['sqlite', 'postgres'];
let allOk = true;
for (const kind of kinds) allOk = (await trials(kind)) && allOk;
process.exit(allOk ? 0 : 1);
