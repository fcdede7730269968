import type { Approval } from '../approval/approval';
import type { SecurityException } from '../exception/security-exception';
import type { Policy } from '../policy/policy-config';
import { daysBetween } from '../shared/dates';
import { dayOfInstant, sortByIssueKey, type ExpiryRecipient, type ExpiryReminderAction } from './due-action';

export type DueRemindersInput = {
  readonly exceptions: readonly SecurityException[];
  /** Recorded decisions per issue key: the people who approved are reminded as expiry nears. */
  readonly approvalsByIssue?: ReadonlyMap<string, readonly Approval[]>;
  readonly now: string;
  readonly policy: Policy;
};

/**
 * The reminder threshold due with `daysLeft` days to go: the most urgent threshold already crossed. A job
 * that missed a run still sends the reminder it missed, and an exception created close to its expiry gets
 * one reminder rather than a burst of every threshold it starts inside.
 */
export function dueReminderThreshold(daysLeft: number, thresholds: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  const crossed = thresholds.filter((threshold) => daysLeft <= threshold);
  return crossed.length === 0 ? null : Math.min(...crossed);
}

/** Expiry reminders for active exceptions: one per recipient role and threshold, keyed by the expiry day. */
export function dueReminders({ exceptions, approvalsByIssue, now, policy }: DueRemindersInput): ExpiryReminderAction[] {
  const today = dayOfInstant(now, policy.timeZone);
  const actions: ExpiryReminderAction[] = [];
  for (const exception of exceptions) {
    const { expiresOn } = exception;
    if (exception.status !== 'active' || expiresOn === undefined) continue;
    const daysLeft = daysBetween(today, expiresOn);
    const threshold = dueReminderThreshold(daysLeft, policy.tiers[exception.tier].reminderDays);
    if (threshold === null) continue;
    const approvals = approvalsByIssue?.get(exception.key) ?? [];
    for (const { recipient, accountIds } of reminderRecipients(exception, approvals, daysLeft, policy)) {
      actions.push({
        type: 'remind-expiry',
        key: `remind:${exception.key}:${expiresOn}:${threshold}:${recipient}`,
        issueKey: exception.key,
        expiresOn,
        threshold,
        daysLeft,
        recipient,
        accountIds,
        renewalHint: true,
      });
    }
  }
  return sortByIssueKey(actions);
}

type Recipients = { readonly recipient: ExpiryRecipient; readonly accountIds: readonly string[] };

/**
 * Requester and asset owner always; approvers once expiry is close enough to matter to them. Nobody is sent
 * the same reminder twice under two roles.
 */
export function reminderRecipients(
  exception: SecurityException,
  approvals: readonly Approval[],
  daysLeft: number,
  policy: Policy,
): Recipients[] {
  const recipients: Recipients[] = [{ recipient: 'requester', accountIds: [exception.requester] }];
  if (exception.assetOwner !== exception.requester) recipients.push({ recipient: 'asset-owner', accountIds: [exception.assetOwner] });
  if (daysLeft <= policy.reminders.approversFromDays) {
    const alreadyReminded = new Set([exception.requester, exception.assetOwner]);
    const approvers = standingApprovers(approvals).filter((account) => !alreadyReminded.has(account));
    if (approvers.length > 0) recipients.push({ recipient: 'approvers', accountIds: approvers });
  }
  return recipients;
}

/** Accounts whose approval still counts (voided approvals stand for nobody), once each, in a stable order. */
const standingApprovers = (approvals: readonly Approval[]): string[] =>
  [...new Set(approvals.filter((a) => a.decision === 'approved' && a.voidedAt === undefined).map((a) => a.approver))].sort();
