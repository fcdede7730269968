import { z } from 'zod';
import { continuationSchema, continueScheduledJobs } from '../../app/jobs/scheduled-jobs';
import { forgePlatform, type Platform } from '../composition/platform';
import { buildScheduledJobsDeps } from '../composition/scheduled-jobs-deps';
import { logJobResults } from './log-job-results';

/**
 * What Forge passes a `consumer` function: the pushed event (`{ body, queueName, jobId, eventId, ... }`). The body is
 * the continuation a scheduled run queued when it ran out of time.
 */
export const continuationEventSchema = z.looseObject({
  body: continuationSchema,
  queueName: z.string().optional(),
  jobId: z.string().optional(),
  eventId: z.string().optional(),
});

/**
 * The `jobs-continuation` consumer: carries the queued runs on from their checkpoints in a fresh invocation. Forge
 * delivers at least once; a run another delivery finished is left alone, so a redelivered event does nothing twice.
 */
export const continueJobsHandler =
  (platform: Platform) =>
  async (event: unknown): Promise<void> => {
    const { body } = continuationEventSchema.parse(event);
    logJobResults('jobs-continuation', await continueScheduledJobs(await buildScheduledJobsDeps(platform), body));
  };

/** The Forge function of the `jobs-continuation` consumer of the `scheduled-jobs` queue. */
export const continueJobs = continueJobsHandler(forgePlatform);
