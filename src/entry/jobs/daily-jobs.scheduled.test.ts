import { KvsRegisterHome } from '../../adapters/forge/kvs-register-home';
import { EXPIRY_JOB } from '../../app/jobs/expiry-job';
import { REMINDER_JOB } from '../../app/jobs/reminder-job';
import { sent } from '../../app/jobs/testing/drive';
import { PEOPLE } from '../../app/jobs/testing/job-world';
import { NO_NOTICE_ISSUE_REASON } from '../../app/reports/monthly-report-job';
import { dailyJobsHandler } from './daily-jobs.scheduled';
import { createJobsSite, type JobsSite } from './testing/jobs-site';

/** The daily trigger's Forge function on the stand-in, through the local Forge runtime, on SQLite. */
describe('the daily-jobs scheduled trigger', () => {
  let site: JobsSite;

  beforeEach(async () => {
    site = await createJobsSite({ start: '2027-01-20T06:00:00.000Z' });
  });

  afterEach(() => site.close());

  const request = { context: { cloudId: 'cloud-9d3e', moduleKey: 'daily-jobs' }, contextToken: 'token' };

  const fireAt = (instant: string) => {
    site.world.jira.clock.set(new Date(instant));
    return site.invoke(() => dailyJobsHandler(site.platform)(request));
  };

  const seedActive = (expiresOn: string) =>
    site.world.seedException({ expiresOn, requestedExpiry: expiresOn, attestedQuarters: ['2027-Q1'] });

  it('expires a due exception and sends a reminder once, though Forge fires the trigger twice', async () => {
    const due = await seedActive('2027-01-31');
    const expiring = await seedActive('2027-02-15');

    const answers = [await fireAt('2027-02-01T06:00:00.000Z'), await fireAt('2027-02-01T06:00:30.000Z')];

    expect(answers).toEqual([{ statusCode: 204 }, { statusCode: 204 }]);
    expect(site.world.statusOf(due.key)).toBe('expired');
    expect((await site.world.entry(due.key)).status).toBe('expired');
    expect(site.world.jira.issue(due.key)?.comments).toHaveLength(1);
    expect((await site.world.auditStore.forIssue(due.key, 0, 10)).map((entry) => entry.action)).toEqual(['exception.expired']);
    expect(sent(site.world, (n) => n.issueKey === due.key).map(({ subject }) => subject)).toEqual([
      `${due.key} has expired and no longer covers the risk`,
    ]);
    expect(sent(site.world, (n) => n.issueKey === expiring.key).map(({ subject, to }) => [subject, to])).toEqual([
      [`${expiring.key} expires in 14 days (2027-02-15)`, [PEOPLE.requester]],
      [`${expiring.key} expires in 14 days (2027-02-15)`, [PEOPLE.owner]],
    ]);
    expect(site.world.statusOf(expiring.key)).toBe('active');
    expect(await site.world.runs.get(EXPIRY_JOB, '2027-02-01')).toMatchObject({ outcome: 'succeeded' });
    expect(await site.world.runs.get(REMINDER_JOB, '2027-02-01')).toMatchObject({ outcome: 'succeeded' });
    expect(site.queued).toEqual([]);
  });

  it('without a register home, stores the closed month’s report saying it was not e-mailed, and names issues in notices', async () => {
    const expiring = await seedActive('2027-02-15');

    await fireAt('2027-02-01T06:00:00.000Z');

    expect((await site.world.reports.get('2027-01'))?.notEmailedBecause).toBe(NO_NOTICE_ISSUE_REASON);
    expect(sent(site.world, (n) => n.subject.startsWith('Security exception report'))).toEqual([]);
    const reminder = site.world.jira.notifications().find((n) => n.issueKey === expiring.key);
    expect(reminder?.textBody).toContain(`request a renewal: open ${expiring.key} and choose "Request renewal"`);
  });

  it('with the register home set-up recorded, e-mails the report about its issue and links notices to the site', async () => {
    const expiring = await seedActive('2027-02-15');
    await site.invoke(() =>
      new KvsRegisterHome().set({ projectKey: 'SEC', issueKey: site.world.reportIssueKey, siteUrl: 'https://acme.atlassian.net/' }),
    );

    await fireAt('2027-02-01T06:00:00.000Z');

    expect((await site.world.reports.get('2027-01'))?.notEmailedBecause).toBeUndefined();
    expect(sent(site.world, (n) => n.issueKey === site.world.reportIssueKey).map(({ subject, to }) => [subject, to])).toEqual([
      ['Security exception report for 2027-01', [PEOPLE.lead]],
    ]);
    const reminder = site.world.jira.notifications().find((n) => n.issueKey === expiring.key);
    expect(reminder?.textBody).toContain(`open https://acme.atlassian.net/browse/${expiring.key} and choose`);
  });

  it('refuses a request that is not a scheduled trigger’s', async () => {
    await expect(site.invoke(() => dailyJobsHandler(site.platform)({ context: 'daily' }))).rejects.toThrow();
    expect(await site.world.runs.recent(EXPIRY_JOB, 1)).toEqual([]);
  });
});
