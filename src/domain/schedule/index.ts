import type { Approval } from '../approval/approval';
import type { SecurityException } from '../exception/security-exception';
import type { Policy } from '../policy/policy-config';
import type { DueAction } from './due-action';
import { dueExpiries } from './due-expiries';
import { dueReminders } from './due-reminders';
import { dueReviews, type ReviewAttestation } from './due-reviews';
import { dueStalledApprovals, type PendingStep } from './due-stalled-approvals';

export * from './due-action';
export { dueExpiries, lastDayHasEnded, pendingRenewalOf, type DueExpiriesInput } from './due-expiries';
export { dueReminders, dueReminderThreshold, reminderRecipients, type DueRemindersInput } from './due-reminders';
export { dueReviews, reviewDueBy, type DueReviewsInput, type ReviewAttestation } from './due-reviews';
export {
  dueStalledApprovals,
  dueStallStages,
  stalledApprovalActions,
  type DueStalledApprovalsInput,
  type PendingStep,
} from './due-stalled-approvals';

export type ScheduleInput = {
  readonly exceptions: readonly SecurityException[];
  readonly approvalsByIssue?: ReadonlyMap<string, readonly Approval[]>;
  readonly attestations: readonly ReviewAttestation[];
  readonly pendingByIssue: ReadonlyMap<string, PendingStep>;
  /** ISO instant of the run; "today" is its calendar day in the policy's time zone. */
  readonly now: string;
  readonly policy: Policy;
  /** Keys already in the ledger: those actions happened and are never listed again. */
  readonly alreadyDone?: ReadonlySet<string>;
};

/**
 * Everything due at `now` and not yet done. Each rule lists its actions in issue key order; the rules come
 * most consequential first, so a job stopped by its time limit has done what matters most.
 */
export function listDueActions(input: ScheduleInput): DueAction[] {
  const done = input.alreadyDone ?? new Set<string>();
  const actions: DueAction[] = [...dueExpiries(input), ...dueStalledApprovals(input), ...dueReviews(input), ...dueReminders(input)];
  return actions.filter((action) => !done.has(action.key));
}
