import { DEFAULT_POLICY, DEFAULT_POLICY_INPUT } from './default-policy';
import { parsePolicy, levelsForTier } from './policy-config';

describe('policy configuration', () => {
  it('accepts the design defaults', () => {
    expect(parsePolicy(DEFAULT_POLICY_INPUT).ok).toBe(true);
    expect(levelsForTier(DEFAULT_POLICY, 'critical').map((l) => l.id)).toEqual(['security-lead', 'risk-owner', 'compliance-lead', 'ciso']);
  });

  it('lists every problem by path instead of stopping at the first', () => {
    const broken = structuredClone(DEFAULT_POLICY_INPUT) as Record<string, unknown> & typeof DEFAULT_POLICY_INPUT;
    broken.timeZone = 'Mars/Olympus';
    broken.tiers.high.levels = ['security-lead', 'nobody'];
    broken.tiers.low.reminderDays = [7, 30];
    broken.risk.thresholds = { medium: 5, high: 4, critical: 9 };
    broken.kinds.policy = { eligible: false };
    const result = parsePolicy(broken);
    expect(result.ok).toBe(false);
    expect(result.problems?.map((p) => p.path).sort()).toEqual(
      ['kinds.policy.redirect', 'risk.thresholds', 'tiers.high.levels.1', 'tiers.low.reminderDays', 'timeZone'].sort(),
    );
  });

  it.each([
    ['a missing section', (p: Record<string, unknown>) => delete p.limits, 'limits'],
    ['a negative duration', (p: Record<string, unknown>) => ((p.tiers as { low: { maxDurationDays: number } }).low.maxDurationDays = -1), 'tiers.low.maxDurationDays'],
    ['timeouts out of order', (p: Record<string, unknown>) => ((p.approvalTimeouts as { escalateAfterDays: number }).escalateAfterDays = 1), 'approvalTimeouts'],
  ])('refuses %s', (_label, mutate, path) => {
    const candidate = structuredClone(DEFAULT_POLICY_INPUT) as unknown as Record<string, unknown>;
    mutate(candidate);
    const result = parsePolicy(candidate);
    expect(result.ok).toBe(false);
    expect(result.problems?.map((p) => p.path)).toContain(path);
  });
});
