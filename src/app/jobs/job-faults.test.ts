import { runDailyJobs, runHourlyJobs, type ScheduledJobsDeps } from './scheduled-jobs';
import { InjectedFault, snapshotOf, withFaultAt, withoutLeases } from './testing/faults';
import { createJobWorld, PEOPLE, type JobWorld } from './testing/job-world';

/**
 * Faults during the scheduled jobs. For every step k of a clean run, a run in which step k fails (and the runs that
 * follow it) must leave the same state as the clean runs: the same transitions and comments, each e-mail and audit
 * entry exactly once. So must two invocations at once, and runs through Jira's rate limiting and server errors.
 */

type Trigger = (deps: ScheduledJobsDeps) => Promise<unknown>;

const DAY = '2027-01-18T06:00:00.000Z';
const Q = ['2026-Q4', '2027-Q1'];
const lead = { levelId: 'security-lead', approver: PEOPLE.lead };

/** One exception for every action of the daily jobs on 18 January 2027, and nothing new due the day after. */
const seedDaily = async (world: JobWorld): Promise<void> => {
  await world.seedException({ expiresOn: '2027-01-17', requestedExpiry: '2027-01-17', approvedBy: [lead], attestedQuarters: Q });
  await world.seedException({ expiresOn: '2027-02-01', requestedExpiry: '2027-02-01', attestedQuarters: Q });
  await world.seedException({ expiresOn: '2027-01-25', requestedExpiry: '2027-01-25', approvedBy: [lead], attestedQuarters: Q });
  const original = await world.seedException({ expiresOn: '2027-01-17', requestedExpiry: '2027-01-17', attestedQuarters: Q });
  await world.seedException({ expiresOn: '2027-04-30', requestedExpiry: '2027-04-30', renewalOf: original.key, renewalCount: 1, attestedQuarters: Q });
  await world.seedException({ expiresOn: '2027-06-30', requestedExpiry: '2027-06-30', activatedAt: '2026-11-03T10:00:00Z', attestedQuarters: ['2026-Q4'] });
};

/** Requests waiting for approval: one timed out, one escalated, one reminded at 06:00 on 18 January. */
const seedHourly = async (world: JobWorld): Promise<void> => {
  for (const statusChangedAt of ['2027-01-04T10:00:00.000Z', '2027-01-11T10:00:00.000Z', '2027-01-15T10:00:00.000Z']) {
    await world.seedException({ status: 'awaiting-approval', statusChangedAt, activatedAt: undefined, expiresOn: undefined });
  }
};

type Scenario = { readonly name: string; readonly seed: (world: JobWorld) => Promise<void>; readonly trigger: Trigger; readonly later: readonly string[] };

const SCENARIOS: readonly Scenario[] = [
  { name: 'daily', seed: seedDaily, trigger: runDailyJobs, later: ['2027-01-18T06:20:00.000Z', '2027-01-19T06:00:00.000Z'] },
  { name: 'hourly', seed: seedHourly, trigger: runHourlyJobs, later: ['2027-01-18T06:20:00.000Z', '2027-01-18T07:00:00.000Z'] },
];

const worldAt = async (scenario: Scenario): Promise<JobWorld> => {
  const world = await createJobWorld({ start: '2027-01-10T06:00:00.000Z' });
  await scenario.seed(world);
  world.jira.clock.set(new Date(DAY));
  return world;
};

const invoke = (world: JobWorld, trigger: Trigger, deps: ScheduledJobsDeps = world.deps()) => world.runtime.runAs(null, () => trigger(deps));

/** The runs after the one under test: the same trigger later that day (past the lease's TTL) and at its next interval. */
const runLater = async (world: JobWorld, scenario: Scenario): Promise<void> => {
  for (const instant of scenario.later) {
    world.jira.clock.set(new Date(instant));
    await invoke(world, scenario.trigger);
  }
};

describe.each(SCENARIOS)('the $name jobs', (scenario) => {
  let reference: Awaited<ReturnType<typeof snapshotOf>>;
  let steps: string[];

  beforeAll(async () => {
    const world = await worldAt(scenario);
    try {
      const counted = { steps: [] as string[] };
      await invoke(world, scenario.trigger, withFaultAt(world.deps(), counted));
      steps = counted.steps;
      await runLater(world, scenario);
      reference = await snapshotOf(world);
    } finally {
      await world.close();
    }
  });

  it('act on every seeded exception in a clean run', () => {
    expect(reference.notifications.length).toBeGreaterThanOrEqual(scenario.name === 'daily' ? 9 : 4);
    expect(steps.length).toBeGreaterThan(20);
  });

  it('reach the clean state whichever step of the run fails', async () => {
    const diverged: string[] = [];
    for (let failAt = 1; failAt <= steps.length; failAt += 1) {
      const world = await worldAt(scenario);
      try {
        await invoke(world, scenario.trigger, withFaultAt(world.deps(), { failAt, steps: [] })).catch((error: unknown) => {
          if (!(error instanceof InjectedFault)) throw error;
        });
        await runLater(world, scenario);
        const state = await snapshotOf(world);
        if (JSON.stringify(state) !== JSON.stringify(reference)) diverged.push(`step ${failAt} (${steps[failAt - 1] ?? '?'})`);
      } finally {
        await world.close();
      }
    }
    expect(diverged).toEqual([]);
  });

  it('reach the clean state when the trigger fires twice at once', async () => {
    const world = await worldAt(scenario);
    try {
      await Promise.all([invoke(world, scenario.trigger), invoke(world, scenario.trigger)]);
      await runLater(world, scenario);
      expect(await snapshotOf(world)).toEqual(reference);
    } finally {
      await world.close();
    }
  });

  it('reach the clean state when two invocations really run the same jobs at once (no lease)', async () => {
    const world = await worldAt(scenario);
    try {
      await Promise.all([invoke(world, scenario.trigger, withoutLeases(world.deps())), invoke(world, scenario.trigger, withoutLeases(world.deps()))]);
      await runLater(world, scenario);
      expect(await snapshotOf(world)).toEqual(reference);
    } finally {
      await world.close();
    }
  });

  it.each([
    ['rate limiting on every kind of request', { status: 429 as const, times: 6, retryAfterSeconds: 1 }],
    ['server errors on e-mails', { status: 500 as const, times: 3, pathPattern: /\/notify$/ }],
    ['server errors on transitions', { status: 500 as const, times: 2, pathPattern: /\/transitions$/, method: 'POST' }],
    ['server errors on bulk reads', { status: 500 as const, times: 2, pathPattern: /bulkfetch/ }],
    ['unavailability everywhere for a while', { status: 503 as const, times: 12 }],
  ])('reach the clean state through %s', async (_name, fault) => {
    const world = await worldAt(scenario);
    try {
      world.jira.injectFault(fault);
      await invoke(world, scenario.trigger);
      world.jira.clearFaults();
      await runLater(world, scenario);
      expect(await snapshotOf(world)).toEqual(reference);
    } finally {
      await world.close();
    }
  });
});
