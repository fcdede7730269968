import type { SecurityException } from '../exception/security-exception';
import type { Policy } from '../policy/policy-config';
import { addCalendarDays, daysBetween, firstDayOfQuarter, quarterOf, type IsoDate } from '../shared/dates';
import { dayOfInstant, sortByIssueKey, type ReviewAction } from './due-action';
import { lastDayHasEnded } from './due-expiries';

/** A recorded quarterly review of one exception (SEC-PROC-009 step 4). */
export type ReviewAttestation = {
  readonly issueKey: string;
  /** Quarter label such as `2027-Q1`. */
  readonly quarter: string;
};

export type DueReviewsInput = {
  readonly exceptions: readonly SecurityException[];
  readonly attestations: readonly ReviewAttestation[];
  readonly now: string;
  readonly policy: Policy;
};

/**
 * Every exception still active needs an attestation for the current quarter, including one activated
 * during the quarter. Quarters are reckoned in the policy's time zone.
 */
export function dueReviews({ exceptions, attestations, now, policy }: DueReviewsInput): ReviewAction[] {
  const today = dayOfInstant(now, policy.timeZone);
  const quarter = quarterOf(today);
  const attested = new Set(attestations.filter((a) => a.quarter === quarter).map((a) => a.issueKey));
  const actions: ReviewAction[] = [];
  for (const exception of exceptions) {
    if (exception.status !== 'active' || attested.has(exception.key) || isLapsing(exception, today)) continue;
    const dueBy = reviewDueBy(exception, today, policy);
    actions.push({
      type: 'review',
      key: `review:${exception.key}:${quarter}`,
      issueKey: exception.key,
      quarter,
      dueBy,
      overdue: daysBetween(dueBy, today) > 0,
      reviewGroup: policy.review.group,
    });
  }
  return sortByIssueKey(actions);
}

// An exception past its last day is being expired (or waits on its renewal, which is reviewed in its own right).
const isLapsing = ({ expiresOn }: SecurityException, today: IsoDate): boolean =>
  expiresOn !== undefined && lastDayHasEnded(expiresOn, today);

/**
 * The last day the quarter's attestation is on time: `graceDays` after the quarter starts, or after the
 * exception was activated when that is later, because an exception approved late in a quarter has just been
 * scrutinised and cannot be late for a review before it existed.
 */
export function reviewDueBy(exception: Pick<SecurityException, 'activatedAt'>, today: IsoDate, policy: Policy): IsoDate {
  const quarterStart = firstDayOfQuarter(today);
  const { activatedAt } = exception;
  const activatedOn = activatedAt === undefined ? quarterStart : dayOfInstant(activatedAt, policy.timeZone);
  const clockStart = daysBetween(quarterStart, activatedOn) > 0 ? activatedOn : quarterStart;
  return addCalendarDays(clockStart, policy.review.graceDays);
}
