import type { ColumnType } from 'kysely';

/**
 * The tables as Kysely sees them. Reads are typed as what the drivers really return: integers come back as
 * numbers from SQLite and mysql2 but as strings from Forge SQL (BIGINT, DECIMAL and COUNT results), so a
 * selected integer is `DbInteger` and every row goes through a row mapper before it reaches the app.
 * Instants and days are ISO strings: they sort correctly as text on every engine, and Forge's DATETIME
 * handling differs from SQLite's (which has none).
 */
export type DbInteger = ColumnType<number | string | bigint, number, number>;
export type DbDecimal = ColumnType<number | string, number, number>;

export interface ExceptionRegisterTable {
  issue_key: string;
  project_key: string;
  title: string;
  kind: string;
  status: string;
  tier: string;
  risk_score: DbDecimal;
  requester: string;
  asset_owner: string;
  business_unit: string;
  /** JSON array, the display copy; the filterable copy is exception_assets. */
  asset_ids: string;
  /** JSON array of {framework, id}; the filterable copy is exception_controls. */
  control_refs: string;
  approvers: string;
  /** `9999-12-31` when there is no expiry, so the column is NOT NULL and keyset pagination stays simple. */
  expires_on: string;
  activated_at: string | null;
  status_changed_at: string;
  next_review_due: string;
  lacks_controls: DbInteger;
  renewal_of: string | null;
  renewal_count: DbInteger;
  content_hash: string;
  jira_updated_at: string;
  /** Unique per write; child rows carry the revision they belong to (see register-repository). */
  revision: string;
  version: DbInteger;
}

export interface ExceptionAssetsTable {
  issue_key: string;
  revision: string;
  asset_id: string;
}

export interface ExceptionControlsTable {
  issue_key: string;
  revision: string;
  framework: string;
  control_id: string;
}

export interface ApprovalsTable {
  issue_key: string;
  level_id: string;
  approver: string;
  content_hash: string;
  decision: string;
  decided_at: string;
  reason: string | null;
  voided_at: string | null;
}

export interface AuditChainTable {
  sequence: DbInteger;
  at: string;
  actor: string;
  action: string;
  issue_key: string | null;
  canonical_payload: string;
  previous_hash: string;
  hash: string;
  signature: string;
  key_id: string;
}

export interface NotificationLedgerTable {
  ledger_key: string;
  kind: string;
  issue_key: string | null;
  recorded_at: string;
}

export interface ReviewAttestationsTable {
  issue_key: string;
  quarter: string;
  reviewer: string;
  attested_at: string;
  outcome: string;
  note: string | null;
}

export interface FindingsTable {
  source: string;
  external_id: string;
  asset_id: string;
  title: string;
  severity: string;
  cve: string | null;
  cvss_vector: string | null;
  known_exploited: DbInteger;
  status: string;
  first_seen_at: string;
  last_seen_at: string;
}

export interface JobRunsTable {
  job: string;
  run_key: string;
  started_at: string;
  finished_at: string | null;
  outcome: string | null;
  checkpoint: string | null;
  checkpoint_version: DbInteger;
  processed: DbInteger;
  summary: string | null;
}

export interface MonthlyReportsTable {
  month: string;
  generated_at: string;
  period_start: string;
  period_end: string;
  /** The report as JSON. */
  content: string;
}

export interface Database {
  exception_register: ExceptionRegisterTable;
  exception_assets: ExceptionAssetsTable;
  exception_controls: ExceptionControlsTable;
  approvals: ApprovalsTable;
  audit_chain: AuditChainTable;
  notification_ledger: NotificationLedgerTable;
  review_attestations: ReviewAttestationsTable;
  findings: FindingsTable;
  job_runs: JobRunsTable;
  monthly_reports: MonthlyReportsTable;
}
