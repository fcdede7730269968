import { z } from 'zod';
import type { Approval } from '../../domain/approval/approval';
import { isoDateSchema } from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';
import { dueReminders } from '../../domain/schedule/due-reminders';
import { addCalendarDays, daysBetween, type IsoDate } from '../../domain/shared/dates';
import { policyDay } from '../../domain/approval/policy-day';
import type { Page } from '../ports/page';
import type { StoredRegisterEntry } from '../ports/register-repository';
import type { DayRange } from './job-ports';
import { batchSizeOf, catchUpFrom, eachItem, failedOutcome, settleFrom, type JobsDeps } from './jobs-deps';
import { reminderNotice } from './notices';
import { notifyOnce, outcomeOfSteps, type OnceOutcome } from './once';
import { runnable, type JobDefinition, type RunnablePass } from './run-job';

/**
 * Expiry reminders (daily). A reminder becomes due on the day an exception crosses one of its tier's thresholds
 * (30/14/7/1 days by default). Since the last successful run on day L, the exceptions that crossed threshold t are
 * those whose last day falls in (L + t, today + t]: the job reads those ranges (merged where they overlap) and the
 * exceptions activated since L, which may start inside a threshold, and nothing else. Which reminder is due, and
 * to whom, is the schedule's decision (dueReminders): the most urgent threshold crossed, to the requester and asset
 * owner, and to the approvers once expiry is close.
 *
 * Per reminder: the ledger key (exception, expiry day, threshold, recipient) is recorded before the e-mail and
 * released if it fails, so each reminder is sent once ever, whichever runs see the exception again.
 */

export const REMINDER_JOB = 'expiry-reminders';

const planSchema = z.object({
  today: isoDateSchema,
  ranges: z.array(z.object({ after: isoDateSchema, through: isoDateSchema })),
  activatedSince: z.iso.datetime({ offset: true }),
});
type ReminderPlan = z.infer<typeof planSchema>;

/** Every threshold of every tier, once. */
export const reminderThresholds = (policy: Policy): number[] =>
  [...new Set(Object.values(policy.tiers).flatMap((tier) => tier.reminderDays))].sort((a, b) => a - b);

/** The expiry-day ranges in which some threshold was crossed after `since` and up to `today`, merged and in order. */
export const crossingRanges = (thresholds: readonly number[], since: IsoDate, today: IsoDate): DayRange[] => {
  const ranges = thresholds
    .map((threshold) => ({ after: addCalendarDays(since, threshold), through: addCalendarDays(today, threshold) }))
    .sort((a, b) => daysBetween(b.after, a.after));
  const merged: DayRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && daysBetween(range.after, last.through) >= 0) {
      if (daysBetween(last.through, range.through) > 0) merged[merged.length - 1] = { after: last.after, through: range.through };
    } else {
      merged.push(range);
    }
  }
  return merged.filter((range) => daysBetween(range.after, range.through) > 0);
};

const approvalsFor = async (deps: JobsDeps, entries: readonly StoredRegisterEntry[], today: IsoDate): Promise<Map<string, readonly Approval[]>> => {
  const byIssue = new Map<string, readonly Approval[]>();
  for (const entry of entries) {
    const close = entry.expiresOn !== undefined && daysBetween(today, entry.expiresOn) <= deps.policy.reminders.approversFromDays;
    if (close) byIssue.set(entry.issueKey, await deps.approvals.forIssue(entry.issueKey));
  }
  return byIssue;
};

const remindPass = (deps: JobsDeps, name: string, page: (cursor: string | undefined) => Promise<Page<StoredRegisterEntry>>): RunnablePass =>
  runnable<StoredRegisterEntry>({
    name,
    page,
    async handle(entries, budget) {
      const now = deps.now();
      const today = policyDay(now, deps.policy);
      const reads = await deps.exceptions.read(entries);
      if (!reads.ok) return entries.map((entry) => failedOutcome(entry.issueKey, reads.error));
      const approvalsByIssue = await approvalsFor(deps, entries, today);
      return eachItem(entries, budget, (entry) => entry.issueKey, async (entry) => {
        const read = reads.value.get(entry.issueKey);
        if (read?.kind !== 'exception') return { id: entry.issueKey, result: 'skipped', code: 'JOB.UNREADABLE', message: 'Jira does not hold it as a readable exception' };
        const actions = dueReminders({ exceptions: [read.exception], approvalsByIssue, now, policy: deps.policy });
        const steps: OnceOutcome[] = [];
        for (const action of actions) {
          const notice = reminderNotice(entry, action);
          steps.push(
            await notifyOnce(deps, action.key, 'notice.expiry-reminder', now, {
              issueKey: action.issueKey,
              ...notice,
              to: { accountIds: action.accountIds },
              renewalLink: action.renewalHint,
            }),
          );
        }
        return outcomeOfSteps(entry.issueKey, steps);
      });
    },
  });

export const reminderJob = (deps: JobsDeps): JobDefinition<ReminderPlan> => ({
  name: REMINDER_JOB,
  planSchema,
  plan: (context) =>
    Promise.resolve({
      today: context.runKey,
      ranges: crossingRanges(reminderThresholds(deps.policy), catchUpFrom(context, context.runKey), context.runKey),
      activatedSince: settleFrom(context),
    }),
  passes: (plan) => [
    ...plan.ranges.map((range) =>
      remindPass(deps, `remind:${range.after}..${range.through}`, (cursor) => deps.selection.expiringIn(range, batchSizeOf(deps), cursor)),
    ),
    remindPass(deps, 'remind:newly-active', (cursor) => deps.selection.enteredStatusSince('active', plan.activatedSince, batchSizeOf(deps), cursor)),
  ],
});
