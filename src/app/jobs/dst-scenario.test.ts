import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { runDailyAt, sent } from './testing/drive';
import { createJobWorld, PEOPLE, type JobWorld } from './testing/job-world';

/**
 * The daily trigger fires at a fixed UTC time, while days are reckoned in the policy's zone (Europe/London). Across
 * the spring change a local day gets no run at all; across the autumn change one local day gets two.
 */
describe('daily jobs across daylight-saving changes in Europe/London', () => {
  let world: JobWorld;
  const policy = { ...DEFAULT_POLICY, timeZone: 'Europe/London' };

  afterEach(() => world.close());

  it('catches up on the local day that had no run when the clocks went forward', async () => {
    world = await createJobWorld({ start: '2027-03-20T12:00:00.000Z', policy });
    const quarters = ['2027-Q1', '2027-Q2'];
    const lapsing = await world.seedException({ expiresOn: '2027-03-27', requestedExpiry: '2027-03-27', attestedQuarters: quarters });
    const later = await world.seedException({ expiresOn: '2027-04-04', requestedExpiry: '2027-04-04', attestedQuarters: quarters });

    // 23:30 UTC is 23:30 on 26 and 27 March in London, then 00:30 on 29 March: 28 March gets no run.
    for (const day of ['2027-03-26', '2027-03-27', '2027-03-28']) await runDailyAt(world, `${day}T23:30:00.000Z`);

    expect(world.statusOf(lapsing.key)).toBe('expired');
    expect(sent(world, (n) => n.recipientAccountIds.includes(PEOPLE.requester)).map(({ day, issueKey, subject }) => [day, issueKey, subject])).toEqual([
      ['2027-03-26', lapsing.key, `${lapsing.key} expires in 1 day (2027-03-27)`],
      ['2027-03-26', later.key, `${later.key} expires in 9 days (2027-04-04)`],
      ['2027-03-28', lapsing.key, `${lapsing.key} has expired and no longer covers the risk`],
      ['2027-03-28', later.key, `${later.key} expires in 6 days (2027-04-04)`],
    ]);
  });

  it('acts once on the local day that had two runs when the clocks went back', async () => {
    world = await createJobWorld({ start: '2026-10-20T12:00:00.000Z', policy });
    const lapsing = await world.seedException({ expiresOn: '2026-10-25', requestedExpiry: '2026-10-25', attestedQuarters: ['2026-Q4'] });

    // 23:30 UTC on 24 October is 00:30 on the 25th in London (summer time), and 23:30 UTC on the 25th is 23:30 the same day.
    const first = await runDailyAt(world, '2026-10-24T23:30:00.000Z');
    const second = await runDailyAt(world, '2026-10-25T23:30:00.000Z');
    expect(first.slice(0, 3).map((run) => [run.job, run.runKey, run.result.status])).toEqual([
      ['expiry', '2026-10-25', 'finished'],
      ['expiry-reminders', '2026-10-25', 'finished'],
      ['quarterly-reviews', '2026-10-25', 'finished'],
    ]);
    expect(second.slice(0, 3).map((run) => run.result.status)).toEqual(['already-finished', 'already-finished', 'already-finished']);
    expect(world.statusOf(lapsing.key)).toBe('active');

    await runDailyAt(world, '2026-10-26T23:30:00.000Z');
    expect(world.statusOf(lapsing.key)).toBe('expired');
    expect(sent(world, (n) => n.issueKey === lapsing.key).map(({ day, subject }) => [day, subject])).toEqual([
      ['2026-10-24', `${lapsing.key} expires at the end of today (2026-10-25)`],
      ['2026-10-24', `${lapsing.key} expires at the end of today (2026-10-25)`],
      ['2026-10-26', `${lapsing.key} has expired and no longer covers the risk`],
    ]);
  });
});
