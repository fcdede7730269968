import { expiryJob, EXPIRY_JOB } from './expiry-job';
import { dailyRunKey } from './jobs-deps';
import { runJob } from './run-job';
import { createJobWorld, PEOPLE, type JobWorld } from './testing/job-world';

describe('the expiry job', () => {
  let world: JobWorld;

  beforeEach(async () => {
    world = await createJobWorld({ start: '2027-01-20T06:00:00.000Z' });
  });

  afterEach(() => world.close());

  const runExpiry = () =>
    world.runtime.runAs(null, () => {
      const deps = world.deps();
      return runJob(deps, expiryJob(deps), dailyRunKey(world.now(), world.policy));
    });

  it('expires an exception once its last day has ended, in Jira and in the register, and tells its people once', async () => {
    const exception = await world.seedException({ expiresOn: '2027-02-01', requestedExpiry: '2027-02-01', approvedBy: [{ levelId: 'security-lead', approver: PEOPLE.lead }] });
    world.jira.clock.set(new Date('2027-02-01T23:00:00.000Z'));
    expect(await runExpiry()).toMatchObject({ status: 'finished', outcome: 'succeeded', summary: { acted: 0 } });
    expect(world.statusOf(exception.key)).toBe('active');

    world.jira.clock.set(new Date('2027-02-02T06:00:00.000Z'));
    expect(await runExpiry()).toMatchObject({ status: 'finished', outcome: 'succeeded', summary: { acted: 2, failed: 0 } });
    expect(world.statusOf(exception.key)).toBe('expired');
    expect((await world.entry(exception.key)).status).toBe('expired');
    expect(world.jira.notifications().map((n) => [n.issueKey, [...n.recipientAccountIds].sort()])).toEqual([
      [exception.key, [PEOPLE.lead, PEOPLE.owner, PEOPLE.requester].sort()],
    ]);
    const audit = await world.auditStore.forIssue(exception.key, 0, 10);
    expect(audit.map((entry) => entry.action)).toEqual(['exception.expired']);
    expect(world.jira.issue(exception.key)?.comments).toHaveLength(1);

    world.jira.clock.advance({ hours: 1 });
    expect(await runExpiry()).toEqual({ status: 'already-finished' });
    world.jira.clock.advance({ days: 1 });
    expect(await runExpiry()).toMatchObject({ status: 'finished', summary: { acted: 0 } });
    expect(world.jira.notifications()).toHaveLength(1);
    expect(await world.runs.recent(EXPIRY_JOB, 5)).toHaveLength(3);
  });
});
