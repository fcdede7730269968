import { STATUSES, type Status } from '../exception/security-exception';
import { DEFAULT_POLICY } from '../policy/default-policy';
import type { Policy } from '../policy/policy-config';
import { anException } from '../testing/builders';
import { dueReviews } from './due-reviews';

const policyIn = (timeZone: string, graceDays = DEFAULT_POLICY.review.graceDays): Policy => ({
  ...DEFAULT_POLICY,
  timeZone,
  review: { ...DEFAULT_POLICY.review, graceDays },
});

// Far from expiry, so that only the review rules are at play.
const aLongException = (overrides: Parameters<typeof anException>[0] = {}) => anException({ expiresOn: '2029-12-31', ...overrides });

describe('dueReviews', () => {
  it.each([
    // [zone, grace days, activated at, run instant, quarter, due by, overdue]
    ['UTC', 14, '2026-11-03T10:00:00Z', '2027-01-01T00:00:00Z', '2027-Q1', '2027-01-15', false],
    ['UTC', 14, '2026-11-03T10:00:00Z', '2027-01-15T23:59:59Z', '2027-Q1', '2027-01-15', false],
    ['UTC', 14, '2026-11-03T10:00:00Z', '2027-01-16T00:00:00Z', '2027-Q1', '2027-01-15', true],
    // Activated during the quarter: due that quarter, with the grace period counted from activation.
    ['UTC', 14, '2026-11-03T10:00:00Z', '2026-11-17T12:00:00Z', '2026-Q4', '2026-11-17', false],
    ['UTC', 14, '2026-11-03T10:00:00Z', '2026-11-18T00:00:00Z', '2026-Q4', '2026-11-17', true],
    ['UTC', 14, '2026-11-03T10:00:00Z', '2026-12-31T23:59:59Z', '2026-Q4', '2026-11-17', true],
    // Leap year: 60 days after 1 January is 1 March in 2028 but 2 March in 2027.
    ['UTC', 60, '2027-12-01T10:00:00Z', '2028-03-01T12:00:00Z', '2028-Q1', '2028-03-01', false],
    ['UTC', 60, '2027-12-01T10:00:00Z', '2028-03-02T00:00:00Z', '2028-Q1', '2028-03-01', true],
    ['UTC', 60, '2026-12-01T10:00:00Z', '2027-03-02T12:00:00Z', '2027-Q1', '2027-03-02', false],
    // Europe/London in summer time: the second quarter starts at 23:00 UTC on 31 March.
    ['Europe/London', 14, '2026-11-03T10:00:00Z', '2027-03-31T22:59:59Z', '2027-Q1', '2027-01-15', true],
    ['Europe/London', 14, '2026-11-03T10:00:00Z', '2027-03-31T23:00:00Z', '2027-Q2', '2027-04-15', false],
    ['Europe/London', 14, '2026-11-03T10:00:00Z', '2027-04-15T22:59:59Z', '2027-Q2', '2027-04-15', false],
    ['Europe/London', 14, '2026-11-03T10:00:00Z', '2027-04-15T23:00:00Z', '2027-Q2', '2027-04-15', true],
    // America/New_York: the year turns at 05:00 UTC (standard time) ...
    ['America/New_York', 14, '2026-11-03T10:00:00Z', '2027-01-01T04:59:59Z', '2026-Q4', '2026-11-17', true],
    ['America/New_York', 14, '2026-11-03T10:00:00Z', '2027-01-01T05:00:00Z', '2027-Q1', '2027-01-15', false],
    // ... and activation is dated by the local day (2026-10-02 starts at 04:00 UTC in daylight time).
    ['America/New_York', 14, '2026-10-02T03:59:59Z', '2026-10-16T12:00:00Z', '2026-Q4', '2026-10-15', true],
    ['America/New_York', 14, '2026-10-02T04:00:00Z', '2026-10-16T12:00:00Z', '2026-Q4', '2026-10-16', false],
  ])('%s, grace %i days, activated %s, run at %s -> %s due by %s, overdue: %s', (...row) => {
    const [timeZone, graceDays, activatedAt, now, quarter, dueBy, overdue] = row;
    const actions = dueReviews({
      exceptions: [aLongException({ key: 'SEC-5', activatedAt })],
      attestations: [],
      now,
      policy: policyIn(timeZone, graceDays),
    });
    expect(actions).toEqual([
      { type: 'review', key: `review:SEC-5:${quarter}`, issueKey: 'SEC-5', quarter, dueBy, overdue, reviewGroup: 'security-leads' },
    ]);
  });

  it('counts the grace period from the quarter start when the activation time is unknown', () => {
    const [action] = dueReviews({
      exceptions: [aLongException({ activatedAt: undefined })],
      attestations: [],
      now: '2027-02-10T09:00:00Z',
      policy: DEFAULT_POLICY,
    });
    expect(action).toMatchObject({ quarter: '2027-Q1', dueBy: '2027-01-15', overdue: true });
  });

  it.each([
    // [attestations on record, review due?]
    [[{ issueKey: 'SEC-5', quarter: '2027-Q1' }], false],
    [[{ issueKey: 'SEC-5', quarter: '2026-Q4' }], true],
    [[{ issueKey: 'SEC-6', quarter: '2027-Q1' }], true],
    [[], true],
  ])('with attestations %j a 2027-Q1 review is due: %s', (attestations, due) => {
    const exceptions = [aLongException({ key: 'SEC-5' })];
    const actions = dueReviews({ exceptions, attestations, now: '2027-02-10T09:00:00Z', policy: DEFAULT_POLICY });
    expect(actions.map((a) => a.key)).toEqual(due ? ['review:SEC-5:2027-Q1'] : []);
  });

  it.each(STATUSES.filter((s) => s !== 'active').map((s) => [s]))('needs no review of an exception in status %s', (status: Status) => {
    const exceptions = [aLongException({ status })];
    const actions = dueReviews({ exceptions, attestations: [], now: '2027-02-10T09:00:00Z', policy: DEFAULT_POLICY });
    expect(actions).toEqual([]);
  });

  it.each([
    // [last day in force, run instant, review due?]
    ['2027-02-10', '2027-02-10T23:59:59Z', true],
    ['2027-02-10', '2027-02-11T00:00:00Z', false],
  ])('asks for no review of an exception past its last day (%s, run at %s -> due: %s)', (expiresOn, now, due) => {
    const actions = dueReviews({ exceptions: [anException({ expiresOn })], attestations: [], now, policy: DEFAULT_POLICY });
    expect(actions.length).toBe(due ? 1 : 0);
  });

  it('lists issues in key order', () => {
    const exceptions = ['SEC-12', 'SEC-3'].map((key) => aLongException({ key }));
    const actions = dueReviews({ exceptions, attestations: [], now: '2027-02-10T09:00:00Z', policy: DEFAULT_POLICY });
    expect(actions.map((a) => a.issueKey)).toEqual(['SEC-3', 'SEC-12']);
  });
});
