import { z } from 'zod';
import type { JobRun, JobRunRepository } from '../ports/job-run-repository';
import type { LeaseStore } from './job-ports';

/**
 * Runs one scheduled job to completion across as many invocations as it takes.
 *
 * A job is a plan (computed once, when the run starts, and kept in the checkpoint so every invocation of the run
 * works on the same selection) and passes over paged selections. After every page the position is saved by
 * compare-and-set, so a resumed run starts at the first page not yet finished. When the invocation's remaining time
 * drops under the reserve, the run stops between items and asks to be continued; items of the interrupted page are
 * handled again on resume, which every job makes harmless (ledger keys, Jira state).
 *
 * Duplicate and concurrent invocations: the job's lease lets one invocation work at a time; the run record
 * ((job, run key) is unique) makes a second trigger for the same run resume it instead of starting another, and a
 * finished run is never run again.
 */

export type ItemResult = 'acted' | 'skipped' | 'failed';

export type ItemOutcome = {
  /** The issue key (or other id) of the item. */
  readonly id: string;
  readonly result: ItemResult;
  /** For a failure: the stable code and what went wrong, kept in the run record. */
  readonly code?: string;
  readonly message?: string;
};

export type Budget = {
  /** Whether there is time for one more item in this invocation. */
  readonly enough: () => boolean;
};

export type PassPage<I> = { readonly items: readonly I[]; readonly next?: string };

export type Pass<I> = {
  readonly name: string;
  page(cursor: string | undefined): Promise<PassPage<I>>;
  /** Handles the items in order and returns one outcome per item handled; fewer when the budget ran out. */
  handle(items: readonly I[], budget: Budget): Promise<readonly ItemOutcome[]>;
};

/** A pass with its item type sealed in, so passes over different items can share one list. */
export type RunnablePass = {
  readonly name: string;
  run(cursor: string | undefined, budget: Budget): Promise<{ readonly outcomes: readonly ItemOutcome[]; readonly complete: boolean; readonly next?: string }>;
};

export const runnable = <I>(pass: Pass<I>): RunnablePass => ({
  name: pass.name,
  async run(cursor, budget) {
    const page = await pass.page(cursor);
    const outcomes = await pass.handle(page.items, budget);
    return { outcomes, complete: outcomes.length >= page.items.length, ...(page.next === undefined ? {} : { next: page.next }) };
  },
});

export type PlanContext = {
  readonly runKey: string;
  readonly now: string;
  /** The latest earlier run of the job that finished without failures: where "since the last run" starts. */
  readonly lastSucceeded: JobRun | null;
};

export type JobDefinition<P> = {
  readonly name: string;
  readonly planSchema: z.ZodType<P>;
  plan(context: PlanContext): Promise<P>;
  passes(plan: P): readonly RunnablePass[];
};

export type JobRunnerDeps = {
  readonly runs: JobRunRepository;
  readonly leases: LeaseStore;
  readonly now: () => string;
  /** Production passes `getAppContext().invocationRemainingTimeInMillis()`. */
  readonly remainingTimeMs: () => number;
  /** Identifies this invocation as a lease holder. */
  readonly invocationId: string;
  /** Work stops with less than this left, which must cover one item including Jira's retries (15 s at most). */
  readonly reserveMs?: number;
  /** Longer than the longest invocation (900 s), so a live holder never loses its lease. */
  readonly leaseTtlMs?: number;
};

export const DEFAULT_RESERVE_MS = 30_000;
export const DEFAULT_LEASE_TTL_MS = 16 * 60_000;
/** How many failures the run record details; the count covers all of them. */
export const MAX_RECORDED_FAILURES = 20;
const RECENT_RUNS_CONSULTED = 30;

const failureSchema = z.object({ id: z.string(), code: z.string(), message: z.string() });
type RecordedFailure = z.infer<typeof failureSchema>;

const runStateSchema = z.object({
  plan: z.unknown(),
  pass: z.number().int().min(0),
  cursor: z.string().optional(),
  acted: z.number().int().min(0),
  skipped: z.number().int().min(0),
  failed: z.number().int().min(0),
  failures: z.array(failureSchema).max(MAX_RECORDED_FAILURES),
});
type RunState = z.infer<typeof runStateSchema>;

export type RunSummary = {
  readonly acted: number;
  readonly skipped: number;
  readonly failed: number;
  readonly failures: readonly RecordedFailure[];
};

export type JobRunResult =
  /** Another invocation holds the job's lease and is working on it. */
  | { readonly status: 'busy' }
  | { readonly status: 'already-finished' }
  /** Out of time: the run continues from its checkpoint in another invocation. */
  | { readonly status: 'continue-later' }
  /** Another invocation saved a checkpoint of the same run first; this one stopped without acting further. */
  | { readonly status: 'overtaken' }
  | { readonly status: 'finished'; readonly outcome: 'succeeded' | 'failed'; readonly summary: RunSummary };

const parseState = <P>(job: JobDefinition<P>, checkpoint: string | undefined): { state: RunState; plan: P } | null => {
  if (checkpoint === undefined) return null;
  const state = runStateSchema.parse(JSON.parse(checkpoint));
  return { state, plan: job.planSchema.parse(state.plan) };
};

const summaryOf = (state: RunState): RunSummary => ({
  acted: state.acted,
  skipped: state.skipped,
  failed: state.failed,
  failures: state.failures,
});

const withOutcomes = (state: RunState, outcomes: readonly ItemOutcome[]): RunState => {
  const failures = [...state.failures];
  const counts = { acted: state.acted, skipped: state.skipped, failed: state.failed };
  for (const outcome of outcomes) {
    counts[outcome.result] += 1;
    if (outcome.result === 'failed' && failures.length < MAX_RECORDED_FAILURES) {
      failures.push({ id: outcome.id, code: outcome.code ?? 'JOB.FAILED', message: outcome.message ?? 'failed' });
    }
  }
  return { ...state, ...counts, failures };
};

const lastSucceededRun = async (runs: JobRunRepository, job: string, runKey: string): Promise<JobRun | null> =>
  (await runs.recent(job, RECENT_RUNS_CONSULTED)).find((run) => run.runKey !== runKey && run.outcome === 'succeeded') ?? null;

export const runJob = async <P>(deps: JobRunnerDeps, job: JobDefinition<P>, runKey: string): Promise<JobRunResult> => {
  const lease = `job.${job.name}`;
  const reserveMs = deps.reserveMs ?? DEFAULT_RESERVE_MS;
  if ((await deps.leases.acquire(lease, deps.invocationId, deps.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS)) === 'held') return { status: 'busy' };
  try {
    await deps.runs.start(job.name, runKey, deps.now());
    const run = await deps.runs.get(job.name, runKey);
    if (run === null) throw new Error(`job run ${job.name}/${runKey} vanished right after it was started`);
    if (run.finishedAt !== undefined) return { status: 'already-finished' };

    const resumed = parseState(job, run.checkpoint);
    const plan =
      resumed?.plan ?? (await job.plan({ runKey, now: deps.now(), lastSucceeded: await lastSucceededRun(deps.runs, job.name, runKey) }));
    let state: RunState = resumed?.state ?? { plan, pass: 0, acted: 0, skipped: 0, failed: 0, failures: [] };
    let version = run.checkpointVersion;
    const passes = job.passes(plan);
    const budget: Budget = { enough: () => deps.remainingTimeMs() > reserveMs };

    const save = async (next: RunState): Promise<boolean> => {
      const saved = await deps.runs.checkpoint(job.name, runKey, version, {
        checkpoint: JSON.stringify(next),
        processed: next.acted + next.skipped + next.failed,
      });
      if (saved === 'conflict') return false;
      version += 1;
      state = next;
      return true;
    };

    for (let pass = passes[state.pass]; pass !== undefined; pass = passes[state.pass]) {
      if (!budget.enough()) return (await save(state)) ? { status: 'continue-later' } : { status: 'overtaken' };
      const page = await pass.run(state.cursor, budget);
      const counted = withOutcomes(state, page.outcomes);
      const { cursor: _finished, ...rest } = counted;
      const next: RunState = !page.complete
        ? counted
        : page.next === undefined
          ? { ...rest, pass: state.pass + 1 }
          : { ...counted, cursor: page.next };
      if (!(await save(next))) return { status: 'overtaken' };
      if (!page.complete) return { status: 'continue-later' };
    }

    const summary = summaryOf(state);
    const outcome = summary.failed === 0 ? 'succeeded' : 'failed';
    const finished = await deps.runs.finish(job.name, runKey, { at: deps.now(), outcome, summary: JSON.stringify(summary) });
    return finished === 'finished' ? { status: 'finished', outcome, summary } : { status: 'overtaken' };
  } finally {
    await deps.leases.release(lease, deps.invocationId);
  }
};
