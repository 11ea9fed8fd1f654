/**
 * `npm run test:fuzz`: the long fuzz run (issue 10). Every operation of the OpenAPI document gets
 * FUZZ_RUNS generated and mutated requests (default 10,000) shared over every role, then the file
 * fuzzers (importer and citation parser) run with FUZZ_FILE_RUNS cases per property. Prints the
 * per-operation counts and status histograms, totals, duration and the seed (SEED=… reproduces a
 * run); exits non-zero on any failure. SQLite by default; PostgreSQL with FUZZ_PG=1 and
 * QUANZE_TEST_PG_URL set.
 */
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/config/env.js';
import { formatStatuses, fuzzEndpoints } from './endpoint-fuzz.js';

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const runs = envInt('FUZZ_RUNS', 10_000);
const fileRuns = envInt('FUZZ_FILE_RUNS', Math.max(1, Math.round(runs / 2)));
const seed = process.env.SEED !== undefined && Number.isInteger(Number(process.env.SEED)) ? Number(process.env.SEED) : Date.now() % 2 ** 31;
const dialect = process.env.FUZZ_PG === '1' && process.env.QUANZE_TEST_PG_URL ? 'postgres' : 'sqlite';
const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
const skipFiles = process.env.FUZZ_SKIP_FILES === '1';

console.log(`endpoint fuzz: ${runs} requests per operation, seed ${seed}, ${dialect}${only ? `, only ${only}` : ''}`);
const report = await fuzzEndpoints({
  runsPerOperation: runs,
  seed,
  dialect,
  worldPer: 'group',
  ...(only ? { only } : {}),
  log: (line) => console.log(line),
});

console.log('');
console.log(`actors: ${report.actors.join(', ')}`);
console.log(`operations: ${report.operations.length}`);
console.log(`requests: ${report.totalRequests} (min per operation ${Math.min(...report.operations.map((o) => o.requests))})`);
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
if (!skipFiles) {
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
    ],
    { cwd: PROJECT_ROOT, stdio: 'inherit', env: { ...process.env, QUANZE_PROPERTY_RUNS: String(fileRuns) } },
  );
  filesFailed = result.status !== 0;
  console.log(`file fuzz: ${filesFailed ? 'FAILED' : 'passed'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

process.exitCode = report.failures.length > 0 || filesFailed ? 1 : 0;
