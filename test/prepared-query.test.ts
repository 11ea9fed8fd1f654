/**
 * Queries compiled once (src/store/prepared-query.ts): each run binds its own values in the places
 * the placeholders took, constants of the builder stay, and each dialect gets its own SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedQuery, preparedWrite } from '../src/store/prepared-query.js';
import { dialectsUnderTest, freshDatabase, type TestDatabase } from './helpers/database.js';

const orgByCode = preparedQuery<{ code: string }, { id: string; code: string; name: string }>((db, p) =>
  db.selectFrom('organisations').select(['id', 'code', 'name']).where('code', '=', p('code')).limit(1),
);
const orgsNamedAfter = preparedQuery<{ from: string; to: string }, { code: string }>((db, p) =>
  db.selectFrom('organisations').select('code').where('code', '>=', p('from')).where('code', '<', p('to')).orderBy('code'),
);
const rename = preparedWrite<{ code: string; name: string }>((db, p) =>
  db
    .updateTable('organisations')
    .set({ name: p('name') })
    .where('code', '=', p('code')),
);

describe.each(dialectsUnderTest())('prepared queries on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const at = '2026-12-03T00:00:00.000Z';
    await database.db
      .insertInto('organisations')
      .values(
        ['pa', 'pb', 'pc'].map((code) => ({
          id: `id-${code}`,
          code,
          name: `机构${code}`,
          parent_id: null,
          doc_prefix: null,
          created_at: at,
        })),
      )
      .execute();
  });
  afterAll(() => database.destroy());

  it('binds each run’s own values', async () => {
    expect(await orgByCode(database.db, { code: 'pb' })).toEqual([{ id: 'id-pb', code: 'pb', name: '机构pb' }]);
    expect(await orgByCode(database.db, { code: 'pc' })).toEqual([{ id: 'id-pc', code: 'pc', name: '机构pc' }]);
    expect(await orgByCode(database.db, { code: 'nope' })).toEqual([]);
    // two parameters of one type keep their places
    expect((await orgsNamedAfter(database.db, { from: 'pb', to: 'pz' })).map((r) => r.code)).toEqual(['pb', 'pc']);
    expect((await orgsNamedAfter(database.db, { from: 'pa', to: 'pb' })).map((r) => r.code)).toEqual(['pa']);
  });

  it('reports how many rows a write changed, inside a transaction too', async () => {
    expect(await rename(database.db, { code: 'pa', name: '改名后的机构' })).toBe(1);
    expect(await rename(database.db, { code: 'missing', name: 'x' })).toBe(0);
    await database.db.transaction().execute(async (trx) => {
      expect(await rename(trx, { code: 'pc', name: '事务中改名' })).toBe(1);
    });
    expect((await orgByCode(database.db, { code: 'pa' }))[0]?.name).toBe('改名后的机构');
    expect((await orgByCode(database.db, { code: 'pc' }))[0]?.name).toBe('事务中改名');
  });

  it('refuses a run that leaves a parameter without a value', async () => {
    await expect(orgByCode(database.db, {} as { code: string })).rejects.toThrow(/no value for parameter code/);
  });
});
