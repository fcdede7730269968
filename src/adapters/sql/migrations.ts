import type { Compilable, SchemaModule } from 'kysely';

/**
 * The schema, written once with Kysely's schema builder and compiled by whichever dialect runs it.
 *
 * Each migration is ONE statement because Forge SQL executes one statement per call and its
 * `migrationRunner` records one statement per name. Names are stable forever: the runners skip names already
 * applied, so re-running is a no-op and a new change is always a new name at the end of the list.
 * Tables are created IF NOT EXISTS so a migration whose bookkeeping write failed can be re-applied; indexes
 * rely on the bookkeeping alone, because MySQL 8 has no CREATE INDEX IF NOT EXISTS.
 * Forge allows 25 DDL statements per minute and `migrationRunner.run()` spends two of its own, so the first
 * run must stay within 23 migrations (a test holds this line).
 * No foreign keys (Forge SQL has none), no JSON column operators, no engine-specific types: the same
 * statements run on SQLite, MariaDB and TiDB.
 */
export type Migration = {
  readonly name: string;
  readonly statement: (schema: SchemaModule) => Compilable;
};

const ISSUE_KEY = 'varchar(32)';
const ACCOUNT_ID = 'varchar(128)';
const INSTANT = 'varchar(40)';
const DAY = 'char(10)';
const HASH = 'char(64)';
const REVISION = 'char(36)';

export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'v001_create_exception_register',
    statement: (schema) =>
      schema
        .createTable('exception_register')
        .ifNotExists()
        .addColumn('issue_key', ISSUE_KEY, (c) => c.primaryKey())
        .addColumn('project_key', 'varchar(64)', (c) => c.notNull())
        .addColumn('title', 'varchar(255)', (c) => c.notNull())
        .addColumn('kind', 'varchar(32)', (c) => c.notNull())
        .addColumn('status', 'varchar(24)', (c) => c.notNull())
        .addColumn('tier', 'varchar(16)', (c) => c.notNull())
        .addColumn('risk_score', 'decimal(3, 1)', (c) => c.notNull())
        .addColumn('requester', ACCOUNT_ID, (c) => c.notNull())
        .addColumn('asset_owner', ACCOUNT_ID, (c) => c.notNull())
        .addColumn('business_unit', 'varchar(128)', (c) => c.notNull())
        .addColumn('asset_ids', 'text', (c) => c.notNull())
        .addColumn('control_refs', 'text', (c) => c.notNull())
        .addColumn('approvers', 'text', (c) => c.notNull())
        .addColumn('expires_on', DAY, (c) => c.notNull())
        .addColumn('activated_at', INSTANT)
        .addColumn('status_changed_at', INSTANT, (c) => c.notNull())
        .addColumn('next_review_due', DAY, (c) => c.notNull())
        .addColumn('lacks_controls', 'integer', (c) => c.notNull())
        .addColumn('renewal_of', ISSUE_KEY)
        .addColumn('renewal_count', 'integer', (c) => c.notNull())
        .addColumn('content_hash', HASH, (c) => c.notNull())
        .addColumn('jira_updated_at', INSTANT, (c) => c.notNull())
        .addColumn('revision', REVISION, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull()),
  },
  // The register page: a project's entries filtered by status and sorted by expiry ...
  {
    name: 'v002_index_register_status_expiry',
    statement: (schema) =>
      schema
        .createIndex('ix_register_status_expiry')
        .on('exception_register')
        .columns(['project_key', 'status', 'expires_on', 'issue_key']),
  },
  // ... or filtered by tier and sorted by risk.
  {
    name: 'v003_index_register_tier_risk',
    statement: (schema) =>
      schema.createIndex('ix_register_tier_risk').on('exception_register').columns(['project_key', 'tier', 'risk_score', 'issue_key']),
  },
  // The daily jobs: what expired or expires soon, what needs its quarterly review, which approvals stalled.
  {
    name: 'v004_index_register_due_expiry',
    statement: (schema) => schema.createIndex('ix_register_due_expiry').on('exception_register').columns(['status', 'expires_on', 'issue_key']),
  },
  {
    name: 'v005_index_register_due_review',
    statement: (schema) =>
      schema.createIndex('ix_register_due_review').on('exception_register').columns(['status', 'next_review_due', 'issue_key']),
  },
  {
    name: 'v006_index_register_due_stalled',
    statement: (schema) =>
      schema.createIndex('ix_register_due_stalled').on('exception_register').columns(['status', 'status_changed_at', 'issue_key']),
  },
  // Concurrent-exception limits per business unit.
  {
    name: 'v007_index_register_business_unit',
    statement: (schema) => schema.createIndex('ix_register_business_unit').on('exception_register').columns(['business_unit', 'status']),
  },
  {
    name: 'v008_index_register_renewal_of',
    statement: (schema) => schema.createIndex('ix_register_renewal_of').on('exception_register').column('renewal_of'),
  },
  {
    name: 'v009_create_exception_assets',
    statement: (schema) =>
      schema
        .createTable('exception_assets')
        .ifNotExists()
        .addColumn('issue_key', ISSUE_KEY, (c) => c.notNull())
        .addColumn('revision', REVISION, (c) => c.notNull())
        .addColumn('asset_id', 'varchar(128)', (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_exception_assets', ['issue_key', 'revision', 'asset_id']),
  },
  {
    name: 'v010_index_exception_assets_asset',
    statement: (schema) => schema.createIndex('ix_exception_assets_asset').on('exception_assets').columns(['asset_id', 'issue_key', 'revision']),
  },
  {
    name: 'v011_create_exception_controls',
    statement: (schema) =>
      schema
        .createTable('exception_controls')
        .ifNotExists()
        .addColumn('issue_key', ISSUE_KEY, (c) => c.notNull())
        .addColumn('revision', REVISION, (c) => c.notNull())
        .addColumn('framework', 'varchar(32)', (c) => c.notNull())
        .addColumn('control_id', 'varchar(64)', (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_exception_controls', ['issue_key', 'revision', 'framework', 'control_id']),
  },
  {
    name: 'v012_index_exception_controls_reference',
    statement: (schema) =>
      schema
        .createIndex('ix_exception_controls_reference')
        .on('exception_controls')
        .columns(['framework', 'control_id', 'issue_key', 'revision']),
  },
  {
    name: 'v013_create_approvals',
    statement: (schema) =>
      schema
        .createTable('approvals')
        .ifNotExists()
        .addColumn('issue_key', ISSUE_KEY, (c) => c.notNull())
        .addColumn('level_id', 'varchar(40)', (c) => c.notNull())
        .addColumn('approver', ACCOUNT_ID, (c) => c.notNull())
        .addColumn('content_hash', HASH, (c) => c.notNull())
        .addColumn('decision', 'varchar(16)', (c) => c.notNull())
        .addColumn('decided_at', INSTANT, (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('voided_at', INSTANT)
        .addPrimaryKeyConstraint('pk_approvals', ['issue_key', 'level_id', 'approver', 'content_hash']),
  },
  {
    name: 'v014_create_audit_chain',
    statement: (schema) =>
      schema
        .createTable('audit_chain')
        .ifNotExists()
        .addColumn('sequence', 'bigint', (c) => c.primaryKey())
        .addColumn('at', INSTANT, (c) => c.notNull())
        .addColumn('actor', 'varchar(160)', (c) => c.notNull())
        .addColumn('action', 'varchar(80)', (c) => c.notNull())
        .addColumn('issue_key', ISSUE_KEY)
        .addColumn('canonical_payload', 'text', (c) => c.notNull())
        .addColumn('previous_hash', HASH, (c) => c.notNull())
        .addColumn('hash', HASH, (c) => c.notNull())
        .addColumn('signature', 'varchar(128)', (c) => c.notNull())
        .addColumn('key_id', 'varchar(64)', (c) => c.notNull()),
  },
  {
    name: 'v015_index_audit_chain_issue',
    statement: (schema) => schema.createIndex('ix_audit_chain_issue').on('audit_chain').columns(['issue_key', 'sequence']),
  },
  {
    name: 'v016_create_notification_ledger',
    statement: (schema) =>
      schema
        .createTable('notification_ledger')
        .ifNotExists()
        .addColumn('ledger_key', 'varchar(255)', (c) => c.primaryKey())
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('issue_key', ISSUE_KEY)
        .addColumn('recorded_at', INSTANT, (c) => c.notNull()),
  },
  {
    name: 'v017_create_review_attestations',
    statement: (schema) =>
      schema
        .createTable('review_attestations')
        .ifNotExists()
        .addColumn('issue_key', ISSUE_KEY, (c) => c.notNull())
        .addColumn('quarter', 'char(7)', (c) => c.notNull())
        .addColumn('reviewer', ACCOUNT_ID, (c) => c.notNull())
        .addColumn('attested_at', INSTANT, (c) => c.notNull())
        .addColumn('outcome', 'varchar(24)', (c) => c.notNull())
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('pk_review_attestations', ['issue_key', 'quarter']),
  },
  {
    name: 'v018_index_review_attestations_quarter',
    statement: (schema) => schema.createIndex('ix_review_attestations_quarter').on('review_attestations').columns(['quarter', 'issue_key']),
  },
  {
    name: 'v019_create_findings',
    statement: (schema) =>
      schema
        .createTable('findings')
        .ifNotExists()
        .addColumn('source', 'varchar(128)', (c) => c.notNull())
        .addColumn('external_id', 'varchar(255)', (c) => c.notNull())
        .addColumn('asset_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('title', 'varchar(255)', (c) => c.notNull())
        .addColumn('severity', 'varchar(16)', (c) => c.notNull())
        .addColumn('cve', 'varchar(32)')
        .addColumn('cvss_vector', 'varchar(512)')
        .addColumn('known_exploited', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('first_seen_at', INSTANT, (c) => c.notNull())
        .addColumn('last_seen_at', INSTANT, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_findings', ['source', 'external_id']),
  },
  {
    name: 'v020_index_findings_asset',
    statement: (schema) => schema.createIndex('ix_findings_asset').on('findings').columns(['asset_id', 'status', 'source', 'external_id']),
  },
  {
    name: 'v021_create_job_runs',
    statement: (schema) =>
      schema
        .createTable('job_runs')
        .ifNotExists()
        .addColumn('job', 'varchar(64)', (c) => c.notNull())
        .addColumn('run_key', 'varchar(128)', (c) => c.notNull())
        .addColumn('started_at', INSTANT, (c) => c.notNull())
        .addColumn('finished_at', INSTANT)
        .addColumn('outcome', 'varchar(16)')
        .addColumn('checkpoint', 'text')
        .addColumn('checkpoint_version', 'integer', (c) => c.notNull())
        .addColumn('processed', 'integer', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addPrimaryKeyConstraint('pk_job_runs', ['job', 'run_key']),
  },
  // Monthly reports: one row per closed month, the report as JSON (it is a record, read whole, never queried inside).
  {
    name: 'v022_create_monthly_reports',
    statement: (schema) =>
      schema
        .createTable('monthly_reports')
        .ifNotExists()
        .addColumn('month', 'char(7)', (c) => c.primaryKey())
        .addColumn('generated_at', INSTANT, (c) => c.notNull())
        .addColumn('period_start', DAY, (c) => c.notNull())
        .addColumn('period_end', DAY, (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull()),
  },
  // The monthly report's risk sections: active exceptions lacking controls, and above a risk score, riskiest first.
  {
    name: 'v023_index_register_controls_risk',
    statement: (schema) =>
      schema
        .createIndex('ix_register_controls_risk')
        .on('exception_register')
        .columns(['status', 'lacks_controls', 'risk_score', 'issue_key']),
  },
];
