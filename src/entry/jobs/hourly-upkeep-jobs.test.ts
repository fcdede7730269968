import { KvsPolicyStore } from '../../adapters/forge/kvs-policy-store';
import { STALLED_JOB } from '../../app/jobs/stalled-approval-job';
import { sent } from '../../app/jobs/testing/drive';
import { PEOPLE } from '../../app/jobs/testing/job-world';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { hourlyUpkeepHandler, runHourlyUpkeep } from '../migrations.scheduled';
import { createJobsSite, type JobsSite } from './testing/jobs-site';

/** The hourly jobs share the hourly-upkeep trigger (Forge allows five scheduled triggers): after migrations, before reconcile. */
describe('the hourly-upkeep scheduled trigger with the hourly jobs', () => {
  let site: JobsSite;

  beforeEach(async () => {
    site = await createJobsSite({ start: '2027-01-04T00:00:00.000Z' });
  });

  afterEach(() => site.close());

  const waitingSince = (statusChangedAt: string) =>
    site.world.seedException({ status: 'awaiting-approval', statusChangedAt, activatedAt: undefined, expiresOn: undefined });

  const fireAt = (instant: string) => {
    site.world.jira.clock.set(new Date(instant));
    return site.invoke(() => hourlyUpkeepHandler(site.platform)({ context: { cloudId: 'cloud-9d3e', moduleKey: 'hourly-upkeep' } }));
  };

  it('reminds the pending level of a stalled approval once, though Forge fires the trigger twice', async () => {
    const { key } = await waitingSince('2027-01-04T10:00:00.000Z');

    const answers = [await fireAt('2027-01-07T11:00:00.000Z'), await fireAt('2027-01-07T11:00:20.000Z')];

    expect(answers).toEqual([{ statusCode: 204 }, { statusCode: 204 }]);
    expect(sent(site.world, (n) => n.issueKey === key).map(({ subject, to }) => [subject, to])).toEqual([
      [`${key} is waiting for a Security lead decision`, [PEOPLE.lead]],
    ]);
    expect(await site.world.runs.get(STALLED_JOB, '2027-01-07T11')).toMatchObject({ outcome: 'succeeded' });
  });

  it('reports each part it ran, and logs a job run that finished with failures', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await waitingSince('2027-01-04T10:00:00.000Z');
    const levels = DEFAULT_POLICY.levels.map((level) => (level.id === 'security-lead' ? { ...level, group: 'security-leads-renamed' } : level));
    await site.invoke(() => new KvsPolicyStore().saveRevision(1, { ...DEFAULT_POLICY, levels }, { at: site.world.now(), accountId: PEOPLE.admin }));
    site.world.jira.clock.set(new Date('2027-01-07T11:00:00.000Z'));

    const upkeep = await site.invoke(() => runHourlyUpkeep(site.platform));

    expect(upkeep).toEqual({ migrationsApplied: [], jobs: [{ job: STALLED_JOB, status: 'finished' }], reconcile: null });
    expect(await site.world.runs.get(STALLED_JOB, '2027-01-07T11')).toMatchObject({ outcome: 'failed' });
    expect(logged).toHaveBeenCalledWith(
      expect.stringContaining('"message":"job run finished with failures","job":"stalled-approvals","runKey":"2027-01-07T11","acted":0,"skipped":0,"failed":1,"codes":"NOTIFY.UNKNOWN_GROUP"'),
    );
  });
});
