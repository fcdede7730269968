import { DEFAULT_POLICY_INPUT } from '../../src/domain/policy/default-policy';
import { createApprovalWorld, PEOPLE, requestRatedAt, type ApprovalWorld } from './testing/approval-world';
import { activeException, approveLevels, awaitingApproval, levelIdsOf, refusedWith } from './testing/journeys';

/**
 * Every rule the workflow's validators enforce, broken once through the stand-in by the person the rule is about:
 * the transition is refused with the rule's own message, and nothing moves or is recorded.
 */

let world: ApprovalWorld;
beforeEach(() => {
  // The validator logs the checks it could not make; the assertions here are on what the person is told.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => world.close());

describe('approval rules', () => {
  beforeEach(async () => {
    world = await createApprovalWorld();
  });

  it('refuses an approver outside the level’s group, naming the group', async () => {
    const key = await awaitingApproval(world, requestRatedAt('medium'));

    const answer = await world.transition(key, 'Approve as Security lead', PEOPLE.outsider);

    refusedWith(
      answer,
      `Security lead approval on ${key} is given by members of the Jira group "security-leads", and you are not one. ` +
        'Ask a member of security-leads to approve, or a Jira administrator to add you if you hold this role.',
    );
    expect(await world.approvalsOf(key)).toEqual([]);
  });

  it('refuses the requester approving their own exception, even from the right group', async () => {
    world.jira.seedGroup('security-leads', [PEOPLE.requester]);
    const key = await awaitingApproval(world, requestRatedAt('low'));

    const answer = await world.transition(key, 'Approve as Security lead', PEOPLE.requester);

    refusedWith(
      answer,
      `You requested ${key}, and a requester never approves their own exception. Ask another member of security-leads to give Security lead approval.`,
    );
  });

  it('refuses one person approving a second level', async () => {
    world.jira.seedGroup('risk-owners', [PEOPLE.lead]);
    const key = await awaitingApproval(world, requestRatedAt('medium'));
    await approveLevels(world, key, ['security-lead']);

    const answer = await world.transition(key, 'Approve as Risk / information owner', PEOPLE.lead);

    refusedWith(
      answer,
      `You already approved ${key} at the Security lead level, and each level needs a different person. ` +
        'Ask another member of risk-owners to give Risk / information owner approval.',
    );
    expect((await world.approvalsOf(key)).map((approval) => approval.levelId)).toEqual(['security-lead']);
  });

  it('refuses a level approving before the levels it follows', async () => {
    const key = await awaitingApproval(world, requestRatedAt('high'));

    const answer = await world.transition(key, 'Approve as Risk / information owner', PEOPLE.risk);

    refusedWith(
      answer,
      `Security lead approval (group security-leads) must come before Risk / information owner approval on ${key}. ` +
        'Wait for a member of security-leads to approve, then approve the Risk / information owner level.',
    );
  });

  it('refuses a level the exception’s tier does not need', async () => {
    const key = await awaitingApproval(world, requestRatedAt('low'));

    const answer = await world.transition(key, 'Approve as CISO', PEOPLE.ciso);

    refusedWith(answer, `A low exception such as ${key} does not need "ciso" approval; it needs, in order: Security lead.`);
  });

  it('refuses an approval while earlier approvals are bound to content that has since changed', async () => {
    const key = await awaitingApproval(world, requestRatedAt('medium'));
    await approveLevels(world, key, ['security-lead']);
    world.jira.events.configure({ paused: true });
    await world.edit(key, { requestedExpiry: '2027-03-15' });

    const answer = await world.transition(key, 'Approve as Risk / information owner', PEOPLE.risk);

    refusedWith(
      answer,
      `Risk-relevant content of ${key} changed after acc-lead (Security lead) approved, so those approvals are stale and no longer count: ` +
        're-approval is needed from the first level. The register voids them when it processes the edit; approve again once it has.',
    );
  });

  it('refuses activation until every level has approved, naming the levels still needed', async () => {
    const key = await awaitingApproval(world, requestRatedAt('high'));
    await approveLevels(world, key, ['security-lead']);

    const answer = await world.transition(key, 'Activate', PEOPLE.compliance);

    refusedWith(
      answer,
      `${key} cannot be activated yet: it still needs Risk / information owner approval (group risk-owners), then Compliance lead approval (group compliance-leads).`,
    );
    expect(world.statusOf(key)).toBe('awaiting-approval');
  });

  it('refuses activation by someone other than an approver of the last level', async () => {
    const key = await awaitingApproval(world, requestRatedAt('medium'));
    await approveLevels(world, key, levelIdsOf('medium'));

    const answer = await world.transition(key, 'Activate', PEOPLE.lead);

    expect(answer.status).toBe(400);
    expect(answer.messages.join(' ')).toContain(`may activate ${key}`);
    expect(answer.messages.join(' ')).toContain('Risk / information owner approver (group risk-owners)');
  });

  it('refuses a peer review by the requester', async () => {
    world.jira.seedGroup('security-architects', [PEOPLE.requester]);
    const key = await world.raise(requestRatedAt('low'));
    await world.transition(key, 'Submit', PEOPLE.requester);

    const answer = await world.transition(key, 'Start review', PEOPLE.requester);

    refusedWith(
      answer,
      `You requested ${key}, so you cannot review its risk assessment: the review must be independent of the requester. Ask another member of security-architects to review it.`,
    );
  });

  it('refuses a peer review by someone outside the peer review group', async () => {
    const key = await world.raise(requestRatedAt('low'));
    await world.transition(key, 'Submit', PEOPLE.requester);

    const answer = await world.transition(key, 'Start review', PEOPLE.lead);

    refusedWith(
      answer,
      `Risk reviews are done by members of the Jira group "security-architects", and you are not one. Ask a member of security-architects to review ${key}, or a Jira administrator to add you if you hold this role.`,
    );
  });

  it('refuses a rejection without a reason, and records one with it', async () => {
    const key = await awaitingApproval(world, requestRatedAt('medium'));

    refusedWith(
      await world.transition(key, 'Reject', PEOPLE.lead),
      `A reason is required to reject ${key}: it goes into the audit trail and is shown to the requester. Add a reason and try again.`,
    );
    const rejected = await world.transition(key, 'Reject', PEOPLE.lead, { comment: 'The appliance can be isolated instead.' });

    expect(rejected).toEqual({ status: 204, messages: [] });
    expect(world.statusOf(key)).toBe('rejected');
    expect(await world.approvalsOf(key)).toEqual([
      expect.objectContaining({ levelId: 'security-lead', approver: PEOPLE.lead, decision: 'rejected', reason: 'The appliance can be isolated instead.' }),
    ]);
    expect((await world.auditOf(key)).at(-1)).toMatchObject({ action: 'exception.rejected', actor: PEOPLE.lead, payload: { reason: 'The appliance can be isolated instead.' } });
  });

  it('leaves withdrawing to the requester', async () => {
    const key = await awaitingApproval(world, requestRatedAt('low'));

    refusedWith(
      await world.transition(key, 'Withdraw', PEOPLE.lead),
      `Only the requester (${PEOPLE.requester}) may withdraw ${key}. Ask the requester to withdraw it; an approver of the waiting level can reject it with a reason instead.`,
    );
    expect(await world.transition(key, 'Withdraw', PEOPLE.requester)).toEqual({ status: 204, messages: [] });
    expect(world.statusOf(key)).toBe('withdrawn');
  });
});

describe('intake rules', () => {
  beforeEach(async () => {
    world = await createApprovalWorld();
  });

  it('lists every problem of an incomplete request at once', async () => {
    const key = await world.raise(
      requestRatedAt('medium', { businessImpact: undefined, controlReferences: [], threatVectors: [], justification: 'Too short.', remediationPlan: undefined }),
    );

    const answer = await world.transition(key, 'Submit', PEOPLE.requester);

    refusedWith(
      answer,
      `${key} cannot be submitted yet: 5 things need fixing first. ` +
        '(1) Business impact (Description): Describe the business impact of remediating now (why the exception is needed). ' +
        '(2) Justification (Description): Write a technical justification of at least 40 characters (now 10). ' +
        '(3) Threat vectors (Exception risk inputs): Map the exception to at least one threat vector so monitoring can watch for it. ' +
        '(4) Exception control references: Reference at least one control (for example SOC2 CC7.1 or ISO27001 A.8.8) so auditors can map the exception. ' +
        '(5) Exception remediation plan: Describe how and when the underlying issue will be remediated. ' +
        'Fix them on the issue while it is Draft, then submit again.',
    );
    expect(world.statusOf(key)).toBe('draft');
  });

  it('refuses a kind that is not an exception, saying what to do instead', async () => {
    const key = await world.raise(requestRatedAt('low', { kind: 'configuration-deviation' }));

    refusedWith(
      await world.transition(key, 'Submit', PEOPLE.requester),
      `${key} cannot be submitted as a security exception. A configuration deviation is not handled as a security exception. ` +
        'A configuration deviation is a change: raise a change request so it is assessed by change management. Withdraw this request once that is done.',
    );
  });

  it('refuses a requested expiry beyond the tier’s maximum duration', async () => {
    const key = await world.raise(requestRatedAt('high', { requestedExpiry: '2027-06-09', remediationPlan: { summary: 'Replace it', targetDate: '2027-06-01' } }));

    refusedWith(
      await world.transition(key, 'Submit', PEOPLE.requester),
      `${key} cannot be submitted yet: one thing needs fixing first. ` +
        '(1) Exception requested expiry: A high-tier exception may last at most 90 days: the latest expiry allowed is 2027-05-30, not 2027-06-09. ' +
        'Fix it on the issue while it is Draft, then submit again.',
    );
  });

  it('refuses a medium-tier request whose compensating controls are only planned', async () => {
    const planned = { id: 'ctl-1', type: 'waf', description: 'WAF rule blocking the vulnerable path', status: 'planned' as const, evidence: [] };
    const key = await world.raise(requestRatedAt('medium', { compensatingControls: [planned], riskInputs: { method: 'matrix', likelihood: 3, impact: 3 } }));

    const answer = await world.transition(key, 'Submit', PEOPLE.requester);

    expect(answer.status).toBe(400);
    expect(answer.messages.join(' ')).toContain(
      '(1) Exception compensating controls: A medium-tier exception needs compensating controls that are implemented or verified; the 1 listed are only planned, and planned controls do not reduce risk.',
    );
  });

  it('refuses a submission by anyone but the requester', async () => {
    const key = await world.raise(requestRatedAt('low'));

    refusedWith(await world.transition(key, 'Submit', PEOPLE.lead), `Only the requester (${PEOPLE.requester}) may submit ${key}. Ask the requester to submit it.`);
  });
});

describe('limits and policy', () => {
  it('refuses a submission over the per-asset limit, and an activation that would exceed it', async () => {
    world = await createApprovalWorld({ policy: { ...DEFAULT_POLICY_INPUT, limits: { activePerAsset: 1, activePerBusinessUnit: 50 } } });
    const waiting = await awaitingApproval(world, requestRatedAt('low', { title: 'Second exception on the portal' }));
    await activeException(world, requestRatedAt('low'), 'low');
    const third = await world.raise(requestRatedAt('low', { title: 'Third exception on the portal' }));

    refusedWith(
      await world.transition(third, 'Submit', PEOPLE.requester),
      `${third} cannot be submitted yet: one thing needs fixing first. ` +
        '(1) Exception assets: Asset "Customer web portal" (asset-web-01) already has 1 active exceptions; the limit is 1 per asset. ' +
        'Remediate or close one of its active exceptions first, or ask a security lead to raise the limit. Fix it on the issue while it is Draft, then submit again.',
    );
    await approveLevels(world, waiting, ['security-lead']);
    refusedWith(
      await world.transition(waiting, 'Activate', PEOPLE.lead),
      'Asset "Customer web portal" (asset-web-01) already has 1 active exceptions; the limit is 1 per asset. ' +
        'Remediate or close one of its active exceptions first, or ask a security lead to raise the limit.',
    );
  });

  it('refuses activation once a tightened policy no longer allows the requested expiry', async () => {
    world = await createApprovalWorld();
    const key = await awaitingApproval(world, requestRatedAt('low'));
    await approveLevels(world, key, ['security-lead']);
    world.setPolicy({ ...DEFAULT_POLICY_INPUT, tiers: { ...DEFAULT_POLICY_INPUT.tiers, low: { ...DEFAULT_POLICY_INPUT.tiers.low, maxDurationDays: 7 } } });

    const answer = await world.transition(key, 'Activate', PEOPLE.lead);

    refusedWith(
      answer,
      `A low exception may last at most 7 days, so the latest expiry allowed from today (2027-03-01) is 2027-03-08, but ${key} requests 2027-03-21. ` +
        'The requester must shorten the requested expiry to 2027-03-08 or earlier.',
    );
  });

  it('refuses every transition while the stored policy cannot be used, saying the check could not be made', async () => {
    world = await createApprovalWorld();
    const key = await world.raise(requestRatedAt('low'));
    world.setPolicy({ version: 1, levels: 'everyone' });

    const answer = await world.transition(key, 'Submit', PEOPLE.requester);

    refusedWith(
      answer,
      `The intake check of ${key} could not be performed: the register’s policy configuration could not be read ` +
        '(the stored configuration is invalid and a register administrator must correct it), so the transition is blocked. ' +
        'Nothing was changed: try the transition again in a minute. If it keeps failing, tell your Jira administrator.',
    );
    expect(world.statusOf(key)).toBe('draft');
  });
});
