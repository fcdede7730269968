import { policyDay } from '../../domain/approval/policy-day';
import type { Policy } from '../../domain/policy/policy-config';
import { reviewDueBy } from '../../domain/schedule/due-reviews';
import { daysBetween, firstDayOfNextQuarter, quarterOf, type IsoDate } from '../../domain/shared/dates';
import { ok, refuse, type Result } from '../../domain/shared/result';
import type { RegisterCursorCode, RegisterRepository, StoredRegisterEntry } from '../ports/register-repository';
import type { RecordedReviewAttestation, ReviewAttestationRepository } from '../ports/review-attestation-repository';
import { listRegister } from './register-listing';

export type ReviewQueueDeps = {
  readonly register: RegisterRepository;
  readonly attestations: Pick<ReviewAttestationRepository, 'forIssue'>;
  readonly policy: Policy;
  readonly now: () => string;
};

export type ProjectReviewItem = {
  readonly entry: StoredRegisterEntry;
  /** The last day this quarter's attestation is on time. */
  readonly dueOn: IsoDate;
  readonly overdue: boolean;
  readonly attestation: RecordedReviewAttestation | null;
};

export type ProjectReviewQueue = {
  readonly quarter: string;
  readonly items: readonly ProjectReviewItem[];
  readonly total: number;
  readonly next?: string;
};

export type ReviewQueueCode = RegisterCursorCode | 'REVIEW.WRONG_QUARTER';

/**
 * One project's quarterly review queue (SEC-PROC-009 step 4), from the register's review index: the active exceptions
 * whose review is due by the end of the quarter, overdue first; with `includeAttested`, also those already attested
 * this quarter (an attestation moves the next review into the next quarter), each with its attestation.
 */
export const projectReviewQueue = async (
  deps: ReviewQueueDeps,
  request: { readonly projectKey: string; readonly quarter?: string; readonly includeAttested: boolean; readonly pageSize: number; readonly cursor?: string },
): Promise<Result<ProjectReviewQueue, ReviewQueueCode>> => {
  const today = policyDay(deps.now(), deps.policy);
  const quarter = quarterOf(today);
  if (request.quarter !== undefined && request.quarter !== quarter) {
    return refuse('REVIEW.WRONG_QUARTER', `Reviews are kept for the current quarter, ${quarter}; earlier quarters are in the audit trail and the monthly reports.`);
  }
  const listing = await listRegister(
    { register: deps.register, policy: deps.policy, now: deps.now },
    {
      projectKey: request.projectKey,
      search: { statuses: ['active'], ...(request.includeAttested ? {} : { reviewDueBefore: firstDayOfNextQuarter(today) }) },
      order: { by: 'nextReviewDue', direction: 'asc' },
      limit: request.pageSize,
      ...(request.cursor === undefined ? {} : { cursor: request.cursor }),
    },
  );
  if (!listing.ok) return listing;
  const items = await Promise.all(
    listing.value.rows.map(async ({ entry }): Promise<ProjectReviewItem> => {
      const attestation = (await deps.attestations.forIssue(entry.issueKey)).find((candidate) => candidate.quarter === quarter) ?? null;
      const dueOn = attestation === null && entry.nextReviewDue !== undefined ? entry.nextReviewDue : reviewDueBy(entry, today, deps.policy);
      return { entry, dueOn, overdue: attestation === null && daysBetween(dueOn, today) > 0, attestation };
    }),
  );
  return ok({ quarter, items, total: listing.value.total, ...(listing.value.next === undefined ? {} : { next: listing.value.next }) });
};
