import { runHourlyJobs } from '../app/jobs/scheduled-jobs';
import { forgePlatform, type Platform } from './composition/platform';
import { buildScheduledJobsDeps } from './composition/scheduled-jobs-deps';
import { jobStatuses, logJobResults } from './jobs/log-job-results';
import { logLine } from './log-line';
import { continueReconcile } from './reconcile.scheduled';
import { SCHEDULED_DONE, scheduledRequestSchema } from './scheduled-request';

/**
 * The hourly upkeep (`scheduledTrigger`, interval hour): applies pending schema migrations (an app upgrade that is
 * not a major version fires no lifecycle event, so this is how new migrations reach every installation), then the
 * hourly jobs (stalled approvals) on the migrated schema, then carries on a reconcile run that ran out of time.
 * Forge allows five scheduled triggers, so the hourly work shares this one. Scheduled triggers are never retried,
 * so each hour tries again.
 */
export const runHourlyUpkeep = async (
  platform: Platform,
): Promise<{ migrationsApplied: readonly string[]; jobs: readonly { job: string; status: string }[]; reconcile: string | null }> => {
  const migrationsApplied = await platform.database().migrate();
  if (migrationsApplied.length > 0) logLine('info', 'hourly-upkeep', 'migrations applied', { names: migrationsApplied.join(',') });
  const jobs = await runHourlyJobs(await buildScheduledJobsDeps(platform));
  logJobResults('hourly-upkeep', jobs);
  const reconcile = await continueReconcile(platform);
  return { migrationsApplied, jobs: jobStatuses(jobs), reconcile: reconcile?.kind ?? null };
};

export const hourlyUpkeepHandler =
  (platform: Platform) =>
  async (request: unknown): Promise<typeof SCHEDULED_DONE> => {
    scheduledRequestSchema.parse(request);
    await runHourlyUpkeep(platform);
    return SCHEDULED_DONE;
  };

/** The Forge function of the hourly `hourly-upkeep` scheduled trigger. */
export const hourlyUpkeep = hourlyUpkeepHandler(forgePlatform);
