import { EXPIRY_JOB } from '../../app/jobs/expiry-job';
import { REMINDER_JOB } from '../../app/jobs/reminder-job';
import { sent } from '../../app/jobs/testing/drive';
import { REPORT_JOB } from '../../app/reports/monthly-report-job';
import { JOBS_CONTINUATION_QUEUE } from '../composition/scheduled-jobs-deps';
import { dailyJobsHandler } from './daily-jobs.scheduled';
import { continueJobsHandler } from './jobs-continuation.consumer';
import { createJobsSite, type JobsSite } from './testing/jobs-site';

/** The continuation queue end to end: the daily function runs out of time, pushes through @forge/events, the consumer resumes. */
describe('the jobs-continuation consumer', () => {
  let site: JobsSite;
  let logged: jest.SpyInstance;
  const keys: string[] = [];

  beforeEach(async () => {
    logged = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    site = await createJobsSite({ start: '2027-01-20T06:00:00.000Z' });
    keys.length = 0;
    for (let i = 0; i < 25; i += 1) {
      keys.push((await site.world.seedException({ expiresOn: '2027-01-31', requestedExpiry: '2027-01-31', attestedQuarters: ['2027-Q1'] })).key);
    }
    site.world.jira.clock.set(new Date('2027-02-01T06:00:00.000Z'));
  });

  afterEach(() => site.close());

  const expired = () => keys.filter((key) => site.world.statusOf(key) === 'expired').length;

  /** The daily function, told after 15 looks at the clock that its invocation is nearly over. */
  const dailyRunShortOfTime = async () => {
    let checks = 0;
    site.timeLeft = () => ((checks += 1) <= 15 ? 600_000 : 1_000);
    await site.invoke(() => dailyJobsHandler(site.platform)({ context: { cloudId: 'cloud-9d3e', moduleKey: 'daily-jobs' } }));
    site.timeLeft = () => 600_000;
  };

  const deliver = (event: unknown) => site.invoke(() => continueJobsHandler(site.platform)(event));

  it('resumes the interrupted run and the ones after it, with nothing done twice', async () => {
    await dailyRunShortOfTime();
    const expiredBefore = expired();

    expect(site.queued).toHaveLength(1);
    const [event] = site.queued;
    expect(event?.queueName).toBe(JOBS_CONTINUATION_QUEUE);
    expect(event?.body).toEqual({
      runs: [
        { job: EXPIRY_JOB, runKey: '2027-02-01' },
        { job: REMINDER_JOB, runKey: '2027-02-01' },
        { job: 'quarterly-reviews', runKey: '2027-02-01' },
        { job: REPORT_JOB, runKey: '2027-01/2027-02-01' },
      ],
    });
    expect(expiredBefore).toBeGreaterThan(0);
    expect(expiredBefore).toBeLessThan(keys.length);
    const interrupted = await site.world.runs.get(EXPIRY_JOB, '2027-02-01');
    expect(interrupted?.finishedAt).toBeUndefined();
    expect(interrupted?.processed).toBe(expiredBefore);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('"message":"job run continues from the queue","job":"expiry","runKey":"2027-02-01"'));

    await deliver(event);

    expect(expired()).toBe(keys.length);
    for (const job of [EXPIRY_JOB, REMINDER_JOB]) expect(await site.world.runs.get(job, '2027-02-01')).toMatchObject({ outcome: 'succeeded' });
    expect(await site.world.reports.get('2027-01')).not.toBeNull();
    const notices = sent(site.world, (n) => n.subject.endsWith('has expired and no longer covers the risk'));
    expect(notices.map((notice) => notice.issueKey).sort()).toEqual([...keys].sort());
    expect(keys.map((key) => site.world.jira.issue(key)?.comments.length)).toEqual(keys.map(() => 1));
    expect(site.queued).toHaveLength(1);
  });

  it('does nothing more when Forge delivers the same event again', async () => {
    await dailyRunShortOfTime();
    const [event] = site.queued;
    await deliver(event);
    const notifications = site.world.jira.notifications().length;
    const audit = await site.world.auditStore.page(0, 100);

    await deliver(event);

    expect(site.world.jira.notifications()).toHaveLength(notifications);
    expect(await site.world.auditStore.page(0, 100)).toHaveLength(audit.length);
  });

  it.each([
    ['no body', { queueName: JOBS_CONTINUATION_QUEUE }],
    ['an unknown job', { body: { runs: [{ job: 'purge-everything', runKey: '2027-02-01' }] } }],
    ['no runs', { body: { runs: [] } }],
  ])('refuses an event with %s', async (_case, event) => {
    await expect(deliver(event)).rejects.toThrow();
    expect(await site.world.runs.recent(EXPIRY_JOB, 1)).toEqual([]);
  });
});
