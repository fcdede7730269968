import { continuationSchema, continueScheduledJobs, dailyRuns, hourlyRunKey, runDailyJobs } from './scheduled-jobs';
import { sent } from './testing/drive';
import { createJobWorld, type JobWorld } from './testing/job-world';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';

describe('the scheduled entry points', () => {
  it.each([
    ['2027-02-01T06:00:00.000Z', 'UTC', '2027-02-01', '2027-01/2027-02-01'],
    ['2027-03-31T23:30:00.000Z', 'Europe/London', '2027-04-01', '2027-03/2027-04-01'],
    ['2027-01-01T03:00:00.000Z', 'America/New_York', '2026-12-31', '2026-11/2026-12-31'],
  ])('at %s in %s the daily runs cover %s and the report of the month closed before it', (now, timeZone, day, reportKey) => {
    expect(dailyRuns(now, { policy: { ...DEFAULT_POLICY, timeZone } }).map((run) => [run.job, run.runKey])).toEqual([
      ['expiry', day],
      ['expiry-reminders', day],
      ['quarterly-reviews', day],
      ['monthly-report', reportKey],
    ]);
  });

  it('keys an hourly run by its UTC hour', () => {
    expect(hourlyRunKey('2027-03-28T01:59:59.999Z')).toBe('2027-03-28T01');
  });

  describe('continuation when the invocation runs out of time', () => {
    let world: JobWorld;

    beforeEach(async () => {
      world = await createJobWorld({ start: '2027-01-20T06:00:00.000Z' });
    });

    afterEach(() => world.close());

    it('queues the interrupted job with the ones after it, and the consumer finishes them with nothing done twice', async () => {
      const keys: string[] = [];
      for (let i = 0; i < 25; i += 1) keys.push((await world.seedException({ expiresOn: '2027-01-31', requestedExpiry: '2027-01-31', attestedQuarters: ['2027-Q1'] })).key);
      world.jira.clock.set(new Date('2027-02-01T06:00:00.000Z'));
      let checks = 0;
      const first = await world.runtime.runAs(null, () => runDailyJobs(world.deps({ remainingTimeMs: () => ((checks += 1) <= 15 ? 600_000 : 1_000) })));
      expect(first.map((run) => run.result.status)).toEqual(['continue-later', 'queued', 'queued', 'queued']);
      expect(world.queued).toHaveLength(1);
      const message = continuationSchema.parse(JSON.parse(JSON.stringify(world.queued[0])));
      expect(message.runs.map((run) => run.job)).toEqual(['expiry', 'expiry-reminders', 'quarterly-reviews', 'monthly-report']);
      const expiredEarly = keys.filter((key) => world.statusOf(key) === 'expired').length;
      expect(expiredEarly).toBeGreaterThan(0);
      expect(expiredEarly).toBeLessThan(keys.length);

      const resumed = await world.runtime.runAs(null, () => continueScheduledJobs(world.deps(), message));
      expect(resumed.map((run) => run.result.status)).toEqual(['finished', 'finished', 'finished', 'finished']);
      expect(keys.map((key) => world.statusOf(key))).toEqual(keys.map(() => 'expired'));
      const expiredNotices = sent(world, (n) => n.subject.endsWith('has expired and no longer covers the risk'));
      expect(expiredNotices.map((notice) => notice.issueKey).sort()).toEqual([...keys].sort());
      expect(keys.map((key) => world.jira.issue(key)?.comments.length)).toEqual(keys.map(() => 1));
    });
  });
});
