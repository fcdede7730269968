import { DEFAULT_POLICY } from '../policy/default-policy';
import { anException } from '../testing/builders';
import { listDueActions } from './index';

describe('listDueActions', () => {
  const exceptions = [
    anException({ key: 'SEC-10', expiresOn: '2027-01-31', activatedAt: '2026-11-03T10:00:00Z' }),
    anException({ key: 'SEC-2', expiresOn: '2027-02-10', activatedAt: '2026-11-03T10:00:00Z' }),
    anException({ key: 'SEC-7', status: 'risk-review', activatedAt: undefined, expiresOn: undefined }),
    anException({ key: 'SEC-3', expiresOn: '2027-06-30', activatedAt: '2026-11-03T10:00:00Z' }),
  ];
  const input = {
    exceptions,
    attestations: [{ issueKey: 'SEC-2', quarter: '2027-Q1' }],
    pendingByIssue: new Map([['SEC-7', { levelId: 'security-lead', waitingSince: '2027-01-28T15:00:00Z' }]]),
    now: '2027-02-01T06:00:00Z',
    policy: DEFAULT_POLICY,
  };

  it('lists expiries first, then stalled approvals, reviews and reminders, each in issue order', () => {
    expect(listDueActions(input).map((a) => a.key)).toEqual([
      'expire:SEC-10:2027-01-31',
      'stall:SEC-7:risk-review/security-lead/2027-01-28T15:00:00.000Z:remind',
      'review:SEC-3:2027-Q1',
      'remind:SEC-2:2027-02-10:14:requester',
      'remind:SEC-2:2027-02-10:14:asset-owner',
    ]);
  });

  it('leaves out what the ledger already holds', () => {
    const alreadyDone = new Set([
      'expire:SEC-10:2027-01-31',
      'remind:SEC-2:2027-02-10:14:requester',
      'remind:SEC-2:2027-02-10:7:requester',
    ]);
    expect(listDueActions({ ...input, alreadyDone }).map((a) => a.key)).toEqual([
      'stall:SEC-7:risk-review/security-lead/2027-01-28T15:00:00.000Z:remind',
      'review:SEC-3:2027-Q1',
      'remind:SEC-2:2027-02-10:14:asset-owner',
    ]);
  });
});
