/**
 * The short endpoint fuzz inside `npm test` (issue 10): every operation of the OpenAPI document gets
 * generated and mutated requests as every role and the anonymous public — 10 per role and
 * operation by default (FUZZ_SHORT_RUNS changes it; QUANZE_PROPERTY_SEED picks the seed) — and every answer is held
 * to the oracles of test/fuzz/body-oracles.ts: no 5xx, no stack trace, SQL or internal error name in
 * the body, every refusal problem+json. `npm run test:fuzz` is the long version.
 */
import { describe, expect, it } from 'vitest';
import { fuzzEndpoints } from './fuzz/endpoint-fuzz.js';

const perRole = Number(process.env.FUZZ_SHORT_RUNS) > 0 ? Number(process.env.FUZZ_SHORT_RUNS) : 10;
// One fixed seed like every property of the suite (test/helpers/property-seed.ts); QUANZE_PROPERTY_SEED explores others.
const configuredSeed = process.env.QUANZE_PROPERTY_SEED ?? '20261203';
const seed = configuredSeed === 'random' ? Date.now() % 2 ** 31 : Number(configuredSeed);

describe('endpoint fuzz (short)', () => {
  it('answers every generated and mutated request of every operation and role without 5xx, leaks or non-problem refusals', async () => {
    // The actors are the anonymous public, the eight roles and an account that must change its password.
    const actorCount = 10;
    const report = await fuzzEndpoints({ runsPerOperation: perRole * actorCount, seed, worldPer: 'run' });
    const failures = report.failures.map(
      (f) => `${f.operation} as ${f.actor} (QUANZE_PROPERTY_SEED=${seed}): ${f.error}\n  shrunk request: ${f.request}`,
    );
    expect(failures, `seed ${seed}`).toEqual([]);
    expect(report.actors).toHaveLength(actorCount);
    expect(report.operations.length).toBeGreaterThanOrEqual(60);
    for (const operation of report.operations) expect(operation.requests, operation.operation).toBeGreaterThanOrEqual(perRole * actorCount);
    // Some requests get through to the use cases, and the refusals are of every kind.
    expect(Object.keys(report.statuses)).toEqual(expect.arrayContaining(['200', '201', '400', '401', '403', '404']));
    expect(Object.keys(report.statuses).filter((status) => Number(status) >= 500)).toEqual([]);
  }, 240_000);
});
