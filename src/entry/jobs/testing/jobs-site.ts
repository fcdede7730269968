import { z } from 'zod';
import { createJobWorld, type JobWorld, type JobWorldOptions } from '../../../app/jobs/testing/job-world';
import type { Platform } from '../../composition/platform';

/**
 * The job world (a Jira stand-in with the full exception workflow, the local Forge runtime, SQLite) seen from the
 * entry handlers: a platform over its database and clock, and the Forge queue service the local runtime lacks.
 * `@forge/events` publishes through `__forge_fetch__` to the platform's queue endpoint; this site answers those
 * requests as Forge does and keeps the events, so a test can deliver them to the consumer as Forge would.
 */

type ForgeFetch = (target: { readonly type: string; readonly remote?: string }, path: string, init?: { readonly body?: unknown }) => Promise<Response>;
type ForgeGlobals = { __forge_fetch__?: ForgeFetch };

const PUBLISH_PATH = /^\/webhook\/queue\/publish\//;

const publishRequestSchema = z.object({
  queueName: z.string(),
  jobId: z.string(),
  payload: z.array(z.looseObject({ body: z.record(z.string(), z.unknown()) })),
});

/** An event as a `consumer` function receives it. */
export type QueuedEvent = { readonly queueName: string; readonly jobId: string; readonly eventId: string; readonly body: Record<string, unknown> };

export type JobsSite = {
  readonly world: JobWorld;
  readonly platform: Platform;
  /** Events pushed to Forge queues, oldest first. */
  readonly queued: QueuedEvent[];
  /** What the handlers are told their invocation has left, in milliseconds. */
  timeLeft: () => number;
  /** Runs `fn` as one Forge invocation with no user, as scheduled triggers and consumers run. */
  invoke<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export const createJobsSite = async (options: JobWorldOptions = {}): Promise<JobsSite> => {
  const world = await createJobWorld(options);
  const globals = globalThis as ForgeGlobals;
  const runtimeFetch = globals.__forge_fetch__;
  if (runtimeFetch === undefined) throw new Error('the job world installs the local Forge runtime; its __forge_fetch__ is missing');
  const queued: QueuedEvent[] = [];
  globals.__forge_fetch__ = async (target, path, init) => {
    if (target.type !== 'fpp' || target.remote !== 'stargate' || !PUBLISH_PATH.test(path)) return runtimeFetch(target, path, init);
    const request = publishRequestSchema.parse(JSON.parse(String(init?.body)));
    request.payload.forEach((event, index) =>
      queued.push({ queueName: request.queueName, jobId: request.jobId, eventId: `${request.jobId}-${index}`, body: event.body }),
    );
    return new Response(null, { status: 201 });
  };

  const site: JobsSite = {
    world,
    queued,
    timeLeft: () => 600_000,
    platform: {
      database: () => world.database,
      now: () => world.jira.clock.now(),
      remainingMs: () => site.timeLeft(),
      sleep: () => Promise.resolve(),
    },
    invoke: (fn) => world.runtime.runAs(null, fn),
    async close() {
      globals.__forge_fetch__ = runtimeFetch;
      await world.close();
    },
  };
  return site;
};
