import { isInApproval, type SecurityException } from '../exception/security-exception';
import type { Policy } from '../policy/policy-config';
import { daysBetween, type IsoDate } from '../shared/dates';
import { compareIssueKeys, dayOfInstant, sortByIssueKey, type ExpireAction } from './due-action';

export type DueExpiriesInput = {
  /** Renewals awaiting a decision are found among these, so in-approval exceptions must be included. */
  readonly exceptions: readonly SecurityException[];
  readonly now: string;
  readonly policy: Policy;
};

/**
 * Active exceptions whose last day in force has ended in the policy's time zone. The key holds the expiry
 * day, so an exception whose expiry was extended can expire again on its new day.
 */
export function dueExpiries({ exceptions, now, policy }: DueExpiriesInput): ExpireAction[] {
  const today = dayOfInstant(now, policy.timeZone);
  const actions: ExpireAction[] = [];
  for (const exception of exceptions) {
    const { expiresOn } = exception;
    if (exception.status !== 'active' || expiresOn === undefined || !lastDayHasEnded(expiresOn, today)) continue;
    const pendingRenewalKey = pendingRenewalOf(exception.key, exceptions);
    if (pendingRenewalKey !== null && !policy.renewal.originalExpiresWhileRenewalPending) continue;
    actions.push({ type: 'expire', key: `expire:${exception.key}:${expiresOn}`, issueKey: exception.key, expiresOn, pendingRenewalKey });
  }
  return sortByIssueKey(actions);
}

/** `expiresOn` is the last day in force, so the exception lapses the day after, not on it. */
export const lastDayHasEnded = (expiresOn: IsoDate, today: IsoDate): boolean => daysBetween(expiresOn, today) > 0;

/** The renewal of `issueKey` that is submitted but not yet decided; drafts do not hold an expiry back. */
export function pendingRenewalOf(issueKey: string, exceptions: readonly SecurityException[]): string | null {
  const pending = exceptions
    .filter((candidate) => candidate.renewalOf === issueKey && isInApproval(candidate.status))
    .map((candidate) => candidate.key)
    .sort(compareIssueKeys);
  return pending[0] ?? null;
}
