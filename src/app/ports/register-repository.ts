import type { ActiveExceptionCounts } from '../../domain/approval/concurrency-limits';
import type { ControlReference, ExceptionKind, Status, Tier } from '../../domain/exception/security-exception';
import type { Result } from '../../domain/shared/result';
import type { IsoDate } from '../../domain/shared/dates';
import type { Page } from './page';

/**
 * The register projection: one row per exception, holding what the register page, its filters and the
 * scheduled jobs read. Jira is the system of record; this is rebuilt from it, so every write is either an
 * idempotent projection of a Jira change or an optimistic update guarded by `version`.
 */
export type RegisterEntry = {
  readonly issueKey: string;
  readonly projectKey: string;
  readonly title: string;
  readonly kind: ExceptionKind;
  readonly status: Status;
  readonly tier: Tier;
  /** Residual risk score, 0.0 to 10.0 with one decimal. */
  readonly riskScore: number;
  readonly requester: string;
  readonly assetOwner: string;
  readonly businessUnit: string;
  readonly assetIds: readonly string[];
  readonly controlReferences: readonly ControlReference[];
  /** Account ids of everyone who approved a level of the current content. */
  readonly approvers: readonly string[];
  readonly expiresOn?: IsoDate;
  readonly activatedAt?: string;
  /** When the exception entered its current status: the clock for stalled approvals. */
  readonly statusChangedAt: string;
  readonly nextReviewDue?: IsoDate;
  /** Medium tier or above without implemented or verified compensating controls. */
  readonly lacksControls: boolean;
  readonly renewalOf?: string;
  readonly renewalCount: number;
  readonly contentHash: string;
  /** Jira's `updated` time of the issue this entry was projected from. */
  readonly jiraUpdatedAt: string;
};

export type StoredRegisterEntry = RegisterEntry & {
  /** Starts at 1 and grows by one with every write; a write names the version it read. */
  readonly version: number;
};

export type RegisterFilter = {
  readonly projectKey: string;
  readonly statuses?: readonly Status[];
  readonly tiers?: readonly Tier[];
  readonly kinds?: readonly ExceptionKind[];
  readonly requester?: string;
  readonly assetOwner?: string;
  readonly businessUnit?: string;
  readonly assetId?: string;
  readonly controlReference?: ControlReference;
  readonly expiresOnOrBefore?: IsoDate;
  readonly lacksControls?: boolean;
  /** Someone whose approval of a level stands for the current content. */
  readonly approver?: string;
  /** Words that must each appear in the issue key or the title, ignoring case. */
  readonly words?: readonly string[];
  /** Whether the next quarterly review is due before `asOf` (only active exceptions have one). */
  readonly reviewOverdue?: { readonly asOf: IsoDate; readonly overdue: boolean };
};

export const REGISTER_SORT_FIELDS = ['expiresOn', 'riskScore', 'nextReviewDue', 'jiraUpdatedAt'] as const;
export type RegisterSortField = (typeof REGISTER_SORT_FIELDS)[number];

/** Entries without an expiry or review day sort after every dated entry when ascending. */
export type RegisterSort = {
  readonly by: RegisterSortField;
  readonly direction: 'asc' | 'desc';
};

export type RegisterPageRequest = {
  readonly filter: RegisterFilter;
  readonly sort: RegisterSort;
  readonly limit: number;
  /** The `next` cursor of the previous page, for the same filter and sort. */
  readonly after?: string;
};

/** What the scheduled jobs select, each answered from an index. */
export type DueQuery =
  /** Active, and the last day in force is before `today`. */
  | { readonly kind: 'expired'; readonly today: IsoDate }
  /** Active, and the last day in force is on or before `onOrBefore` (the widest reminder window). */
  | { readonly kind: 'expiring'; readonly onOrBefore: IsoDate }
  /** Active, and the next quarterly review is due on or before `onOrBefore`. */
  | { readonly kind: 'review'; readonly onOrBefore: IsoDate }
  /** Waiting for a decision (submitted, risk review, awaiting approval) since `since` or earlier. */
  | { readonly kind: 'stalled'; readonly since: string };

/** What the concurrency limits compare for one candidate exception. */
export type ConcurrencyQuery = {
  readonly assetIds: readonly string[];
  /** Absent while a draft names none: nothing is counted for it. */
  readonly businessUnit?: string;
  /**
   * The candidate's issue key; absent for a request not yet raised in Jira, which leaves nothing out. Neither the
   * candidate nor the exception its register entry renews (`renewalOf`) is counted: activating the renewal supersedes
   * that exception, and the register's `renewalOf` is what names the one superseded, so the two never count twice.
   * Each is left out only where it is counted: active, and on that asset or in that unit.
   */
  readonly candidateIssueKey?: string;
};

export type RegisterConflictCode = 'REGISTER.VERSION_CONFLICT';
export type RegisterCursorCode = 'REGISTER.INVALID_CURSOR';

export type ProjectionOutcome = 'inserted' | 'updated' | 'stale';

export interface RegisterRepository {
  get(issueKey: string): Promise<StoredRegisterEntry | null>;
  /**
   * Optimistic write: succeeds only if the stored version is still `expectedVersion` ('absent' to create).
   * Of two writers that read the same version exactly one succeeds; the other gets REGISTER.VERSION_CONFLICT.
   */
  save(entry: RegisterEntry, expectedVersion: number | 'absent'): Promise<Result<{ version: number }, RegisterConflictCode>>;
  /**
   * Idempotent projection of a Jira change: applied only when `jiraUpdatedAt` is newer than what is stored,
   * so replayed, duplicated and out-of-order events never roll the register back.
   */
  project(entry: RegisterEntry): Promise<ProjectionOutcome>;
  remove(issueKey: string): Promise<'removed' | 'absent'>;
  page(request: RegisterPageRequest): Promise<Result<Page<StoredRegisterEntry>, RegisterCursorCode>>;
  count(filter: RegisterFilter): Promise<number>;
  due(query: DueQuery, limit: number, after?: string): Promise<Result<Page<StoredRegisterEntry>, RegisterCursorCode>>;
  countDue(query: DueQuery): Promise<number>;
  /**
   * Every count the concurrency limits need, in one statement however many assets are named (a workflow
   * validator has one query to spend): active exceptions on each distinct asset and in the business unit.
   */
  concurrencyCounts(query: ConcurrencyQuery): Promise<ActiveExceptionCounts>;
  /** Entries that renew `issueKey`, oldest first. */
  renewalsOf(issueKey: string): Promise<StoredRegisterEntry[]>;
}
