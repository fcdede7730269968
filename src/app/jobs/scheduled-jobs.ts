import { z } from 'zod';
import { monthlyReportJob, closedMonthAt, REPORT_JOB, type ReportJobDeps } from '../reports/monthly-report-job';
import { EXPIRY_JOB, expiryJob } from './expiry-job';
import { dailyRunKey } from './jobs-deps';
import { REMINDER_JOB, reminderJob } from './reminder-job';
import { REVIEW_JOB, reviewJob } from './review-job';
import { runJob, type JobRunnerDeps, type JobRunResult } from './run-job';
import { STALLED_JOB, stalledApprovalJob } from './stalled-approval-job';

/**
 * The entry points of the scheduled side. Forge allows five scheduled triggers, so one daily trigger runs the daily
 * jobs in order of consequence (expiry, reminders, reviews, the monthly report once a month has closed) and one
 * hourly trigger runs the stalled-approval job. A job that runs out of invocation time is handed to the
 * continuation queue with the jobs after it; the queue's consumer calls `continueScheduledJobs` with that message.
 */

export const SCHEDULED_JOBS = [EXPIRY_JOB, REMINDER_JOB, REVIEW_JOB, REPORT_JOB, STALLED_JOB] as const;
export type ScheduledJob = (typeof SCHEDULED_JOBS)[number];

export const scheduledRunSchema = z.object({ job: z.enum(SCHEDULED_JOBS), runKey: z.string().min(1).max(128) });
export type ScheduledRun = z.infer<typeof scheduledRunSchema>;

/** The body of a continuation event on the queue; the consumer parses it with this schema. */
export const continuationSchema = z.object({ runs: z.array(scheduledRunSchema).min(1).max(SCHEDULED_JOBS.length) });
export type Continuation = z.infer<typeof continuationSchema>;

export interface ContinuationQueue {
  push(continuation: Continuation): Promise<void>;
}

export type ScheduledJobsDeps = JobRunnerDeps & ReportJobDeps & { readonly queue: ContinuationQueue };

export type ScheduledRunResult = ScheduledRun & { readonly result: JobRunResult | { readonly status: 'queued' } };

const runOne = (deps: ScheduledJobsDeps, run: ScheduledRun): Promise<JobRunResult> => {
  switch (run.job) {
    case EXPIRY_JOB:
      return runJob(deps, expiryJob(deps), run.runKey);
    case REMINDER_JOB:
      return runJob(deps, reminderJob(deps), run.runKey);
    case REVIEW_JOB:
      return runJob(deps, reviewJob(deps), run.runKey);
    case REPORT_JOB:
      return runJob(deps, monthlyReportJob(deps), run.runKey);
    case STALLED_JOB:
      return runJob(deps, stalledApprovalJob(deps), run.runKey);
  }
};

/** The hour a stalled-approval run covers, in UTC: `2027-02-02T13`. */
export const hourlyRunKey = (now: string): string => new Date(now).toISOString().slice(0, 13);

/**
 * Today's daily runs. The report's run is keyed by the closed month and the day, so a day whose report run failed
 * is followed by another attempt the next day; once the month's report is stored and sent, a run finds both done.
 */
export const dailyRuns = (now: string, deps: Pick<ScheduledJobsDeps, 'policy'>): ScheduledRun[] => {
  const day = dailyRunKey(now, deps.policy);
  return [
    { job: EXPIRY_JOB, runKey: day },
    { job: REMINDER_JOB, runKey: day },
    { job: REVIEW_JOB, runKey: day },
    { job: REPORT_JOB, runKey: `${closedMonthAt(now, deps.policy)}/${day}` },
  ];
};

/**
 * Runs `runs` in order. A job another invocation is working on is left to it. When one runs out of time, it and the
 * ones after it are queued and this invocation stops: the consumer carries on in a fresh invocation.
 */
export const runScheduledJobs = async (deps: ScheduledJobsDeps, runs: readonly ScheduledRun[]): Promise<ScheduledRunResult[]> => {
  const results: ScheduledRunResult[] = [];
  for (const [index, run] of runs.entries()) {
    const result = await runOne(deps, run);
    results.push({ ...run, result });
    if (result.status === 'continue-later') {
      await deps.queue.push({ runs: runs.slice(index) });
      results.push(...runs.slice(index + 1).map((queued) => ({ ...queued, result: { status: 'queued' as const } })));
      return results;
    }
  }
  return results;
};

/** The daily scheduled trigger. */
export const runDailyJobs = (deps: ScheduledJobsDeps): Promise<ScheduledRunResult[]> => runScheduledJobs(deps, dailyRuns(deps.now(), deps));

/** The hourly scheduled trigger. */
export const runHourlyJobs = (deps: ScheduledJobsDeps): Promise<ScheduledRunResult[]> =>
  runScheduledJobs(deps, [{ job: STALLED_JOB, runKey: hourlyRunKey(deps.now()) }]);

/** The continuation queue's consumer, with the event body parsed by `continuationSchema`. */
export const continueScheduledJobs = (deps: ScheduledJobsDeps, continuation: Continuation): Promise<ScheduledRunResult[]> =>
  runScheduledJobs(deps, continuation.runs);
