import { runDailyJobs } from '../jobs/scheduled-jobs';
import { sent } from '../jobs/testing/drive';
import { createJobWorld, type JobWorld } from '../jobs/testing/job-world';
import { NO_NOTICE_ISSUE_CODE, NO_NOTICE_ISSUE_REASON, REPORT_JOB } from './monthly-report-job';

/** Jira e-mails only about an issue: without one to send the report about, the report says it was not e-mailed. */
describe('the monthly report without an issue to e-mail it about', () => {
  let world: JobWorld;

  beforeEach(async () => {
    world = await createJobWorld({ start: '2027-01-31T06:00:00.000Z' });
  });

  afterEach(() => world.close());

  const runDailyAt = (instant: string, noticeIssue: 'none' | 'home') => {
    world.jira.clock.set(new Date(instant));
    const deps = world.deps();
    return world.runtime.runAs(null, () => runDailyJobs({ ...deps, reportNoticeIssueKey: noticeIssue === 'none' ? null : deps.reportNoticeIssueKey }));
  };

  it('is stored saying why it was not e-mailed, sends nothing, and stays unsent once a home issue exists', async () => {
    await runDailyAt('2027-02-01T06:00:00.000Z', 'none');
    await runDailyAt('2027-02-02T06:00:00.000Z', 'home');

    expect((await world.reports.get('2027-01'))?.notEmailedBecause).toBe(NO_NOTICE_ISSUE_REASON);
    expect(sent(world, (n) => n.subject.startsWith('Security exception report'))).toEqual([]);
    expect((await world.runs.recent(REPORT_JOB, 2)).map((run) => [run.runKey, run.outcome])).toEqual([
      ['2027-01/2027-02-02', 'succeeded'],
      ['2027-01/2027-02-01', 'succeeded'],
    ]);
  });

  it('fails the run, to be tried again the next day, when a report stored for e-mail has lost its issue', async () => {
    await world.reports.save({
      month: '2027-01',
      periodStart: '2027-01-01',
      periodEnd: '2027-01-31',
      generatedAt: '2027-02-01T05:00:00.000Z',
      riskThreshold: 7,
      sections: {
        lackingControls: { count: 0, items: [] },
        aboveRiskThreshold: { count: 0, items: [] },
        overdueReviews: { count: 0, items: [] },
        expiringNextMonth: { count: 0, items: [] },
      },
    });

    await runDailyAt('2027-02-01T06:00:00.000Z', 'none');
    await runDailyAt('2027-02-02T06:00:00.000Z', 'home');

    const [retried, failed] = await world.runs.recent(REPORT_JOB, 2);
    expect(failed).toMatchObject({ runKey: '2027-01/2027-02-01', outcome: 'failed' });
    expect(JSON.parse(failed?.summary ?? '{}')).toMatchObject({ failures: [{ id: '2027-01', code: NO_NOTICE_ISSUE_CODE }] });
    expect(retried).toMatchObject({ runKey: '2027-01/2027-02-02', outcome: 'succeeded' });
    expect(sent(world, (n) => n.issueKey === world.reportIssueKey).map(({ day, subject }) => [day, subject])).toEqual([
      ['2027-02-02', 'Security exception report for 2027-01'],
    ]);
  });
});
