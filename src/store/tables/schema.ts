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
  /** the linter's findings (TFinding[]) as JSON; since 20261203T1330 only those about no item (each item keeps its own) */
  findings_json: string;
  /** TPowerListDiff against the previous version, null for the first */
  diff_json: string | null;
  item_count: number;
  finding_count: number;
  /** 'staging' while an import writes its items (invisible to every read), 'published' after */
  state: 'staging' | 'published';
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
  /** the linter's findings of this item (TFinding[]) as JSON; null on rows older than 20261203T1330 */
  findings_json: string | null;
}

export interface PowerListItemsFtsTable {
  item_id: string;
  search_text: string;
}

/** An account. Flags are 0/1 integers on both engines. */
export interface UsersTable {
  id: string;
  org_id: string;
  /** lower-case, unique across the installation */
  username: string;
  display_name: string;
  /** argon2id PHC string */
  password_hash: string;
  /** 1 when an administrator set the password: the account is asked to change it */
  must_change_password: number;
  /** 1 once an administrator chose the password (creation or reset); never cleared: no administrator role then */
  password_set_by_admin: number;
  status: 'active' | 'disabled';
  /** 1 for an applicant body's account (申请单位用户) */
  external: number;
  /** Base32 TOTP secret; set while enrolling (totp_enabled = 0) and once enrolled */
  totp_secret: string | null;
  totp_enabled: number;
  /** the time step of the last accepted code (replay protection) */
  totp_last_step: number | null;
  /** consecutive failed sign-ins */
  failed_logins: number;
  last_failed_at: string | null;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One role held by an account on an organisation. */
export interface RoleGrantsTable {
  id: string;
  user_id: string;
  role: string;
  org_id: string;
  scope: 'organisation' | 'subtree';
  granted_by: string | null;
  granted_by_name: string;
  granted_at: string;
}

/** An enforcement officer with their certificate (执法证). */
export interface OfficersTable {
  id: string;
  user_id: string;
  org_id: string;
  certificate_no: string;
  issuing_body: string;
  /** YYYY-MM-DD, inclusive */
  valid_from: string;
  valid_to: string;
  revoked_on: string | null;
  created_at: string;
  updated_at: string;
}

/** A conflict of interest an officer declared with a party (利害关系申报). */
export interface OfficerConflictsTable {
  id: string;
  officer_id: string;
  org_id: string;
  party_id: string;
  party_name: string;
  reason: string;
  declared_on: string;
  created_at: string;
}

/** A sign-in session; only the SHA-256 of its token is stored. */
export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  org_id: string;
  created_at: string;
  last_seen_at: string;
  /** the absolute end of the session */
  expires_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

/** One-time tokens of the first-run setup link; only their hash is stored. */
export interface SetupTokensTable {
  id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** One-time invitations of the security administrator and the security auditor (三员初始化). */
export interface AdminInvitationsTable {
  id: string;
  org_id: string;
  role: 'security-admin' | 'security-auditor';
  username: string;
  display_name: string;
  token_hash: string;
  /** made when the invitee first opens the link; moves to the account on acceptance */
  totp_secret: string | null;
  created_at: string;
  created_by: string | null;
  created_by_name: string;
  expires_at: string;
  /** accepted */
  used_at: string | null;
  /** replaced by a newer invitation for the same role */
  retired_at: string | null;
  /** the account made on acceptance */
  user_id: string | null;
}

/** The hash-chained audit log (ADR 0001); append-only. */
export interface AuditLogTable {
  id: string;
  org_id: string;
  seq: number;
  /** ISO 8601 UTC with milliseconds, hashed verbatim */
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  request_id: string | null;
  source_ip: string | null;
  /** JSON object as text */
  details: string;
  prev_hash: string;
  hash: string;
  alg: string;
}

/** The last record of each organisation's chain; locked while appending. */
export interface AuditHeadsTable {
  org_id: string;
  seq: number;
  hash: string;
}

/**
 * One revision of the legal-source registry (append-only): the whole registry after a seed, an
 * administrator's change or an import. The newest revision is the current registry.
 */
export interface LegalRegistryRevisionsTable {
  id: string;
  revision_no: number;
  kind: 'seed' | 'change' | 'import';
  /** the registry (TLegalRegistry) as JSON */
  registry_json: string;
  /** the change (TRegistryChange) that made this revision; null for a seed or an import */
  change_json: string | null;
  changed_at: string;
  /** the account that made it; null for the system (start-up seeding, the command line) */
  changed_by: string | null;
  changed_by_name: string;
}

/** A case (案件): the projection of its events (CaseState JSON) plus the columns lists filter on. */
export interface CasesTable {
  id: string;
  org_id: string;
  /** 柳保罚〔2026〕12号 */
  case_no: string;
  number_kind: string;
  number_year: number;
  number_seq: number;
  template_id: string;
  item_no: number;
  item_name: string;
  list_version_id: string;
  status: 'open' | 'closed';
  step: string | null;
  next_due: string | null;
  search_text: string;
  /** officer ids as a JSON array */
  officer_ids: string;
  state_json: string;
  schema_version: number;
  version: number;
  opened_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** One event of a case (append-only). */
export interface CaseEventsTable {
  id: string;
  case_id: string;
  org_id: string;
  seq: number;
  type: string;
  at: string;
  recorded_at: string;
  actor_id: string | null;
  actor_name: string;
  payload_json: string;
  schema_version: number;
}

/** The last case number used per organisation, kind and year. */
export interface CaseNumberCountersTable {
  org_id: string;
  kind: string;
  year: number;
  last_seq: number;
}

export interface CaseLinksTable {
  id: string;
  org_id: string;
  from_case_id: string;
  to_case_id: string;
  created_at: string;
  created_by: string | null;
}

/** Who read which protected records (append-only; kept off the audit chain's lock). */
export interface ReadLogTable {
  id: string;
  org_id: string;
  /** case.read, case.list, user.list … */
  action: string;
  target_type: string;
  /** the record read; null for a list */
  target_id: string | null;
  at: string;
  actor_id: string | null;
  actor_name: string;
  request_id: string | null;
  source_ip: string | null;
  details: string;
}

/** Working-calendar history (append-only): one row per import of administrator entries. */
export interface CalendarRevisionsTable {
  revision_no: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  /** JSON: { source, set[], removed[], coveredYears[], changedDates[] } */
  summary: string;
}

/** An administrator's calendar entry: this date is a day off or a working day (installation-wide). */
export interface CalendarOverridesTable {
  id: string;
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  revision_no: number;
}

/** A year whose whole holiday arrangement an administrator entered (the base data covers 2004–2026). */
export interface CalendarCoveredYearsTable {
  year: number;
  source: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  revision_no: number;
}

export interface Database {
  organisations: OrganisationsTable;
  power_list_versions: PowerListVersionsTable;
  power_list_items: PowerListItemsTable;
  /** SQLite only: FTS5 trigram index over power_list_items.search_text */
  power_list_items_fts: PowerListItemsFtsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  officers: OfficersTable;
  officer_conflicts: OfficerConflictsTable;
  sessions: SessionsTable;
  setup_tokens: SetupTokensTable;
  admin_invitations: AdminInvitationsTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  legal_registry_revisions: LegalRegistryRevisionsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_number_counters: CaseNumberCountersTable;
  case_links: CaseLinksTable;
  read_log: ReadLogTable;
  calendar_revisions: CalendarRevisionsTable;
  calendar_overrides: CalendarOverridesTable;
  calendar_covered_years: CalendarCoveredYearsTable;
}
