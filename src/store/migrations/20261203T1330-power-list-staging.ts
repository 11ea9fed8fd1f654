/**
 * Power-list imports without a long write transaction (issue 10):
 *
 * - power_list_versions.state: 'staging' while an import writes its items in short batches across
 *   event-loop turns, 'published' once one quick final transaction flips it (with its audit record).
 *   Every read looks at published versions only, so an import that fails or whose process dies
 *   half-way leaves nothing visible; the next import of the organisation removes its rows.
 * - power_list_items.findings_json: the linter's findings of that one item, so reading an item does
 *   not parse the findings of the whole list; the version row then keeps only those about no item
 *   (its findings_json sits before the columns a header read needs: megabytes of it meant walking
 *   megabytes of overflow pages for every header). Null on rows written before this migration: a
 *   read then falls back to the version's findings, which hold them all.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('power_list_versions')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('published'))
    .execute();
  await db.schema.alterTable('power_list_items').addColumn('findings_json', 'text').execute();
}
