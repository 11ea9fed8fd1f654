/** One-time tokens of the first-run setup link; only their hash is stored. */
import type { Db } from '../database.js';
import type { SetupTokensTable } from '../tables/schema.js';

export type SetupTokenRow = SetupTokensTable;

/** Insert a setup token. */
export async function insertSetupToken(db: Db, row: SetupTokenRow): Promise<void> {
  await db.insertInto('setup_tokens').values(row).execute();
}

/** The token whose hash is `tokenHash`, or undefined. */
export function findSetupToken(db: Db, tokenHash: string): Promise<SetupTokenRow | undefined> {
  return db.selectFrom('setup_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Mark every unused token used (a new link replaces the old ones; setup completed). */
export async function retireSetupTokens(db: Db, at: string): Promise<void> {
  await db.updateTable('setup_tokens').set({ used_at: at }).where('used_at', 'is', null).execute();
}

/** Mark one token used; returns whether it was still unused (a token works once, even under races). */
export async function useSetupToken(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('setup_tokens')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
