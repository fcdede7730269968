import { policyDay } from '../../domain/approval/policy-day';
import type { SecurityException } from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';
import { addCalendarDays, daysBetween, type IsoDate } from '../../domain/shared/dates';
import type { AppendAuditEntryDeps } from '../audit/append-audit-entry';
import type { ApprovalRepository } from '../ports/approval-repository';
import type { NotificationLedger } from '../ports/notification-ledger';
import type { RegisterRepository, StoredRegisterEntry } from '../ports/register-repository';
import type { ReviewAttestationRepository } from '../ports/review-attestation-repository';
import type { DueSelection, ExceptionReader, IssueTransitions, Notifier, RemoteFailure } from './job-ports';
import type { Budget, ItemOutcome, PlanContext } from './run-job';

/** What the lifecycle jobs work with. The composition root builds one set per invocation. */
export type JobsDeps = {
  readonly policy: Policy;
  readonly now: () => string;
  readonly register: RegisterRepository;
  readonly selection: DueSelection;
  readonly approvals: ApprovalRepository;
  readonly attestations: ReviewAttestationRepository;
  readonly ledger: NotificationLedger;
  readonly audit: AppendAuditEntryDeps;
  readonly exceptions: ExceptionReader;
  readonly transitions: IssueTransitions;
  readonly notifier: Notifier;
  /** Items per page; one Jira bulk read per page. */
  readonly batchSize?: number;
};

export const DEFAULT_BATCH_SIZE = 50;
/** How far back a job looks when it has no recent successful run: a month of missed days plus slack. */
export const MAX_LOOKBACK_DAYS = 35;
const DAY_MS = 86_400_000;

export const batchSizeOf = (deps: JobsDeps): number => deps.batchSize ?? DEFAULT_BATCH_SIZE;

/** The policy day a daily run covers: its run key. */
export const dailyRunKey = (now: string, policy: Policy): IsoDate => policyDay(now, policy);

/** The day after which a daily job catches up: its last successful run's day, but never more than the lookback. */
export const catchUpFrom = (context: PlanContext, today: IsoDate): IsoDate => {
  const floor = addCalendarDays(today, -MAX_LOOKBACK_DAYS);
  const last = context.lastSucceeded?.runKey;
  return last === undefined || daysBetween(floor, last) < 0 || daysBetween(last, today) < 0 ? floor : last;
};

/** The instant from which a settling pass looks for what earlier runs changed: the last successful run's start. */
export const settleFrom = (context: PlanContext): string => {
  const floor = new Date(Date.parse(context.now) - MAX_LOOKBACK_DAYS * DAY_MS).toISOString();
  const last = context.lastSucceeded?.startedAt;
  return last === undefined || Date.parse(last) < Date.parse(floor) ? floor : new Date(last).toISOString();
};

export const failedOutcome = (id: string, failure: RemoteFailure): ItemOutcome => ({
  id,
  result: 'failed',
  code: failure.code,
  message: failure.message,
});

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Handles items one by one while the budget lasts. One item's failure, thrown or returned, is recorded against it
 * and never stops the others.
 */
export const eachItem = async <I>(
  items: readonly I[],
  budget: Budget,
  idOf: (item: I) => string,
  act: (item: I) => Promise<ItemOutcome>,
): Promise<ItemOutcome[]> => {
  const outcomes: ItemOutcome[] = [];
  for (const item of items) {
    if (!budget.enough()) break;
    try {
      outcomes.push(await act(item));
    } catch (error) {
      const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'JOB.ITEM_FAILED';
      outcomes.push({ id: idOf(item), result: 'failed', code, message: messageOf(error) });
    }
  }
  return outcomes;
};

/**
 * Reads the page's issues from Jira in one request, then acts on each one Jira holds as a readable exception while
 * the budget lasts. A failed read fails every item of the page.
 */
export const eachReadableException = async (
  deps: Pick<JobsDeps, 'exceptions'>,
  entries: readonly StoredRegisterEntry[],
  budget: Budget,
  act: (entry: StoredRegisterEntry, exception: SecurityException) => Promise<ItemOutcome>,
): Promise<ItemOutcome[]> => {
  const reads = await deps.exceptions.read(entries);
  if (!reads.ok) return entries.map((entry) => failedOutcome(entry.issueKey, reads.error));
  return eachItem(entries, budget, (entry) => entry.issueKey, async (entry) => {
    const read = reads.value.get(entry.issueKey);
    if (read?.kind !== 'exception') return { id: entry.issueKey, result: 'skipped', code: 'JOB.UNREADABLE', message: 'Jira does not hold it as a readable exception' };
    return act(entry, read.exception);
  });
};
