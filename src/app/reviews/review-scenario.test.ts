import { anActor } from '../../domain/testing/builders';
import { runDailyAt, runDailyEachDay, sent } from '../jobs/testing/drive';
import { createJobWorld, PEOPLE, type JobWorld } from '../jobs/testing/job-world';
import { attestReview, type AttestationAnswers } from './attest-review';
import { listReviewQueue } from './list-review-queue';

/** Quarterly reviews (SEC-PROC-009 step 4): due, attested by a security lead, overdue, quarter after quarter. */
describe('quarterly reviews', () => {
  let world: JobWorld;
  const lead = anActor(PEOPLE.lead, ['security-leads']);
  const yes: AttestationAnswers = { stillValid: true, stillNecessary: true, controlsInPlace: true };

  beforeEach(async () => {
    world = await createJobWorld({ start: '2027-01-05T09:00:00.000Z' });
  });

  afterEach(() => world.close());

  const seed = () => world.seedException({ expiresOn: '2027-12-31', requestedExpiry: '2027-12-31', activatedAt: '2026-10-01T10:00:00Z', attestedQuarters: ['2026-Q4'] });
  const attest = (issueKey: string, answers: AttestationAnswers = yes, reviewer = lead, quarter = '2027-Q1') =>
    world.runtime.runAs(null, () => attestReview(world.deps(), { issueKey, quarter, reviewer, ...answers }));
  const queue = () => world.runtime.runAs(null, () => listReviewQueue(world.deps(), { pageSize: 10 }));

  it('lists due reviews, records and audits an attestation once, and tells the review group about the ones that fall overdue', async () => {
    const [first, second, third] = [await seed(), await seed(), await seed()];
    if (first === undefined || second === undefined || third === undefined) throw new Error('seeding failed');
    expect(await queue()).toMatchObject({
      ok: true,
      value: { quarter: '2027-Q1', total: 3, items: [{ dueBy: '2027-01-15', overdue: false }, { dueBy: '2027-01-15' }, { dueBy: '2027-01-15' }] },
    });

    expect(await attest(first.key)).toMatchObject({ ok: true, value: { recorded: 'recorded', attestation: { outcome: 'still-required', reviewer: PEOPLE.lead }, nextReviewDue: '2027-04-15' } });
    expect(await attest(first.key, { ...yes, note: 'second look' })).toMatchObject({ ok: true, value: { recorded: 'already-recorded', attestation: { attestedAt: '2027-01-05T09:00:00.000Z' } } });
    expect((await world.auditStore.forIssue(first.key, 0, 10)).map((entry) => [entry.action, entry.actor])).toEqual([['exception.review-attested', PEOPLE.lead]]);
    expect(await queue()).toMatchObject({ ok: true, value: { total: 2, items: [{ entry: { issueKey: second.key } }, { entry: { issueKey: third.key } }] } });

    await runDailyEachDay(world, '2027-01-14', '2027-01-18');
    expect(sent(world, (n) => n.issueKey !== world.reportIssueKey).map(({ day, issueKey, to }) => [day, issueKey, to])).toEqual([
      ['2027-01-16', second.key, [PEOPLE.lead]],
      ['2027-01-16', third.key, [PEOPLE.lead]],
    ]);
    expect(await queue()).toMatchObject({ ok: true, value: { items: [{ overdue: true }, { overdue: true }] } });

    // Next quarter the attested exception is due again, and falls overdue in its turn.
    await runDailyAt(world, '2027-04-16T06:00:00.000Z');
    expect(sent(world, (n) => n.issueKey === first.key).map(({ day, subject }) => [day, subject])).toEqual([['2027-04-16', `Quarterly review of ${first.key} is overdue (2027-Q2)`]]);
  });

  it('records a "no" answer with its note as a revocation outcome', async () => {
    const { key } = await seed();
    expect(await attest(key, { ...yes, controlsInPlace: false })).toMatchObject({ ok: false, error: { code: 'REVIEW.NOTE_REQUIRED' } });
    expect(await attest(key, { ...yes, controlsInPlace: false, note: 'The WAF rule was removed in December.' })).toMatchObject({
      ok: true,
      value: { attestation: { outcome: 'revoke', note: 'The WAF rule was removed in December.' } },
    });
  });

  it.each([
    ['someone outside the review group', anActor(PEOPLE.requester), '2027-Q1', 'REVIEW.NOT_PERMITTED'],
    ['a quarter other than the current one', anActor(PEOPLE.lead, ['security-leads']), '2026-Q4', 'REVIEW.WRONG_QUARTER'],
  ])('refuses an attestation by %s', async (_case, reviewer, quarter, code) => {
    const { key } = await seed();
    expect(await attest(key, yes, reviewer, quarter)).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses to review an exception that is no longer active', async () => {
    const { key } = await world.seedException({ status: 'expired', expiresOn: '2027-01-01', requestedExpiry: '2027-01-01' });
    expect(await attest(key)).toMatchObject({ ok: false, error: { code: 'REVIEW.NOT_ACTIVE' } });
  });
});
