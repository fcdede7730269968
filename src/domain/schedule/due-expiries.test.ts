import { STATUSES, type Status } from '../exception/security-exception';
import { DEFAULT_POLICY } from '../policy/default-policy';
import type { Policy } from '../policy/policy-config';
import { anException } from '../testing/builders';
import { dueExpiries } from './due-expiries';

const policyIn = (timeZone: string, overrides: Partial<Policy> = {}): Policy => ({ ...DEFAULT_POLICY, timeZone, ...overrides });

describe('dueExpiries', () => {
  it.each([
    // [zone, last day in force, run instant, expires?]
    ['UTC', '2027-02-01', '2027-02-01T00:00:00Z', false],
    ['UTC', '2027-02-01', '2027-02-01T23:59:59Z', false],
    ['UTC', '2027-02-01', '2027-02-02T00:00:00Z', true],
    ['UTC', '2027-02-01', '2027-02-02T01:00:00+02:00', false],
    ['UTC', '2027-02-01', '2027-02-20T12:00:00Z', true],
    ['UTC', '2028-02-29', '2028-02-29T23:59:59Z', false],
    ['UTC', '2028-02-29', '2028-03-01T00:00:00Z', true],
    // Europe/London springs forward at 01:00 UTC on 2027-03-28: that local day ends at 23:00 UTC.
    ['Europe/London', '2027-03-27', '2027-03-27T23:59:59Z', false],
    ['Europe/London', '2027-03-27', '2027-03-28T00:00:00Z', true],
    ['Europe/London', '2027-03-28', '2027-03-28T22:59:59Z', false],
    ['Europe/London', '2027-03-28', '2027-03-28T23:00:00Z', true],
    // ... and falls back on 2026-10-25: the day before ends at 23:00 UTC, the 25-hour day at 00:00 UTC.
    ['Europe/London', '2026-10-24', '2026-10-24T22:59:59Z', false],
    ['Europe/London', '2026-10-24', '2026-10-24T23:00:00Z', true],
    ['Europe/London', '2026-10-25', '2026-10-25T23:59:59Z', false],
    ['Europe/London', '2026-10-25', '2026-10-26T00:00:00Z', true],
    // America/New_York springs forward on 2027-03-14 and falls back on 2026-11-01.
    ['America/New_York', '2027-03-13', '2027-03-14T04:59:59Z', false],
    ['America/New_York', '2027-03-13', '2027-03-14T05:00:00Z', true],
    ['America/New_York', '2027-03-14', '2027-03-15T03:59:59Z', false],
    ['America/New_York', '2027-03-14', '2027-03-15T04:00:00Z', true],
    ['America/New_York', '2026-10-31', '2026-11-01T03:59:59Z', false],
    ['America/New_York', '2026-10-31', '2026-11-01T04:00:00Z', true],
    ['America/New_York', '2026-11-01', '2026-11-02T04:59:59Z', false],
    ['America/New_York', '2026-11-01', '2026-11-02T05:00:00Z', true],
  ])('%s: in force through %s, run at %s -> expires: %s', (timeZone, expiresOn, now, expires) => {
    const actions = dueExpiries({ exceptions: [anException({ key: 'SEC-7', expiresOn })], now, policy: policyIn(timeZone) });
    expect(actions).toEqual(
      expires ? [{ type: 'expire', key: `expire:SEC-7:${expiresOn}`, issueKey: 'SEC-7', expiresOn, pendingRenewalKey: null }] : [],
    );
  });

  it.each(STATUSES.filter((s) => s !== 'active').map((s) => [s]))('leaves an exception in status %s alone', (status: Status) => {
    const exception = anException({ status, expiresOn: '2027-02-01' });
    expect(dueExpiries({ exceptions: [exception], now: '2027-03-01T12:00:00Z', policy: DEFAULT_POLICY })).toEqual([]);
  });

  it('cannot expire an active exception that has no expiry day', () => {
    const exception = anException({ expiresOn: undefined });
    expect(dueExpiries({ exceptions: [exception], now: '2099-01-01T00:00:00Z', policy: DEFAULT_POLICY })).toEqual([]);
  });

  it('keys the action by expiry day so an extended exception can expire again later', () => {
    const run = (expiresOn: string, now: string) =>
      dueExpiries({ exceptions: [anException({ key: 'SEC-3', expiresOn })], now, policy: DEFAULT_POLICY }).map((a) => a.key);
    expect(run('2027-02-01', '2027-02-02T08:00:00Z')).toEqual(['expire:SEC-3:2027-02-01']);
    expect(run('2027-03-01', '2027-03-02T08:00:00Z')).toEqual(['expire:SEC-3:2027-03-01']);
  });

  describe('an original whose renewal is pending', () => {
    const original = anException({ key: 'SEC-1', expiresOn: '2027-02-01' });
    const renewal = (status: Status) =>
      anException({ key: 'SEC-9', status, renewalOf: 'SEC-1', expiresOn: undefined, activatedAt: undefined });
    const now = '2027-02-02T09:00:00Z';

    it.each<[string, Status, boolean, string | null]>([
      // [case, renewal status, originalExpiresWhileRenewalPending, expected pendingRenewalKey or null = withheld]
      ['expires anyway by default, naming the renewal', 'awaiting-approval', true, 'SEC-9'],
      ['expires anyway while the renewal is in risk review', 'risk-review', true, 'SEC-9'],
      ['is held back when the policy says so', 'submitted', false, null],
      ['is held back during awaiting approval when the policy says so', 'awaiting-approval', false, null],
    ])('%s', (_case, status, expiresAnyway, pendingRenewalKey) => {
      const policy = policyIn('UTC', { renewal: { originalExpiresWhileRenewalPending: expiresAnyway } });
      const actions = dueExpiries({ exceptions: [original, renewal(status)], now, policy });
      expect(actions).toEqual(
        pendingRenewalKey === null
          ? []
          : [{ type: 'expire', key: 'expire:SEC-1:2027-02-01', issueKey: 'SEC-1', expiresOn: '2027-02-01', pendingRenewalKey }],
      );
    });

    it.each<[Status]>([['draft'], ['rejected'], ['withdrawn']])('is not held back by a %s renewal', (status) => {
      const policy = policyIn('UTC', { renewal: { originalExpiresWhileRenewalPending: false } });
      const actions = dueExpiries({ exceptions: [original, renewal(status)], now, policy });
      expect(actions).toEqual([
        { type: 'expire', key: 'expire:SEC-1:2027-02-01', issueKey: 'SEC-1', expiresOn: '2027-02-01', pendingRenewalKey: null },
      ]);
    });
  });

  it('lists issues in key order whatever order they arrive in', () => {
    const exceptions = ['SEC-10', 'OPS-3', 'SEC-2'].map((key) => anException({ key, expiresOn: '2027-02-01' }));
    const actions = dueExpiries({ exceptions, now: '2027-02-05T00:00:00Z', policy: DEFAULT_POLICY });
    expect(actions.map((a) => a.issueKey)).toEqual(['OPS-3', 'SEC-2', 'SEC-10']);
  });

  it('refuses a malformed run instant loudly, since it is a caller bug', () => {
    expect(() => dueExpiries({ exceptions: [anException()], now: 'yesterday', policy: DEFAULT_POLICY })).toThrow('not an ISO instant');
  });
});
