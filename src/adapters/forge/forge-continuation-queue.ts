import { Queue } from '@forge/events';
import type { Continuation, ContinuationQueue } from '../../app/jobs/scheduled-jobs';

/**
 * The scheduled jobs' continuation queue over a Forge `consumer` queue: each continuation is one event whose body
 * is the message itself, so the consumer parses `event.body` with `continuationSchema`. Forge delivers at least
 * once and in no particular order, which the job runs tolerate (a finished run is never run again).
 */
export const forgeContinuationQueue = (key: string): ContinuationQueue => ({
  async push(continuation: Continuation) {
    await new Queue({ key }).push({ body: continuation });
  },
});
