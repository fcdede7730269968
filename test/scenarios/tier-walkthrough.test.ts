import { contentHash } from '../../src/domain/exception/content-hash';
import { TIERS } from '../../src/domain/exception/security-exception';
import { DEFAULT_POLICY } from '../../src/domain/policy/default-policy';
import { levelsForTier } from '../../src/domain/policy/policy-config';
import { assessRisk } from '../../src/domain/risk';
import { APPROVER_OF, createApprovalWorld, PEOPLE, requestRatedAt, type ApprovalWorld } from './testing/approval-world';

describe.each(TIERS)('a %s exception, from raising it to being in force', (tier) => {
  const request = requestRatedAt(tier);
  const levels = levelsForTier(DEFAULT_POLICY, tier);

  it('is rated as intended by the default policy', () => {
    const rated = assessRisk({ ...request, riskInputs: request.riskInputs ?? { method: 'matrix', likelihood: 1, impact: 1 } }, DEFAULT_POLICY);
    expect(rated.ok ? rated.value.tier : rated.error.code).toBe(tier);
  });

  describe('in the workflow', () => {
    let world: ApprovalWorld;
    beforeEach(async () => {
      world = await createApprovalWorld();
    });
    afterEach(() => world.close());

    it('is submitted, reviewed, approved level by level and activated, with every decision recorded', async () => {
      const key = await world.raise(request);
      expect(world.statusOf(key)).toBe('draft');

      expect(await world.transition(key, 'Submit', PEOPLE.requester)).toEqual({ status: 204, messages: [] });
      expect(await world.transition(key, 'Start review', PEOPLE.architect)).toEqual({ status: 204, messages: [] });
      expect(await world.transition(key, 'Complete review', PEOPLE.architect)).toEqual({ status: 204, messages: [] });
      expect(world.statusOf(key)).toBe('awaiting-approval');

      for (const level of levels) {
        world.jira.clock.advance({ hours: 2 });
        const approver = APPROVER_OF[level.id] ?? '';
        expect(await world.transition(key, `Approve as ${level.name}`, approver)).toEqual({ status: 204, messages: [] });
        expect(world.statusOf(key)).toBe('awaiting-approval');
      }
      const final = APPROVER_OF[levels.at(-1)?.id ?? ''] ?? '';
      expect(await world.transition(key, 'Activate', final)).toEqual({ status: 204, messages: [] });

      expect(world.statusOf(key)).toBe('active');
      const hash = contentHash(request);
      expect((await world.approvalsOf(key)).map((approval) => [approval.levelId, approval.approver, approval.decision, approval.contentHash])).toEqual(
        levels.map((level) => [level.id, APPROVER_OF[level.id], 'approved', hash]),
      );
      const audit = await world.auditOf(key);
      expect(audit.map((entry) => [entry.action, entry.actor])).toEqual([
        ['exception.submitted', PEOPLE.requester],
        ['exception.review-started', PEOPLE.architect],
        ['exception.review-completed', PEOPLE.architect],
        ...levels.map((level) => ['exception.approved', APPROVER_OF[level.id]]),
        ['exception.activated', final],
      ]);
      expect(audit.every((entry) => (entry.payload as { contentHash?: string }).contentHash === hash)).toBe(true);
      expect(await world.register.get(key)).toMatchObject({ status: 'active', tier, approvers: levels.map((level) => APPROVER_OF[level.id]), expiresOn: '2027-03-21' });
    });
  });
});
