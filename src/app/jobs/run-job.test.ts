import { z } from 'zod';
import { SqlJobRunRepository } from '../../adapters/sql/sql-job-run-repository';
import { sqliteInMemory, type TestDatabase } from '../../adapters/sql/testing/test-database';
import type { LeaseStore } from './job-ports';
import { runJob, runnable, type ItemOutcome, type JobDefinition, type JobRunnerDeps } from './run-job';

/** Leases as the KVS adapter keeps them, without a clock: held until released. */
class MemoryLeases implements LeaseStore {
  readonly held = new Map<string, string>();

  acquire(name: string, holder: string): Promise<'acquired' | 'held'> {
    if (this.held.has(name)) return Promise.resolve('held');
    this.held.set(name, holder);
    return Promise.resolve('acquired');
  }

  release(name: string, holder: string): Promise<'released' | 'not-held'> {
    if (this.held.get(name) !== holder) return Promise.resolve('not-held');
    this.held.delete(name);
    return Promise.resolve('released');
  }
}

describe('runJob', () => {
  let testDb: TestDatabase;
  let runs: SqlJobRunRepository;
  let leases: MemoryLeases;
  let handled: string[];
  let remaining: number;

  /** Items 1..n in pages of `size`; an item named in `failing` fails. */
  const numbers = (n: number, size: number, failing: readonly string[] = []): JobDefinition<{ readonly n: number }> => ({
    name: 'numbers',
    planSchema: z.object({ n: z.number() }),
    plan: () => Promise.resolve({ n }),
    passes: (plan) => [
      runnable<string>({
        name: 'count',
        page: (cursor) => {
          const start = cursor === undefined ? 0 : Number(cursor);
          const items = Array.from({ length: Math.min(size, plan.n - start) }, (_, i) => String(start + i + 1));
          return Promise.resolve(start + size < plan.n ? { items, next: String(start + size) } : { items });
        },
        handle: async (items, budget) => {
          const outcomes: ItemOutcome[] = [];
          for (const item of items) {
            if (!budget.enough()) break;
            handled.push(item);
            remaining -= 10;
            outcomes.push(failing.includes(item) ? { id: item, result: 'failed', code: 'TEST.FAILED', message: `item ${item} failed` } : { id: item, result: 'acted' });
            await Promise.resolve();
          }
          return outcomes;
        },
      }),
    ],
  });

  const deps = (invocationId = 'inv-1'): JobRunnerDeps => ({
    runs,
    leases,
    now: () => '2027-01-10T06:00:00.000Z',
    remainingTimeMs: () => remaining,
    invocationId,
    reserveMs: 100,
  });

  beforeEach(async () => {
    testDb = await sqliteInMemory.create();
    runs = new SqlJobRunRepository(testDb.database);
    leases = new MemoryLeases();
    handled = [];
    remaining = 10_000;
  });

  afterEach(() => testDb.close());

  it('runs every page once and records the outcome', async () => {
    expect(await runJob(deps(), numbers(7, 3), 'day-1')).toEqual({ status: 'finished', outcome: 'succeeded', summary: { acted: 7, skipped: 0, failed: 0, failures: [] } });
    expect(handled).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(await runs.get('numbers', 'day-1')).toMatchObject({ outcome: 'succeeded', processed: 7 });
    expect(leases.held.size).toBe(0);
  });

  it('never runs a finished run again', async () => {
    await runJob(deps(), numbers(3, 3), 'day-1');
    expect(await runJob(deps('inv-2'), numbers(3, 3), 'day-1')).toEqual({ status: 'already-finished' });
    expect(handled).toEqual(['1', '2', '3']);
  });

  it('leaves the run to the invocation that holds the lease', async () => {
    leases.held.set('job.numbers', 'inv-other');
    expect(await runJob(deps(), numbers(3, 3), 'day-1')).toEqual({ status: 'busy' });
    expect(handled).toEqual([]);
  });

  it('stops between items when time runs low and resumes at the interrupted page in the next invocation', async () => {
    remaining = 140;
    expect(await runJob(deps(), numbers(7, 3), 'day-1')).toEqual({ status: 'continue-later' });
    expect(handled).toEqual(['1', '2', '3', '4']);
    expect(leases.held.size).toBe(0);
    remaining = 10_000;
    expect(await runJob(deps('inv-2'), numbers(7, 3), 'day-1')).toMatchObject({ status: 'finished', outcome: 'succeeded' });
    expect(handled).toEqual(['1', '2', '3', '4', '4', '5', '6', '7']);
  });

  it('keeps the plan it started with when resumed', async () => {
    remaining = 120;
    await runJob(deps(), numbers(4, 2), 'day-1');
    remaining = 10_000;
    await runJob(deps('inv-2'), numbers(9, 2), 'day-1');
    expect(handled).toEqual(['1', '2', '3', '4']);
  });

  it('finishes a run with failures as failed and keeps what failed', async () => {
    const result = await runJob(deps(), numbers(4, 2, ['2', '3']), 'day-1');
    expect(result).toEqual({
      status: 'finished',
      outcome: 'failed',
      summary: {
        acted: 2,
        skipped: 0,
        failed: 2,
        failures: [
          { id: '2', code: 'TEST.FAILED', message: 'item 2 failed' },
          { id: '3', code: 'TEST.FAILED', message: 'item 3 failed' },
        ],
      },
    });
    expect(JSON.parse((await runs.get('numbers', 'day-1'))?.summary ?? '{}')).toMatchObject({ failed: 2 });
  });

  it('stops without acting further when another invocation saved a checkpoint of the same run first', async () => {
    await runs.start('numbers', 'day-1', '2027-01-10T06:00:00.000Z');
    const job = numbers(6, 2);
    const racing: JobDefinition<{ readonly n: number }> = {
      ...job,
      passes: (plan) =>
        job.passes(plan).map((pass) => ({
          name: pass.name,
          run: async (cursor, budget) => {
            const page = await pass.run(cursor, budget);
            const run = await runs.get('numbers', 'day-1');
            await runs.checkpoint('numbers', 'day-1', run?.checkpointVersion ?? 0, { checkpoint: JSON.stringify({ plan, pass: 1, acted: 0, skipped: 0, failed: 0, failures: [] }), processed: 0 });
            return page;
          },
        })),
    };
    expect(await runJob(deps(), racing, 'day-1')).toEqual({ status: 'overtaken' });
    expect(handled).toEqual(['1', '2']);
  });

  it('gives the lease back when a page cannot be read', async () => {
    const broken: JobDefinition<{ readonly n: number }> = {
      ...numbers(3, 3),
      passes: () => [runnable<string>({ name: 'broken', page: () => Promise.reject(new Error('database gone')), handle: () => Promise.resolve([]) })],
    };
    await expect(runJob(deps(), broken, 'day-1')).rejects.toThrow('database gone');
    expect(leases.held.size).toBe(0);
  });
});
