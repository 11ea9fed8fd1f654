/**
 * The endpoint fuzzer: for every operation of the OpenAPI document and every actor of the world,
 * fast-check generates and mutates requests (request-arbitraries.ts), sends them with `app.inject`
 * and holds every answer to the oracles (body-oracles.ts). A failing property is shrunk by
 * fast-check and reported with the smallest request that still fails, the actor and the seed that
 * reproduces it. Used by `npm run test:fuzz` (run-fuzz.ts, long) and test/fuzz-short.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { PROJECT_ROOT } from '../../src/config/env.js';
import type { TestDialect } from '../helpers/database.js';
import { checkResponse, EchoAllowance, prototypePollution } from './body-oracles.js';
import { type Actor, createFuzzWorld, type FuzzWorld } from './fuzz-world.js';
import { listOperations, type Operation } from './openapi-operations.js';
import { describeRequest, type FuzzRequest, requestArbitrary, toInject } from './request-arbitraries.js';

export interface EndpointFuzzOptions {
  /** requests per operation, shared out over the actors */
  runsPerOperation: number;
  seed: number;
  dialect?: TestDialect;
  /** one world for the whole run, or a fresh one per route group (…/cases, …/users): writes of one group do not pile up under the next */
  worldPer?: 'run' | 'group';
  /** only the operations whose key (`POST /api/v1/cases/`) matches */
  only?: RegExp;
  /** this process's share of the operations (every count-th from index), for running in parallel */
  shard?: { index: number; count: number };
  log?: (line: string) => void;
}

export interface FuzzFailure {
  operation: string;
  actor: string;
  seed: number;
  /** fast-check's replay path */
  path: string;
  /** the shrunk request */
  request: string;
  error: string;
}

export interface OperationReport {
  operation: string;
  requests: number;
  statuses: Record<string, number>;
  durationMs: number;
}

export interface EndpointFuzzReport {
  seed: number;
  operations: OperationReport[];
  totalRequests: number;
  statuses: Record<string, number>;
  durationMs: number;
  failures: FuzzFailure[];
  /** actors whose session a fuzzed request ended or broke (repaired before going on) */
  repairs: string[];
  actors: string[];
}

/** Operations that act on the caller's own session or account: they run on a fresh session of the actor's twin. */
export function actsOnOwnSession(operation: Operation): boolean {
  return /^\/api\/v1\/(?:auth|account)\//.test(operation.path) || /admin-invitations\/(?:open|accept)$/.test(operation.path);
}

function groupOf(operation: Operation): string {
  return operation.path.split('/')[3] ?? '';
}

/** A 32-bit seed for one operation and actor, derived from the run's seed. */
export function pairSeed(seed: number, operation: string, actor: string): number {
  let h = seed >>> 0;
  for (const ch of `${operation}|${actor}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h | 0;
}

/** A few items of the bundled list: big enough to be a list, small enough to import quickly many times. */
function sampleList(): string {
  const text = readFileSync(path.join(PROJECT_ROOT, 'data', 'powerlists', 'liuzhou-secrecy-bureau.tsv'), 'utf8');
  const cut = text.indexOf('\n', 4_000);
  return cut > 0 ? text.slice(0, cut) : text;
}

/** Runs the fuzzer; never throws for a failing property (the report lists them). */
export async function fuzzEndpoints(options: EndpointFuzzOptions): Promise<EndpointFuzzReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const echoes = new EchoAllowance();
  const sample = sampleList();
  const report: EndpointFuzzReport = {
    seed: options.seed,
    operations: [],
    totalRequests: 0,
    statuses: {},
    durationMs: 0,
    failures: [],
    repairs: [],
    actors: [],
  };

  // The operations come from a world's app; every world serves the same document.
  let world: FuzzWorld | null = await createFuzzWorld(options.dialect);
  const shard = options.shard ?? { index: 0, count: 1 };
  const operations = listOperations(world.server.app)
    .filter((op) => !options.only || options.only.test(op.key))
    .filter((_op, i) => i % shard.count === shard.index);
  report.actors = world.actors.map((a) => a.label);
  let currentGroup: string | null = null;

  try {
    for (const operation of operations) {
      const group = groupOf(operation);
      if (options.worldPer === 'group' && currentGroup !== null && group !== currentGroup) {
        await world?.close();
        world = null;
        world = await createFuzzWorld(options.dialect);
      }
      currentGroup = group;
      const active = world as FuzzWorld;
      const opReport: OperationReport = { operation: operation.key, requests: 0, statuses: {}, durationMs: 0 };
      const opStarted = performance.now();
      const arbitrary = requestArbitrary(operation, { pools: active.pools, sampleList: sample });
      const perActor = Math.max(1, Math.ceil(options.runsPerOperation / active.actors.length));
      for (const [index, actor] of active.actors.entries()) {
        const foreign = active.actors[(index + 1) % active.actors.length]?.session ?? null;
        const seed = pairSeed(options.seed, operation.key, actor.label);
        const details = await fc.check(
          fc.asyncProperty(arbitrary, async (request) => {
            const violations = await sendAndCheck(active, operation, actor, request, foreign, echoes, (status) => {
              opReport.requests++;
              opReport.statuses[status] = (opReport.statuses[status] ?? 0) + 1;
            });
            if (violations.length > 0) throw new Error(violations.join('\n'));
          }),
          { numRuns: perActor, seed },
        );
        if (details.failed) {
          const failure: FuzzFailure = {
            operation: operation.key,
            actor: actor.label,
            seed,
            path: details.counterexamplePath ?? '',
            request: details.counterexample ? describeRequest(details.counterexample[0]) : '(none)',
            error: details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance),
          };
          report.failures.push(failure);
          log(`FAIL ${operation.key} as ${actor.label} (seed ${seed}, path ${failure.path}, ${details.numShrinks} shrinks)`);
          log(`  request: ${failure.request}`);
          log(`  ${failure.error.split('\n').join('\n  ')}`);
        }
      }
      for (const line of await active.repairSessions()) report.repairs.push(`after ${operation.key}: ${line}`);
      opReport.durationMs = Math.round(performance.now() - opStarted);
      report.operations.push(opReport);
      report.totalRequests += opReport.requests;
      for (const [status, count] of Object.entries(opReport.statuses)) report.statuses[status] = (report.statuses[status] ?? 0) + count;
      log(
        `${operation.key.padEnd(52)} ${String(opReport.requests).padStart(7)} req ${String(opReport.durationMs).padStart(7)} ms  ${formatStatuses(opReport.statuses)}`,
      );
    }
  } finally {
    await world?.close();
  }
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

async function sendAndCheck(
  world: FuzzWorld,
  operation: Operation,
  actor: Actor,
  request: FuzzRequest,
  foreign: Actor['session'],
  echoes: EchoAllowance,
  count: (status: number) => void,
): Promise<string[]> {
  const session = actsOnOwnSession(operation) ? await world.freshTwinSession(actor) : actor.session;
  const inject = toInject(request, session, foreign);
  echoes.learn([request.url, request.body]);
  if (request.body.kind === 'text') echoes.learn([request.body.text]);
  const response = await world.server.app.inject(inject);
  count(response.statusCode);
  const violations = checkResponse(operation.key, response, echoes);
  const pollution = prototypePollution();
  if (pollution) violations.push(pollution);
  return violations;
}

export function formatStatuses(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}:${count}`)
    .join(' ');
}
