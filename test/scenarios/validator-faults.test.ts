import { createApprovalWorld, PEOPLE, requestRatedAt, type ApprovalWorld } from './testing/approval-world';
import { approveLevels, awaitingApproval } from './testing/journeys';

/**
 * The validators fail closed: whatever they cannot read blocks the transition with a message that says the check
 * could not be performed and may be retried, and the exception stays where it was with nothing recorded.
 */

let world: ApprovalWorld;
beforeEach(() => {
  // The validator logs the checks it could not make; the assertions here are on what the person is told.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
beforeEach(async () => {
  world = await createApprovalWorld();
});
afterEach(() => world.close());

const RETRY = 'so the transition is blocked. Nothing was changed: try the transition again in a minute. If it keeps failing, tell your Jira administrator.';

describe('a validator that cannot read what it needs', () => {
  it.each<[string, (world: ApprovalWorld, key: string) => void, (key: string) => string]>([
    [
      'the issue',
      (site, key) => site.jira.injectFault({ status: 503, method: 'GET', pathPattern: new RegExp(`^/rest/api/3/issue/${key}(\\?|$)`) }),
      (key) => `The Risk / information owner approval check of ${key} could not be performed: the issue could not be read from Jira (Jira answered JIRA.UNAVAILABLE), ${RETRY}`,
    ],
    [
      'the approver’s groups',
      (site) => site.jira.injectFault({ status: 500, method: 'GET', pathPattern: /^\/rest\/api\/3\/user\/groups/ }),
      (key) => `The Risk / information owner approval check of ${key} could not be performed: your Jira group memberships could not be looked up (Jira answered JIRA.UNAVAILABLE), ${RETRY}`,
    ],
    [
      'the approvals recorded so far',
      (site) => site.breakSql(true),
      (key) =>
        `The Risk / information owner approval check of ${key} could not be performed: the approvals recorded so far could not be read from the register (STORAGE.QUERY_FAILED), ${RETRY}`,
    ],
    [
      'the policy',
      (site) => site.setPolicy({ version: 2 }),
      (key) =>
        `The approval check (level risk-owner) of ${key} could not be performed: the register’s policy configuration could not be read ` +
        `(the stored configuration is invalid and a register administrator must correct it), ${RETRY}`,
    ],
  ])('refuses an approval when %s cannot be read, and records nothing', async (_what, fault, message) => {
    const key = await awaitingApproval(world, requestRatedAt('medium'));
    await approveLevels(world, key, ['security-lead']);
    const before = await world.approvalsOf(key);
    fault(world, key);

    const answer = await world.transition(key, 'Approve as Risk / information owner', PEOPLE.risk);

    expect(answer).toEqual({ status: 400, messages: [message(key)] });
    world.jira.clearFaults();
    world.breakSql(false);
    expect(world.statusOf(key)).toBe('awaiting-approval');
    expect(await world.approvalsOf(key)).toEqual(before);
  });

  it('refuses a submission when the active exceptions cannot be counted', async () => {
    const key = await world.raise(requestRatedAt('medium'));
    world.breakSql(true);

    const answer = await world.transition(key, 'Submit', PEOPLE.requester);

    world.breakSql(false);
    expect(answer).toEqual({
      status: 400,
      messages: [`The intake check of ${key} could not be performed: the number of exceptions already active could not be counted (STORAGE.QUERY_FAILED), ${RETRY}`],
    });
    expect(world.statusOf(key)).toBe('draft');
  });

  it('lets the same transition through once what failed answers again', async () => {
    const key = await awaitingApproval(world, requestRatedAt('low'));
    world.jira.injectFault({ status: 503, method: 'GET', pathPattern: /^\/rest\/api\/3\/user\/groups/, times: 2 });

    expect((await world.transition(key, 'Approve as Security lead', PEOPLE.lead)).status).toBe(400);
    expect(await world.transition(key, 'Approve as Security lead', PEOPLE.lead)).toEqual({ status: 204, messages: [] });
    expect((await world.approvalsOf(key)).map((approval) => approval.approver)).toEqual([PEOPLE.lead]);
  });
});
