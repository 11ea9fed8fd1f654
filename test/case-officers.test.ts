/**
 * The officers a case write reads (src/services/cases/case-officers.ts): only those it names and the
 * acting user's own record — with their declared conflicts — never the whole bureau's, and never
 * another organisation's officer even when its id is named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseOfficers, loadOfficersOf } from '../src/services/cases/case-officers.js';
import type { ServiceContext } from '../src/services/context.js';
import { declareConflict } from '../src/services/officers/declare-conflict.js';
import { seedOrganisations } from '../src/services/organisations/seed-organisations.js';
import { createOfficer, systemContext } from './helpers/access-fixtures.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';

async function officerIn(ctx: ServiceContext, orgCode: string, name: string): Promise<{ id: string; userId: string }> {
  const { id, userId } = await createOfficer(ctx, { orgCode, displayName: name });
  return { id, userId };
}

describe.each(dialectsUnderTest())('officers of a case (%s)', (dialect) => {
  let database: TestDatabase;
  let lzId: string;
  const lz: { id: string; userId: string }[] = [];
  let other: { id: string; userId: string };

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const ctx = systemContext(database.db);
    const orgs = await seedOrganisations(ctx);
    lzId = orgs.get('lz')?.id as string;
    for (const name of ['甲', '乙', '丙', '丁']) lz.push(await officerIn(ctx, 'lz', `执法员${name}`));
    other = await officerIn(ctx, 'lj', '柳江执法员');
    const first = lz[0] as { id: string };
    await declareConflict(ctx, first.id, { partyId: '91450200MA5K000001', partyName: '某公司', reason: '亲属任职' });
    await declareConflict(ctx, first.id, { partyId: '91450200MA5K000002', partyName: '另一公司', reason: '曾任职' });
  });
  afterAll(() => database.destroy());

  it('reads the named officers and the actor’s own record, with every declared conflict', async () => {
    const [a, b, c, d] = lz as [(typeof lz)[number], (typeof lz)[number], (typeof lz)[number], (typeof lz)[number]];
    const officers = await loadCaseOfficers(database.db, lzId, [a.id, c.id], d.userId);
    expect([...officers.keys()].sort()).toEqual([a.id, c.id, d.id].sort());
    expect(officers.has(b.id)).toBe(false);
    expect([...(officers.get(a.id)?.conflictPartyIds ?? [])].sort()).toEqual(['91450200MA5K000001', '91450200MA5K000002']);
    expect(officers.get(c.id)?.conflictPartyIds).toEqual([]);
    expect(officers.get(d.id)?.userId).toBe(d.userId);
    // the same officers as the whole bureau's list gives them
    const all = await loadOfficersOf(database.db, [lzId]);
    for (const [id, officer] of officers) expect(officer).toEqual(all.get(id));
  });

  it('leaves out another organisation’s officer and unknown ids, and reads nobody for nothing', async () => {
    const [a] = lz as [(typeof lz)[number]];
    const officers = await loadCaseOfficers(database.db, lzId, [a.id, other.id, 'no-such-officer'], other.userId);
    expect([...officers.keys()]).toEqual([a.id]);
    expect((await loadCaseOfficers(database.db, lzId, [])).size).toBe(0);
  });
});
