/**
 * `npm run test:fuzz`: the long fuzz run (issue 10). Every operation of the OpenAPI document gets
 * FUZZ_RUNS generated and mutated requests (default 10,000) shared over every role, then the file
 * fuzzers (importer and citation parser) run with FUZZ_FILE_RUNS cases per property. Prints the
 * per-operation counts and status histograms, totals, duration and the seed (SEED=… reproduces a
 * run); exits non-zero on any failure. SQLite by default; PostgreSQL with FUZZ_PG=1 and
 * QUANZE_TEST_PG_URL set. The operations are shared over FUZZ_WORKERS processes (default: the
 * machine's cores), each with its own databases; FUZZ_ONLY=<regex> picks operations.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { type EndpointFuzzReport, formatStatuses, fuzzEndpoints } from './endpoint-fuzz.js';

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const runs = envInt('FUZZ_RUNS', 10_000);
const fileRuns = envInt('FUZZ_FILE_RUNS', Math.max(1, Math.round(runs / 5)));
const seed = process.env.SEED !== undefined && Number.isInteger(Number(process.env.SEED)) ? Number(process.env.SEED) : Date.now() % 2 ** 31;
const dialect = process.env.FUZZ_PG === '1' && process.env.QUANZE_TEST_PG_URL ? 'postgres' : 'sqlite';
const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
const workers = envInt('FUZZ_WORKERS', os.availableParallelism());
const shardSpec = process.env.FUZZ_SHARD; // "i/n": a worker of a parallel run

async function runShard(index: number, count: number): Promise<EndpointFuzzReport> {
  return fuzzEndpoints({
    runsPerOperation: runs,
    seed,
    dialect,
    worldPer: 'group',
    shard: { index, count },
    ...(only ? { only } : {}),
    log: (line) => console.log(line),
  });
}

/** Runs the shards as child processes and merges their reports. */
async function runParallel(count: number): Promise<EndpointFuzzReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-fuzz-'));
  const started = performance.now();
  const children = Array.from({ length: count }, (_, index) => {
    const reportFile = path.join(dir, `shard-${index}.json`);
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, SEED: String(seed), FUZZ_SHARD: `${index}/${count}`, FUZZ_REPORT: reportFile },
    });
    return new Promise<EndpointFuzzReport>((resolve) => {
      child.on('exit', (code) => {
        if (fs.existsSync(reportFile)) resolve(JSON.parse(fs.readFileSync(reportFile, 'utf8')) as EndpointFuzzReport);
        else {
          // A worker that died is a failure of the run, reported with the others (its output above says why).
          const failure = {
            operation: `worker ${index}/${count}`,
            actor: '-',
            seed,
            path: '',
            request: '-',
            error: `ended with ${code} before its report`,
          };
          resolve({ seed, operations: [], totalRequests: 0, statuses: {}, durationMs: 0, failures: [failure], repairs: [], actors: [] });
        }
      });
    });
  });
  const reports = await Promise.all(children);
  fs.rmSync(dir, { recursive: true, force: true });
  const merged: EndpointFuzzReport = {
    seed,
    operations: reports.flatMap((r) => r.operations),
    totalRequests: reports.reduce((n, r) => n + r.totalRequests, 0),
    statuses: {},
    durationMs: Math.round(performance.now() - started),
    failures: reports.flatMap((r) => r.failures),
    repairs: reports.flatMap((r) => r.repairs),
    actors: reports.find((r) => r.actors.length > 0)?.actors ?? [],
  };
  for (const r of reports)
    for (const [status, n] of Object.entries(r.statuses)) merged.statuses[status] = (merged.statuses[status] ?? 0) + n;
  return merged;
}

if (shardSpec) {
  // A worker: run the share, hand the report to the parent.
  const [index, count] = shardSpec.split('/').map(Number) as [number, number];
  const report = await runShard(index, count);
  fs.writeFileSync(process.env.FUZZ_REPORT ?? path.join(os.tmpdir(), `quanze-fuzz-${index}.json`), JSON.stringify(report));
} else {
  console.log(
    `endpoint fuzz: ${runs} requests per operation, seed ${seed}, ${dialect}, ${workers} worker(s)${only ? `, only ${only}` : ''}`,
  );
  const report = workers > 1 ? await runParallel(workers) : await runShard(0, 1);

  console.log('');
  console.log(`actors: ${report.actors.join(', ')}`);
  console.log(`operations: ${report.operations.length}`);
  const counts = report.operations.length > 0 ? report.operations.map((o) => o.requests) : [0];
  console.log(`requests: ${report.totalRequests} (per operation ${Math.min(...counts)}–${Math.max(...counts)})`);
  console.log(`statuses: ${formatStatuses(report.statuses)}`);
  console.log(
    `duration: ${(report.durationMs / 1000).toFixed(1)} s (${Math.round(report.totalRequests / (report.durationMs / 1000))} requests/s)`,
  );
  console.log(`seed: ${seed}`);
  console.log(`sessions a fuzzed request ended or broke (repaired): ${report.repairs.length}`);
  for (const line of report.repairs.slice(0, 20)) console.log(`  ${line}`);
  console.log(`failures: ${report.failures.length}`);
  for (const f of report.failures) {
    console.log(
      `- ${f.operation} as ${f.actor} (seed ${f.seed}, path ${f.path})\n  request: ${f.request}\n  ${f.error.split('\n').join('\n  ')}`,
    );
  }

  let filesFailed = false;
  if (process.env.FUZZ_SKIP_FILES !== '1') {
    console.log(`\nfile fuzz: importer and citation parser, ${fileRuns} cases per property`);
    const started = performance.now();
    const result = spawnSync(
      'npx',
      [
        'vitest',
        'run',
        '--project',
        'unit',
        'src/io/power-list-tsv.fuzz.test.ts',
        'src/io/power-list-files.fuzz.test.ts',
        'src/io/citation-parser.fuzz.test.ts',
        // thousands of cases per property take longer than the suite's per-test limit
        '--testTimeout=3600000',
      ],
      {
        cwd: PROJECT_ROOT,
        stdio: 'inherit',
        env: { ...process.env, QUANZE_PROPERTY_RUNS: String(fileRuns), QUANZE_PROPERTY_SEED: String(seed) },
      },
    );
    filesFailed = result.status !== 0;
    console.log(`file fuzz: ${filesFailed ? 'FAILED' : 'passed'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  process.exitCode = report.failures.length > 0 || filesFailed ? 1 : 0;
}
