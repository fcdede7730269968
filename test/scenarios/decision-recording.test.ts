import { FLAGS_PROPERTY } from '../../src/app/projection/flag-bypass';
import { call, json } from '../../src/sandbox/jira/testing/stand-in-world';
import { createApprovalWorld, PEOPLE, requestRatedAt, type ApprovalWorld } from './testing/approval-world';
import { activeException, approveLevels, awaitingApproval, levelIdsOf } from './testing/journeys';

/**
 * What the decision recorder (the workflow post function) keeps, and what happens when a transition gets around the
 * validators: the register detects and flags it, and the recorder counts nothing the rules would have refused.
 */

let world: ApprovalWorld;
beforeEach(async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  world = await createApprovalWorld();
});
afterEach(() => world.close());

/** An administrator edits the workflow and takes the validator off a transition. */
const removeValidatorFrom = (site: ApprovalWorld, transitionName: string): void => {
  for (const [id, workflow] of site.jira.state.workflows) {
    if (!workflow.transitions.some((transition) => transition.name === transitionName)) continue;
    site.jira.state.workflows.set(id, {
      ...workflow,
      transitions: workflow.transitions.map((transition) => (transition.name === transitionName ? { ...transition, validators: [] } : transition)),
    });
  }
};

describe('the decision recorder', () => {
  it('records an approval once however often Jira delivers its post-function event, and shows it in the register', async () => {
    const key = await awaitingApproval(world, requestRatedAt('medium'));
    world.jira.events.configure({ duplicate: true });

    await approveLevels(world, key, ['security-lead']);

    expect((await world.approvalsOf(key)).map((approval) => [approval.levelId, approval.approver])).toEqual([['security-lead', PEOPLE.lead]]);
    expect((await world.auditOf(key)).filter((entry) => entry.action === 'exception.approved')).toHaveLength(1);
    expect(await world.register.get(key)).toMatchObject({ status: 'awaiting-approval', approvers: [PEOPLE.lead] });
  });

  it('binds each approval to the content the approver saw, with what it covered for later comparison', async () => {
    const key = await awaitingApproval(world, requestRatedAt('low'));

    await approveLevels(world, key, ['security-lead']);

    const [approved] = (await world.auditOf(key)).filter((entry) => entry.action === 'exception.approved');
    expect(approved).toMatchObject({
      actor: PEOPLE.lead,
      payload: {
        from: 'awaiting-approval',
        to: 'awaiting-approval',
        tier: 'low',
        approval: { levelId: 'security-lead', decision: 'approved' },
        approvedContent: { kind: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown, requestedExpiry: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown },
      },
    });
  });
});

describe('an activation forced around the activation validator', () => {
  it('is flagged on the issue and in the audit trail, and the recorder does not count it', async () => {
    const key = await awaitingApproval(world, requestRatedAt('medium'));
    await approveLevels(world, key, ['security-lead']);
    removeValidatorFrom(world, 'Activate');

    const forced = await world.transition(key, 'Activate', PEOPLE.risk);

    expect(forced).toEqual({ status: 204, messages: [] });
    expect(world.statusOf(key)).toBe('active');
    const flags = world.jira.issue(key)?.properties.get(FLAGS_PROPERTY) as { flags: { code: string; ruleCode: string; actor: string }[] };
    expect(flags.flags).toEqual([expect.objectContaining({ code: 'BYPASS.ACTIVATION_RULES', ruleCode: 'APPROVAL.QUORUM_INCOMPLETE', actor: PEOPLE.risk })]);
    expect(world.commentsOf(key).at(-1)).toContain(`${key} was moved from Awaiting Approval to Active by ${PEOPLE.risk}`);
    const actions = (await world.auditOf(key)).map((entry) => entry.action);
    expect(actions).toContain('exception.bypass-detected');
    expect(actions).toContain('exception.decision-not-counted');
    expect(actions).not.toContain('exception.activated');
  });

  it('is not flagged when the rules pass on re-check', async () => {
    const key = await awaitingApproval(world, requestRatedAt('medium'));
    await approveLevels(world, key, levelIdsOf('medium'));
    removeValidatorFrom(world, 'Activate');

    expect(await world.transition(key, 'Activate', PEOPLE.risk)).toEqual({ status: 204, messages: [] });

    expect(world.jira.issue(key)?.properties.get(FLAGS_PROPERTY)).toBeUndefined();
    expect((await world.auditOf(key)).map((entry) => entry.action)).toContain('exception.activated');
  });
});

describe('an approval forced around the approval validator', () => {
  it('is not recorded, so it can never complete a quorum', async () => {
    const key = await awaitingApproval(world, requestRatedAt('low'));
    removeValidatorFrom(world, 'Approve as Security lead');

    expect(await world.transition(key, 'Approve as Security lead', PEOPLE.outsider)).toEqual({ status: 204, messages: [] });

    expect(await world.approvalsOf(key)).toEqual([]);
    expect((await world.auditOf(key)).at(-1)).toMatchObject({
      action: 'exception.decision-not-counted',
      actor: PEOPLE.outsider,
      payload: { attemptedAction: 'approve', levelId: 'security-lead', code: 'APPROVAL.NOT_IN_GROUP' },
    });
    expect((await world.transition(key, 'Activate', PEOPLE.lead)).messages.join(' ')).toContain('it still needs Security lead approval');
  });
});

describe('the register’s own transitions', () => {
  it('are offered to the app but to no person, so nobody can take an exception back for approval or expire it by hand', async () => {
    const key = await activeException(world, requestRatedAt('low'), 'low');
    const offered = async (asUser: string | null): Promise<string[]> => {
      const body = json(await call(world.jira, 'GET', `/rest/api/3/issue/${key}/transitions`, undefined, asUser)) as { transitions: { name: string }[] };
      return body.transitions.map((transition) => transition.name);
    };

    expect(await offered(PEOPLE.lead)).toEqual(['Revoke', 'Mark remediated']);
    expect(await offered(null)).toEqual(expect.arrayContaining(['Expire', 'Supersede', 'Re-rate', 'Void approvals']));
  });
});
