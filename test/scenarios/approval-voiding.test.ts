import { aControl } from '../../src/domain/testing/builders';
import { fieldValuesOf } from '../../src/app/projection/testing/exception-issue-builder';
import { createApprovalWorld, PEOPLE, requestRatedAt, type ApprovalWorld } from './testing/approval-world';
import { activeException, approveLevels, awaitingApproval, levelIdsOf } from './testing/journeys';

/**
 * Approvals are bound to the content they approved: a risk-relevant edit after approval voids them, sends the
 * exception back for approval (an active one stops being in force) and says on the issue what changed and whose
 * approvals were voided. A change that raises the risk tier re-rates the exception. Edits that change no
 * risk-relevant field leave the approvals standing.
 */

let world: ApprovalWorld;
beforeEach(async () => {
  world = await createApprovalWorld();
});
afterEach(() => world.close());

/** Planned controls reduce no risk, so adding one keeps the tier and only the content changes. */
const plannedControl = aControl({ id: 'ctl-2', type: 'access-restriction', description: 'Admin interface reachable from the bastion only', status: 'planned', evidence: [] });

describe('a risk-relevant edit after approval', () => {
  it('takes an active exception out of force and back to approval, saying what changed and whose approvals no longer count', async () => {
    const request = requestRatedAt('medium');
    const key = await activeException(world, request, 'medium');
    const controls = [...request.compensatingControls, plannedControl];

    await world.edit(key, { compensatingControls: fieldValuesOf({ ...request, compensatingControls: controls }).compensatingControls });

    expect(world.statusOf(key)).toBe('awaiting-approval');
    expect(world.commentsOf(key).at(-1)).toBe(
      [
        `Security exception register: ${key} was approved, but its risk-relevant content changed (compensating controls) afterwards, so the approvals of acc-lead, acc-risk no longer count.`,
        `${key} is no longer in force: it is back in Awaiting Approval, and approval starts again with Security lead (group security-leads) on the content as it is now.`,
        'Voided: Security lead: acc-lead (approved on 2027-03-01)',
        'Voided: Risk / information owner: acc-risk (approved on 2027-03-01)',
      ].join('\n\n'),
    );
    expect((await world.approvalsOf(key)).map((approval) => [approval.levelId, approval.voidedAt !== undefined])).toEqual([
      ['security-lead', true],
      ['risk-owner', true],
    ]);
    expect((await world.auditOf(key)).at(-1)).toMatchObject({
      action: 'exception.approvals-voided',
      actor: 'system:issue-events',
      payload: { from: 'active', to: 'awaiting-approval', editor: PEOPLE.requester, changedFields: ['compensatingControls'] },
    });
    expect(await world.register.get(key)).toMatchObject({ status: 'awaiting-approval', approvers: [] });

    await approveLevels(world, key, levelIdsOf('medium'));
    expect(await world.transition(key, 'Activate', PEOPLE.risk)).toEqual({ status: 204, messages: [] });
    expect(world.statusOf(key)).toBe('active');
  });

  it('voids the approvals of an exception still awaiting approval, so approval starts again with the first level', async () => {
    const key = await awaitingApproval(world, requestRatedAt('medium'));
    await approveLevels(world, key, ['security-lead']);

    await world.edit(key, { requestedExpiry: '2027-03-15' });

    expect(world.statusOf(key)).toBe('awaiting-approval');
    expect(world.commentsOf(key).at(-1)).toContain(`its risk-relevant content changed (requested expiry) afterwards, so the approvals of acc-lead no longer count.`);
    expect(world.commentsOf(key).at(-1)).toContain(`${key} stays in Awaiting Approval, and approval starts again with Security lead (group security-leads)`);
    const early = await world.transition(key, 'Approve as Risk / information owner', PEOPLE.risk);
    expect(early.messages.join(' ')).toContain('Security lead approval (group security-leads) must come before Risk / information owner approval');
    await approveLevels(world, key, levelIdsOf('medium'));
    expect((await world.approvalsOf(key)).filter((approval) => approval.voidedAt === undefined).map((approval) => approval.levelId)).toEqual(['security-lead', 'risk-owner']);
  });

  it('re-rates an active exception whose change raises its tier, and it then needs the higher tier’s approvals', async () => {
    const request = requestRatedAt('low');
    const key = await activeException(world, request, 'low');

    await world.edit(key, { riskInputs: { method: 'matrix', likelihood: 4, impact: 4, threatVectors: request.threatVectors } });

    expect(world.statusOf(key)).toBe('awaiting-approval');
    expect(world.commentsOf(key).at(-1)).toContain('The change raises its risk tier from low to high, which needs Security lead (group security-leads), then Risk / information owner (group risk-owners), then Compliance lead (group compliance-leads).');
    expect((await world.auditOf(key)).at(-1)).toMatchObject({ action: 'exception.re-rated', payload: { fromTier: 'low', toTier: 'high', changedFields: ['riskInputs'] } });
    await approveLevels(world, key, ['security-lead']);
    expect((await world.transition(key, 'Activate', PEOPLE.lead)).messages.join(' ')).toContain('may activate');
    await approveLevels(world, key, ['risk-owner', 'compliance-lead']);
    expect(await world.transition(key, 'Activate', PEOPLE.compliance)).toEqual({ status: 204, messages: [] });
  });

  it('is acted on once however often its event is delivered', async () => {
    const key = await activeException(world, requestRatedAt('low'), 'low');
    world.jira.events.configure({ duplicate: true, outOfOrder: true });
    const comments = world.commentsOf(key).length;

    await world.edit(key, { requestedExpiry: '2027-03-10' });

    expect(world.statusOf(key)).toBe('awaiting-approval');
    expect(world.commentsOf(key)).toHaveLength(comments + 1);
    expect((await world.auditOf(key)).filter((entry) => entry.action === 'exception.approvals-voided')).toHaveLength(1);
  });
});

describe('an edit that changes nothing the approvers signed off', () => {
  it('leaves the approvals and the exception as they were', async () => {
    const key = await activeException(world, requestRatedAt('low'), 'low');
    const comments = world.commentsOf(key).length;

    await world.edit(key, { kind: 'vulnerability-sla' });
    world.jira.clock.advance({ minutes: 5 });
    await world.settle();

    expect(world.statusOf(key)).toBe('active');
    expect(world.commentsOf(key)).toHaveLength(comments);
    expect((await world.approvalsOf(key)).every((approval) => approval.voidedAt === undefined)).toBe(true);
  });
});
