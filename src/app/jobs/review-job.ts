import { z } from 'zod';
import { isoDateSchema } from '../../domain/exception/security-exception';
import { dueReviews } from '../../domain/schedule/due-reviews';
import { addCalendarDays } from '../../domain/shared/dates';
import type { StoredRegisterEntry } from '../ports/register-repository';
import { batchSizeOf, catchUpFrom, eachReadableException, failedOutcome, type JobsDeps } from './jobs-deps';
import { overdueReviewNotice } from './notices';
import { notifyOnce } from './once';
import { runnable, type JobDefinition } from './run-job';

/**
 * Overdue quarterly reviews (daily, SEC-PROC-009 step 4). The register keeps each active exception's next review
 * day (moved on when the quarter is attested), indexed; a review became overdue on the day after it was due, so
 * since the last successful run on day L the newly overdue ones are those due in [L, today - 1]. Whether a review is
 * due, for which quarter and by when is the schedule's decision (dueReviews), on the issue as Jira holds it and the
 * attestations on record. The review group is told once per exception and quarter (ledger key before the e-mail,
 * released if it fails). Due and overdue reviews are listed by the review queue, not e-mailed one by one.
 */

export const REVIEW_JOB = 'quarterly-reviews';

const planSchema = z.object({ today: isoDateSchema, after: isoDateSchema, through: isoDateSchema });
type ReviewPlan = z.infer<typeof planSchema>;

const overduePass = (deps: JobsDeps, plan: ReviewPlan) =>
  runnable<StoredRegisterEntry>({
    name: 'overdue-reviews',
    page: (cursor) => deps.selection.reviewDueIn({ after: plan.after, through: plan.through }, batchSizeOf(deps), cursor),
    handle: (entries, budget) =>
      eachReadableException(deps, entries, budget, async (entry, exception) => {
        const now = deps.now();
        const attestations = await deps.attestations.forIssue(entry.issueKey);
        const [action] = dueReviews({ exceptions: [exception], attestations, now, policy: deps.policy });
        if (action === undefined || !action.overdue) return { id: entry.issueKey, result: 'skipped' };
        const notified = await notifyOnce(deps, `${action.key}:overdue`, 'notice.review-overdue', now, {
          issueKey: entry.issueKey,
          ...overdueReviewNotice(entry, action),
          to: { groups: [action.reviewGroup] },
        });
        if (notified.kind === 'failed') return failedOutcome(entry.issueKey, notified.error);
        return { id: entry.issueKey, result: notified.kind === 'done' ? 'acted' : 'skipped' };
      }),
  });

export const reviewJob = (deps: JobsDeps): JobDefinition<ReviewPlan> => ({
  name: REVIEW_JOB,
  planSchema,
  plan: (context) =>
    Promise.resolve({
      today: context.runKey,
      after: addCalendarDays(catchUpFrom(context, context.runKey), -1),
      through: addCalendarDays(context.runKey, -1),
    }),
  passes: (plan) => [overduePass(deps, plan)],
});
