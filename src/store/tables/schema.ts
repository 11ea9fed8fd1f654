/**
 * Table types for Kysely. Columns are snake_case; repositories map rows to domain objects.
 * Instants are ISO-8601 UTC strings on both engines; JSON documents are stored as text.
 */


export interface OrganisationsTable {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  /** prefix of case and document numbers, e.g. 柳保; null until an administrator configures it */
  doc_prefix: string | null;
  created_at: string;
}

export interface PowerListVersionsTable {
  id: string;
  org_id: string;
  version_no: number;
  title: string;
  source_name: string;
  source_sha256: string;
  source_format: string;
  imported_at: string;
  imported_by: string | null;
  /** the linter's findings (TFinding[]) as JSON; the items live in power_list_items */
  findings_json: string;
  /** TPowerListDiff against the previous version, null for the first */
  diff_json: string | null;
  item_count: number;
  finding_count: number;
}

export interface PowerListItemsTable {
  id: string;
  org_id: string;
  version_id: string;
  item_no: number;
  category: string;
  name: string;
  /** names, duties and citation texts joined: the text the substring search runs over */
  search_text: string;
  item_json: string;
  finding_count: number;
}

export interface PowerListItemsFtsTable {
  item_id: string;
  search_text: string;
}


export interface Database {
  organisations: OrganisationsTable;
  power_list_versions: PowerListVersionsTable;
  power_list_items: PowerListItemsTable;
  /** SQLite only: FTS5 trigram index over power_list_items.search_text */
  power_list_items_fts: PowerListItemsFtsTable;
}
