import { EXPIRY_JOB } from './expiry-job';
import { REMINDER_JOB } from './reminder-job';
import { runDailyAt, runDailyEachDay, sent } from './testing/drive';
import { createJobWorld, PEOPLE, type JobWorld } from './testing/job-world';

/**
 * One exception's life under the daily trigger, day by day on the stand-in: reminded at each threshold exactly
 * once, its quarterly review falling overdue, the monthly reports, and its expiry.
 */
describe('an active exception under the daily jobs', () => {
  let world: JobWorld;

  beforeEach(async () => {
    world = await createJobWorld({ start: '2026-12-20T06:00:00.000Z' });
  });

  afterEach(() => world.close());

  it('is reminded at 30, 14, 7 and 1 days exactly once, approvers from 7 days, then expires and is announced once', async () => {
    const { key } = await world.seedException({
      expiresOn: '2027-02-01',
      requestedExpiry: '2027-02-01',
      approvedBy: [{ levelId: 'security-lead', approver: PEOPLE.lead }],
      attestedQuarters: ['2026-Q4', '2027-Q1'],
    });
    await runDailyEachDay(world, '2026-12-21', '2027-02-05');
    // A second firing of the daily trigger on some days changes nothing.
    await runDailyAt(world, '2027-02-05T18:00:00.000Z');

    const everyone = [PEOPLE.lead, PEOPLE.owner, PEOPLE.requester].sort();
    expect(sent(world, (n) => n.issueKey === key).map(({ day, to, subject }) => [day, to, subject])).toEqual([
      ['2027-01-02', [PEOPLE.requester], `${key} expires in 30 days (2027-02-01)`],
      ['2027-01-02', [PEOPLE.owner], `${key} expires in 30 days (2027-02-01)`],
      ['2027-01-18', [PEOPLE.requester], `${key} expires in 14 days (2027-02-01)`],
      ['2027-01-18', [PEOPLE.owner], `${key} expires in 14 days (2027-02-01)`],
      ['2027-01-25', [PEOPLE.requester], `${key} expires in 7 days (2027-02-01)`],
      ['2027-01-25', [PEOPLE.owner], `${key} expires in 7 days (2027-02-01)`],
      ['2027-01-25', [PEOPLE.lead], `${key} expires in 7 days (2027-02-01)`],
      ['2027-01-31', [PEOPLE.requester], `${key} expires in 1 day (2027-02-01)`],
      ['2027-01-31', [PEOPLE.owner], `${key} expires in 1 day (2027-02-01)`],
      ['2027-01-31', [PEOPLE.lead], `${key} expires in 1 day (2027-02-01)`],
      ['2027-02-02', everyone, `${key} has expired and no longer covers the risk`],
    ]);
    expect(world.statusOf(key)).toBe('expired');
    expect((await world.entry(key)).status).toBe('expired');
    expect((await world.auditStore.forIssue(key, 0, 10)).map((entry) => [entry.action, entry.actor])).toEqual([['exception.expired', 'system:expiry']]);
    expect(world.jira.issue(key)?.comments).toHaveLength(1);
    const reminderRuns = await world.runs.recent(REMINDER_JOB, 100);
    expect(reminderRuns.every((run) => run.outcome === 'succeeded')).toBe(true);
    expect((await world.runs.recent(EXPIRY_JOB, 1))[0]).toMatchObject({ runKey: '2027-02-05', outcome: 'succeeded' });
  });

  it('sends the reminder it missed while the jobs did not run, and only the most urgent one', async () => {
    const { key } = await world.seedException({ expiresOn: '2027-02-01', requestedExpiry: '2027-02-01', attestedQuarters: ['2026-Q4', '2027-Q1'] });
    await runDailyAt(world, '2027-01-02T06:00:00.000Z');
    await runDailyAt(world, '2027-01-27T06:00:00.000Z');
    expect(sent(world, (n) => n.issueKey === key && n.recipientAccountIds.includes(PEOPLE.requester)).map(({ day, subject }) => [day, subject])).toEqual([
      ['2027-01-02', `${key} expires in 30 days (2027-02-01)`],
      ['2027-01-27', `${key} expires in 5 days (2027-02-01)`],
    ]);
  });

  it('tells the review group once when the quarterly review falls overdue', async () => {
    world.jira.clock.set(new Date('2027-01-10T06:00:00.000Z'));
    const { key } = await world.seedException({ expiresOn: '2027-06-30', requestedExpiry: '2027-06-30', activatedAt: '2026-11-03T10:00:00Z' });
    await runDailyEachDay(world, '2027-01-14', '2027-01-18');
    expect(sent(world, (n) => n.issueKey === key).map(({ day, subject, to }) => [day, subject, to])).toEqual([
      ['2027-01-16', `Quarterly review of ${key} is overdue (2027-Q1)`, [PEOPLE.lead]],
    ]);
  });

  it('produces each monthly report once, when its month has closed, and sends it to the security leads', async () => {
    await world.seedException({ expiresOn: '2027-02-10', requestedExpiry: '2027-02-10', attestedQuarters: ['2026-Q4', '2027-Q1'] });
    await runDailyEachDay(world, '2026-12-30', '2027-01-03');
    await runDailyEachDay(world, '2027-01-31', '2027-02-02');
    expect((await world.reports.list(10)).items.map((report) => report.month)).toEqual(['2027-01', '2026-12', '2026-11']);
    const january = await world.reports.get('2027-01');
    expect(january?.sections.expiringNextMonth.count).toBe(1);
    expect(sent(world, (n) => n.issueKey === world.reportIssueKey).map(({ day, subject, to }) => [day, subject, to])).toEqual([
      ['2026-12-30', 'Security exception report for 2026-11', [PEOPLE.lead]],
      ['2027-01-01', 'Security exception report for 2026-12', [PEOPLE.lead]],
      ['2027-02-01', 'Security exception report for 2027-01', [PEOPLE.lead]],
    ]);
  });
});
