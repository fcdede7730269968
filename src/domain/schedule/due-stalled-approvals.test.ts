import type { Status } from '../exception/security-exception';
import { DEFAULT_POLICY } from '../policy/default-policy';
import type { Policy } from '../policy/policy-config';
import { anException } from '../testing/builders';
import type { StallStage } from './due-action';
import { dueStalledApprovals, dueStallStages, stalledApprovalActions } from './due-stalled-approvals';

const policyIn = (timeZone: string): Policy => ({ ...DEFAULT_POLICY, timeZone });
const waiting = anException({ key: 'SEC-8', status: 'awaiting-approval', tier: 'medium', activatedAt: undefined, expiresOn: undefined });

describe('dueStallStages (remind after 3 days, escalate after 7, time out after 14)', () => {
  it.each<[number, StallStage[]]>([
    [-1, []],
    [0, []],
    [2, []],
    [3, ['remind']],
    [6, ['remind']],
    [7, ['remind', 'escalate']],
    [13, ['remind', 'escalate']],
    // Once the request is being rejected, reminding anyone about it only confuses them.
    [14, ['timeout']],
    [40, ['timeout']],
  ])('after %i days waiting -> %j', (days, stages) => {
    expect(dueStallStages(days, DEFAULT_POLICY)).toEqual(stages);
  });
});

describe('stalledApprovalActions', () => {
  const stagesAt = (now: string, waitingSince: string, timeZone = 'UTC') =>
    stalledApprovalActions(waiting, { levelId: 'risk-owner', waitingSince }, now, policyIn(timeZone)).map((a) => [a.stage, a.waitingDays]);

  it.each([
    // [zone, waiting since, run instant, expected [stage, waiting days] pairs]
    ['UTC', '2027-01-10T23:59:59Z', '2027-01-13T00:00:00Z', [['remind', 3]]],
    ['UTC', '2027-01-11T00:00:00Z', '2027-01-13T23:59:59Z', []],
    ['UTC', '2027-01-10T12:00:00Z', '2027-01-17T00:00:00Z', [['remind', 7], ['escalate', 7]]],
    ['UTC', '2027-01-10T12:00:00Z', '2027-01-24T00:00:00Z', [['timeout', 14]]],
    // The waiting period spans 29 February.
    ['UTC', '2028-02-26T12:00:00Z', '2028-02-29T00:00:00Z', [['remind', 3]]],
    ['UTC', '2028-02-22T12:00:00Z', '2028-02-29T23:59:59Z', [['remind', 7], ['escalate', 7]]],
    ['UTC', '2028-02-16T12:00:00Z', '2028-03-01T00:00:00Z', [['timeout', 14]]],
    // Europe/London: 2027-03-28 (clocks forward) starts at 00:00 UTC and ends at 23:00 UTC.
    ['Europe/London', '2027-03-25T23:30:00Z', '2027-03-27T23:59:59Z', []],
    ['Europe/London', '2027-03-25T23:30:00Z', '2027-03-28T00:00:00Z', [['remind', 3]]],
    ['Europe/London', '2027-03-22T12:00:00Z', '2027-03-28T22:59:59Z', [['remind', 6]]],
    ['Europe/London', '2027-03-22T12:00:00Z', '2027-03-28T23:00:00Z', [['remind', 7], ['escalate', 7]]],
    // Europe/London in summer time: a day starts at 23:00 UTC the evening before, 2026-10-25 (clocks back) included.
    ['Europe/London', '2026-10-21T23:30:00Z', '2026-10-24T22:59:59Z', []],
    ['Europe/London', '2026-10-21T22:30:00Z', '2026-10-24T22:59:59Z', [['remind', 3]]],
    ['Europe/London', '2026-10-22T12:00:00Z', '2026-10-24T23:00:00Z', [['remind', 3]]],
    ['Europe/London', '2026-10-22T12:00:00Z', '2026-10-24T22:59:59Z', []],
    // America/New_York: 2026-11-01 (clocks back) starts at 04:00 UTC, 2026-11-02 at 05:00 UTC.
    ['America/New_York', '2026-10-29T12:00:00Z', '2026-11-01T03:59:59Z', []],
    ['America/New_York', '2026-10-29T12:00:00Z', '2026-11-01T04:00:00Z', [['remind', 3]]],
    ['America/New_York', '2026-10-26T12:00:00Z', '2026-11-02T04:59:59Z', [['remind', 6]]],
    ['America/New_York', '2026-10-26T12:00:00Z', '2026-11-02T05:00:00Z', [['remind', 7], ['escalate', 7]]],
    // America/New_York: 2027-03-14 (clocks forward) starts at 05:00 UTC, 2027-03-15 at 04:00 UTC.
    ['America/New_York', '2027-03-01T12:00:00Z', '2027-03-15T03:59:59Z', [['remind', 13], ['escalate', 13]]],
    ['America/New_York', '2027-03-01T12:00:00Z', '2027-03-15T04:00:00Z', [['timeout', 14]]],
  ])('%s: waiting since %s, run at %s -> %j', (timeZone, waitingSince, now, expected) => {
    expect(stagesAt(now, waitingSince, timeZone)).toEqual(expected);
  });

  it('reminds the pending level, escalates to the escalation group and times out with a reason', () => {
    const pending = { levelId: 'risk-owner', waitingSince: '2027-01-10T12:00:00Z' };
    const stepId = 'awaiting-approval/risk-owner/2027-01-10T12:00:00.000Z';
    const step = {
      type: 'stalled-approval',
      issueKey: 'SEC-8',
      stepId,
      status: 'awaiting-approval',
      levelId: 'risk-owner',
      waitingSince: pending.waitingSince,
      waitingDays: 7,
    };
    expect(stalledApprovalActions(waiting, pending, '2027-01-17T09:00:00Z', DEFAULT_POLICY)).toEqual([
      { ...step, key: `stall:SEC-8:${stepId}:remind`, stage: 'remind', notifyGroup: 'risk-owners' },
      { ...step, key: `stall:SEC-8:${stepId}:escalate`, stage: 'escalate', notifyGroup: 'security-escalation' },
    ]);
    const [timeout] = stalledApprovalActions(waiting, pending, '2027-01-24T09:00:00Z', DEFAULT_POLICY);
    expect(timeout).toMatchObject({ key: `stall:SEC-8:${stepId}:timeout`, stage: 'timeout', waitingDays: 14 });
    expect(timeout && 'reason' in timeout ? timeout.reason : '').toBe(
      'Timed out: no decision from the Risk / information owner (group "risk-owners") while in Awaiting Approval since 2027-01-10; ' +
        'the policy rejects requests left waiting 14 days. Raise it again if the exception is still needed.',
    );
  });

  it.each([
    // [what changed, status, level, waiting since, same step?]
    ['nothing', 'awaiting-approval', 'risk-owner', '2027-01-10T12:00:00Z', true],
    ['only the notation of the same instant', 'awaiting-approval', 'risk-owner', '2027-01-10T13:00:00+01:00', true],
    ['the next level became pending', 'awaiting-approval', 'compliance-lead', '2027-01-10T12:00:00Z', false],
    ['a later decision restarted the clock', 'awaiting-approval', 'risk-owner', '2027-01-11T08:00:00Z', false],
    ['the status moved on', 'risk-review', 'risk-owner', '2027-01-10T12:00:00Z', false],
  ])('a step is the same step when %s: %s', (_change, status, levelId, waitingSince, same) => {
    const keyOf = (exceptionStatus: Status, level: string, since: string) => {
      const exception = { ...waiting, status: exceptionStatus };
      return stalledApprovalActions(exception, { levelId: level, waitingSince: since }, '2027-01-30T09:00:00Z', DEFAULT_POLICY)[0]?.key;
    };
    const original = keyOf('awaiting-approval', 'risk-owner', '2027-01-10T12:00:00Z');
    expect(original).toBeDefined();
    expect(keyOf(status as Status, levelId, waitingSince) === original).toBe(same);
  });

  it.each<[Status]>([['draft'], ['active'], ['rejected'], ['withdrawn']])('never chases an exception in status %s', (status) => {
    const pending = { levelId: 'risk-owner', waitingSince: '2027-01-10T12:00:00Z' };
    const actions = stalledApprovalActions({ ...waiting, status }, pending, '2027-02-10T09:00:00Z', DEFAULT_POLICY);
    expect(actions).toEqual([]);
  });

  it('treats a pending level the policy does not know as a caller bug', () => {
    expect(() =>
      stalledApprovalActions(waiting, { levelId: 'board', waitingSince: '2027-01-10T12:00:00Z' }, '2027-01-20T09:00:00Z', DEFAULT_POLICY),
    ).toThrow('pending level "board" is not in the policy');
  });
});

describe('dueStalledApprovals', () => {
  it('chases only exceptions with a pending step, in issue key order', () => {
    const exceptions = ['SEC-20', 'SEC-9', 'SEC-3'].map((key) => ({ ...waiting, key }));
    const pendingByIssue = new Map([
      ['SEC-20', { levelId: 'security-lead', waitingSince: '2027-01-10T12:00:00Z' }],
      ['SEC-9', { levelId: 'risk-owner', waitingSince: '2027-01-12T12:00:00Z' }],
    ]);
    const actions = dueStalledApprovals({ exceptions, pendingByIssue, now: '2027-01-17T09:00:00Z', policy: DEFAULT_POLICY });
    expect(actions.map((a) => [a.issueKey, a.stage])).toEqual([
      ['SEC-9', 'remind'],
      ['SEC-20', 'remind'],
      ['SEC-20', 'escalate'],
    ]);
  });
});
