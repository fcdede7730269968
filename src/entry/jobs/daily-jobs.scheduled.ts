import { runDailyJobs } from '../../app/jobs/scheduled-jobs';
import { forgePlatform, type Platform } from '../composition/platform';
import { buildScheduledJobsDeps } from '../composition/scheduled-jobs-deps';
import { SCHEDULED_DONE, scheduledRequestSchema } from '../scheduled-request';
import { logJobResults } from './log-job-results';

/**
 * The daily jobs (`scheduledTrigger` `daily-jobs`, interval day): expiry, reminders, quarterly reviews and, once a
 * month has closed, its report. Forge may fire the trigger twice and never retries it, so each run is keyed by its
 * day and a second firing finds it running or done; what does not fit in one invocation goes on through the queue.
 */
export const dailyJobsHandler =
  (platform: Platform) =>
  async (request: unknown): Promise<typeof SCHEDULED_DONE> => {
    scheduledRequestSchema.parse(request);
    logJobResults('daily-jobs', await runDailyJobs(await buildScheduledJobsDeps(platform)));
    return SCHEDULED_DONE;
  };

/** The Forge function of the daily `daily-jobs` scheduled trigger. */
export const dailyJobs = dailyJobsHandler(forgePlatform);
