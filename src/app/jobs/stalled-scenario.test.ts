import { STALLED_JOB } from './stalled-approval-job';
import { runHourlyAt, sent } from './testing/drive';
import { createJobWorld, PEOPLE, type JobWorld } from './testing/job-world';

/** Requests waiting for approval under the hourly trigger: reminded, escalated and timed out, each once. */
describe('stalled approvals under the hourly jobs', () => {
  let world: JobWorld;

  beforeEach(async () => {
    world = await createJobWorld({ start: '2027-01-04T00:00:00.000Z' });
  });

  afterEach(() => world.close());

  const waiting = (statusChangedAt: string, overrides: Parameters<JobWorld['seedException']>[0] = {}) =>
    world.seedException({ status: 'awaiting-approval', statusChangedAt, activatedAt: undefined, expiresOn: undefined, ...overrides });

  const runEveryHours = async (from: string, through: string, hours: number): Promise<void> => {
    for (let at = Date.parse(from); at <= Date.parse(through); at += hours * 3_600_000) await runHourlyAt(world, new Date(at).toISOString());
  };

  it('reminds the pending level after 3 days, escalates after 7, rejects as timed out after 14, each once', async () => {
    const { key } = await waiting('2027-01-04T10:00:00.000Z');
    await runEveryHours('2027-01-04T01:00:00.000Z', '2027-01-20T23:00:00.000Z', 3);

    expect(sent(world, (n) => n.issueKey === key).map(({ day, subject, to }) => [day, subject, to])).toEqual([
      ['2027-01-07', `${key} is waiting for a Security lead decision`, [PEOPLE.lead]],
      ['2027-01-11', `Escalation: ${key} has no Security lead decision after 7 days`, [PEOPLE.escalation]],
      ['2027-01-18', `${key} was rejected: its approval timed out`, [PEOPLE.owner, PEOPLE.requester]],
    ]);
    expect(world.statusOf(key)).toBe('rejected');
    expect((await world.entry(key)).status).toBe('rejected');
    expect((await world.auditStore.forIssue(key, 0, 10)).map((entry) => [entry.action, entry.actor])).toEqual([['exception.rejected', 'system:stalled-approvals']]);
    expect(world.jira.issue(key)?.comments).toHaveLength(1);
    const runs = await world.runs.recent(STALLED_JOB, 500);
    expect(runs.every((run) => run.outcome === 'succeeded')).toBe(true);
  });

  it('restarts the clock when a level decides, so the next level gets its own reminder', async () => {
    const { key } = await waiting('2027-01-04T10:00:00.000Z', {
      riskInputs: { method: 'matrix', likelihood: 3, impact: 3 },
      approvedBy: [{ levelId: 'security-lead', approver: PEOPLE.lead, decidedAt: '2027-01-06T12:00:00.000Z' }],
    });
    expect((await world.entry(key)).tier).toBe('medium');
    await runEveryHours('2027-01-04T01:00:00.000Z', '2027-01-10T23:00:00.000Z', 6);
    expect(sent(world, (n) => n.issueKey === key).map(({ day, subject, to }) => [day, subject, to])).toEqual([
      ['2027-01-09', `${key} is waiting for a Risk / information owner decision`, [PEOPLE.risk]],
    ]);
  });

  it('leaves a request that is decided in time alone', async () => {
    const { key } = await waiting('2027-01-04T10:00:00.000Z');
    await runEveryHours('2027-01-04T01:00:00.000Z', '2027-01-06T23:00:00.000Z', 6);
    expect(sent(world, (n) => n.issueKey === key)).toEqual([]);
  });
});
