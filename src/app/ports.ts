/**
 * The interfaces the use cases depend on. Adapters implement them; nothing here names a database, a driver
 * or the Forge SDK, so the use cases run unchanged on Forge SQL, SQLite and MariaDB.
 */
export type { AuditStore, ChainAnchor, PublicKeyDirectory, SecretStore, Signer } from './audit/audit-ports';
export type { ApprovalRepository } from './ports/approval-repository';
export type { FindingRepository, IngestedFinding } from './ports/finding-repository';
export type { JobRun, JobRunRepository } from './ports/job-run-repository';
export type { LedgerRecord, NotificationLedger } from './ports/notification-ledger';
export { MAX_PAGE_SIZE, type Page } from './ports/page';
export {
  REGISTER_SORT_FIELDS,
  type DueQuery,
  type ProjectionOutcome,
  type RegisterConflictCode,
  type RegisterCursorCode,
  type RegisterEntry,
  type RegisterFilter,
  type RegisterPageRequest,
  type RegisterRepository,
  type RegisterSort,
  type RegisterSortField,
  type StoredRegisterEntry,
} from './ports/register-repository';
export type { RecordedReviewAttestation, ReviewAttestationRepository } from './ports/review-attestation-repository';
export { STORAGE_ERROR_CODES, StorageError, isStorageError, type StorageErrorCode } from './ports/storage-error';
