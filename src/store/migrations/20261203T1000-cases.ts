/**
 * Cases (案件): the case row is the projection of its events; the events are append-only. Case
 * numbers are gapless per organisation, kind and year: `case_number_counters` is bumped in the
 * transaction that creates the case, so a rolled-back creation gives its number back.
 *
 * Reads of protected records (cases, accounts, officers) go to `read_log` (append-only, no chain
 * lock), so a case list read by fifty people at once does not queue on the organisation's
 * audit-chain head; changes stay on the chain.
 */
import type { Kysely } from 'kysely';
import { makeAppendOnly } from '../append-only.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('number_kind', 'text', (c) => c.notNull())
    .addColumn('number_year', 'integer', (c) => c.notNull())
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('item_no', 'integer', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('list_version_id', 'text', (c) => c.notNull().references('power_list_versions.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('step', 'text')
    /** the nearest running deadline's due date, for the list's filters and sorting */
    .addColumn('next_due', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('officer_ids', 'text', (c) => c.notNull())
    /** CaseState as JSON, tagged with schema_version */
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addColumn('schema_version', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('cases_org_number').on('cases').columns(['org_id', 'case_no']).unique().execute();
  await db.schema
    .createIndex('cases_org_kind_year_seq')
    .on('cases')
    .columns(['org_id', 'number_kind', 'number_year', 'number_seq'])
    .unique()
    .execute();
  await db.schema.createIndex('cases_org_status_updated').on('cases').columns(['org_id', 'status', 'updated_at']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    /** effective time of what happened (may be back-dated, bounded) */
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('schema_version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_events_case_seq').on('case_events').columns(['case_id', 'seq']).unique().execute();
  await makeAppendOnly(db, 'case_events');

  await db.schema
    .createTable('case_number_counters')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_number_counters_pk', ['org_id', 'kind', 'year'])
    .execute();

  await db.schema
    .createTable('case_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('from_case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('to_case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('case_links_pair').on('case_links').columns(['from_case_id', 'to_case_id']).unique().execute();
  await db.schema.createIndex('case_links_to').on('case_links').column('to_case_id').execute();

  await db.schema
    .createTable('read_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('source_ip', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('read_log_org_at').on('read_log').columns(['org_id', 'at']).execute();
  await db.schema.createIndex('read_log_target').on('read_log').columns(['target_type', 'target_id']).execute();
  await makeAppendOnly(db, 'read_log');
}
