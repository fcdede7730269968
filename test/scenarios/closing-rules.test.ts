import { createApprovalWorld, PEOPLE, requestRatedAt, type ApprovalWorld } from './testing/approval-world';
import { activeException, refusedWith } from './testing/journeys';

/**
 * Ending an active exception early, through the stand-in as the people who try: the workflow's validators refuse a
 * Revoke or a Mark remediated the lifecycle does not allow, with the lifecycle's own message, before Jira moves the
 * issue; the decisions they allow are recorded with who took them and why.
 */

let world: ApprovalWorld;
beforeEach(async () => {
  // The validator logs the checks it could not make; the assertions here are on what the person is told.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  world = await createApprovalWorld();
});
afterEach(() => world.close());

const REASON = 'Exploitation seen in the wild against this asset class; patch now.';

describe('revoking an active exception', () => {
  it('refuses the requester, saying who may and what they can do instead, and leaves the exception active', async () => {
    const key = await activeException(world, requestRatedAt('low'), 'low');

    refusedWith(
      await world.transition(key, 'Revoke', PEOPLE.requester, { comment: 'We no longer need it.' }),
      `Only a security lead (group security-leads) may revoke ${key}. ` +
        'Ask a security lead to revoke it; if the underlying issue is fixed, the requester or asset owner can mark it remediated.',
    );

    expect(world.statusOf(key)).toBe('active');
    expect((await world.auditOf(key)).map((entry) => entry.action)).not.toContain('exception.revoked');
  });

  it('refuses a security lead without a reason, and revokes with one, recording it', async () => {
    const key = await activeException(world, requestRatedAt('low'), 'low');

    refusedWith(
      await world.transition(key, 'Revoke', PEOPLE.lead),
      `A reason is required to revoke ${key}: it goes into the audit trail and is shown to the requester. Add a reason and try again.`,
    );
    expect(world.statusOf(key)).toBe('active');

    expect(await world.transition(key, 'Revoke', PEOPLE.lead, { comment: REASON })).toEqual({ status: 204, messages: [] });
    expect(world.statusOf(key)).toBe('revoked');
    expect((await world.auditOf(key)).at(-1)).toMatchObject({ action: 'exception.revoked', actor: PEOPLE.lead, payload: { reason: REASON } });
  });

  it('fails closed when the issue cannot be read', async () => {
    const key = await activeException(world, requestRatedAt('low'), 'low');
    world.jira.injectFault({ status: 503, method: 'GET', pathPattern: new RegExp(`^/rest/api/3/issue/${key}(\\?|$)`) });

    refusedWith(
      await world.transition(key, 'Revoke', PEOPLE.lead, { comment: REASON }),
      `The revocation check of ${key} could not be performed: the issue could not be read from Jira (Jira answered JIRA.UNAVAILABLE), so the transition is blocked. ` +
        'Nothing was changed: try the transition again in a minute. If it keeps failing, tell your Jira administrator.',
    );
    expect(world.statusOf(key)).toBe('active');
  });
});

describe('marking an active exception remediated', () => {
  it('refuses someone who is neither requester, asset owner nor security lead', async () => {
    const key = await activeException(world, requestRatedAt('low'), 'low');

    refusedWith(
      await world.transition(key, 'Mark remediated', PEOPLE.risk),
      `Only the requester (${PEOPLE.requester}), the asset owner (${PEOPLE.owner}) or a security lead (group security-leads) may mark as remediated ${key}. ` +
        'Ask one of them to record the remediation.',
    );
    expect(world.statusOf(key)).toBe('active');
  });

  it.each([
    ['the requester', PEOPLE.requester],
    ['the asset owner', PEOPLE.owner],
    ['a security lead', PEOPLE.lead],
  ])('lets %s record it', async (_who, person) => {
    const key = await activeException(world, requestRatedAt('low'), 'low');

    expect(await world.transition(key, 'Mark remediated', person)).toEqual({ status: 204, messages: [] });

    expect(world.statusOf(key)).toBe('remediated');
    expect((await world.auditOf(key)).at(-1)).toMatchObject({ action: 'exception.remediated', actor: person });
  });
});
