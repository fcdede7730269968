import { approvalSchema, type Approval } from '../approval/approval';
import type { Status, Tier } from '../exception/security-exception';
import { DEFAULT_POLICY } from '../policy/default-policy';
import type { Policy } from '../policy/policy-config';
import { anException } from '../testing/builders';
import { dueReminders, dueReminderThreshold } from './due-reminders';

const policyIn = (timeZone: string): Policy => ({ ...DEFAULT_POLICY, timeZone });

const approval = (approver: string, overrides: Partial<Approval> = {}): Approval =>
  approvalSchema.parse({
    levelId: 'security-lead',
    approver,
    decision: 'approved',
    contentHash: 'a'.repeat(64),
    decidedAt: '2026-11-02T10:00:00Z',
    ...overrides,
  });

describe('dueReminderThreshold', () => {
  it.each<[number, readonly number[], number | null]>([
    [31, [30, 14, 7, 1], null],
    [30, [30, 14, 7, 1], 30],
    [29, [30, 14, 7, 1], 30],
    [15, [30, 14, 7, 1], 30],
    [14, [30, 14, 7, 1], 14],
    // A run that missed the 14-day reminder still sends it two days late ...
    [12, [30, 14, 7, 1], 14],
    [8, [30, 14, 7, 1], 14],
    [7, [30, 14, 7, 1], 7],
    // ... and an exception created with 5 days left gets only the 7-day reminder.
    [5, [30, 14, 7, 1], 7],
    [2, [30, 14, 7, 1], 7],
    [1, [30, 14, 7, 1], 1],
    [0, [30, 14, 7, 1], 1],
    [-1, [30, 14, 7, 1], null],
    [15, [14, 7, 3, 1], null],
    [4, [14, 7, 3, 1], 7],
    [3, [14, 7, 3, 1], 3],
  ])('%i days left with thresholds %j -> %p', (daysLeft, thresholds, expected) => {
    expect(dueReminderThreshold(daysLeft, thresholds)).toBe(expected);
  });
});

describe('dueReminders', () => {
  const keysAt = (now: string, expiresOn: string, timeZone = 'UTC', tier: Tier = 'low') =>
    dueReminders({ exceptions: [anException({ key: 'SEC-4', tier, expiresOn })], now, policy: policyIn(timeZone) }).map((a) => a.key);

  it.each([
    // [zone, expiry, run instant, threshold due or null]
    ['UTC', '2027-02-01', '2027-01-01T23:59:59Z', null],
    ['UTC', '2027-02-01', '2027-01-02T00:00:00Z', 30],
    ['UTC', '2027-02-01', '2027-01-18T12:00:00Z', 14],
    ['UTC', '2027-02-01', '2027-02-01T23:59:59Z', 1],
    ['UTC', '2027-02-01', '2027-02-02T00:00:00Z', null],
    // Leap years: 2028-02-29 is a day like any other.
    ['UTC', '2028-03-01', '2028-02-29T10:00:00Z', 1],
    ['UTC', '2028-03-07', '2028-02-29T10:00:00Z', 7],
    ['UTC', '2028-03-07', '2028-02-28T23:59:59Z', 14],
    // Europe/London: 2027-03-28 starts at 00:00 UTC and ends at 23:00 UTC (clocks go forward).
    ['Europe/London', '2027-04-04', '2027-03-27T23:59:59Z', 14],
    ['Europe/London', '2027-04-04', '2027-03-28T00:00:00Z', 7],
    ['Europe/London', '2027-03-29', '2027-03-28T22:59:59Z', 1],
    ['Europe/London', '2027-03-28', '2027-03-28T23:00:00Z', null],
    // Europe/London: 2026-10-25 starts at 23:00 UTC the evening before (clocks go back).
    ['Europe/London', '2026-11-01', '2026-10-24T22:59:59Z', 14],
    ['Europe/London', '2026-11-01', '2026-10-24T23:00:00Z', 7],
    // America/New_York: 2026-11-01 starts at 04:00 UTC, 2026-11-02 at 05:00 UTC.
    ['America/New_York', '2026-11-08', '2026-11-01T03:59:59Z', 14],
    ['America/New_York', '2026-11-08', '2026-11-01T04:00:00Z', 7],
    ['America/New_York', '2026-11-02', '2026-11-02T04:59:59Z', 1],
    ['America/New_York', '2026-11-01', '2026-11-02T05:00:00Z', null],
    // America/New_York: 2027-03-14 starts at 05:00 UTC, 2027-03-15 at 04:00 UTC.
    ['America/New_York', '2027-03-21', '2027-03-14T04:59:59Z', 14],
    ['America/New_York', '2027-03-21', '2027-03-14T05:00:00Z', 7],
    ['America/New_York', '2027-03-22', '2027-03-15T03:59:59Z', 14],
    ['America/New_York', '2027-03-22', '2027-03-15T04:00:00Z', 7],
  ])('%s: expiring %s, run at %s -> threshold %p', (timeZone, expiresOn, now, threshold) => {
    expect(keysAt(now, expiresOn, timeZone)).toEqual(
      threshold === null ? [] : [`remind:SEC-4:${expiresOn}:${threshold}:requester`, `remind:SEC-4:${expiresOn}:${threshold}:asset-owner`],
    );
  });

  it('uses the tier thresholds: a critical exception is reminded 3 days out', () => {
    expect(keysAt('2027-01-29T09:00:00Z', '2027-02-01', 'UTC', 'critical')).toEqual([
      'remind:SEC-4:2027-02-01:3:requester',
      'remind:SEC-4:2027-02-01:3:asset-owner',
    ]);
  });

  it('says how close expiry is and hints at renewal', () => {
    const [first] = dueReminders({
      exceptions: [anException({ key: 'SEC-4', expiresOn: '2027-02-01' })],
      now: '2027-01-20T09:00:00Z',
      policy: DEFAULT_POLICY,
    });
    expect(first).toEqual({
      type: 'remind-expiry',
      key: 'remind:SEC-4:2027-02-01:14:requester',
      issueKey: 'SEC-4',
      expiresOn: '2027-02-01',
      threshold: 14,
      daysLeft: 12,
      recipient: 'requester',
      accountIds: ['acc-requester'],
      renewalHint: true,
    });
  });

  describe('recipients', () => {
    const approvals = [
      approval('acc-lead'),
      approval('acc-risk', { levelId: 'risk-owner' }),
      approval('acc-voided', { voidedAt: '2026-11-02T12:00:00Z' }),
      approval('acc-refuser', { decision: 'rejected' }),
      approval('acc-owner', { levelId: 'compliance-lead' }),
    ];
    const recipientsAt = (now: string, overrides: Parameters<typeof anException>[0] = {}) =>
      dueReminders({
        exceptions: [anException({ key: 'SEC-4', expiresOn: '2027-02-01', ...overrides })],
        approvalsByIssue: new Map([['SEC-4', approvals]]),
        now,
        policy: DEFAULT_POLICY,
      }).map((a) => [a.recipient, a.accountIds]);

    it.each([
      // approversFromDays is 7 in the default policy.
      ['2027-01-18T09:00:00Z', 14, false],
      ['2027-01-24T09:00:00Z', 8, false],
      ['2027-01-25T09:00:00Z', 7, true],
      ['2027-02-01T09:00:00Z', 0, true],
    ])('at %s (%i days left) approvers included: %s', (now, _daysLeft, approversIncluded) => {
      const expected: [string, string[]][] = [
        ['requester', ['acc-requester']],
        ['asset-owner', ['acc-owner']],
      ];
      if (approversIncluded) expected.push(['approvers', ['acc-lead', 'acc-risk']]);
      expect(recipientsAt(now)).toEqual(expected);
    });

    it('reminds a requester who owns the asset once, not twice', () => {
      expect(recipientsAt('2027-01-18T09:00:00Z', { assetOwner: 'acc-requester' })).toEqual([['requester', ['acc-requester']]]);
    });

    it('sends no approver reminder when nobody approved', () => {
      const actions = dueReminders({
        exceptions: [anException({ key: 'SEC-4', expiresOn: '2027-02-01' })],
        now: '2027-01-31T09:00:00Z',
        policy: DEFAULT_POLICY,
      });
      expect(actions.map((a) => a.recipient)).toEqual(['requester', 'asset-owner']);
    });
  });

  it('starts fresh reminders when the expiry day moves, so an extension is reminded about at every threshold again', () => {
    const before = keysAt('2027-01-02T09:00:00Z', '2027-02-01');
    const afterExtension = keysAt('2027-01-30T09:00:00Z', '2027-03-01');
    expect(before).toContain('remind:SEC-4:2027-02-01:30:requester');
    expect(afterExtension).toContain('remind:SEC-4:2027-03-01:30:requester');
  });

  it.each<[Status]>([['awaiting-approval'], ['expired'], ['revoked'], ['superseded']])('does not remind about a %s exception', (status) => {
    const exception = anException({ status, expiresOn: '2027-02-01' });
    expect(dueReminders({ exceptions: [exception], now: '2027-01-31T09:00:00Z', policy: DEFAULT_POLICY })).toEqual([]);
  });
});
