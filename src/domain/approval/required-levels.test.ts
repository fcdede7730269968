import { TIERS, type Tier } from '../exception/security-exception';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { anException } from '../testing/builders';
import { requiredLevels } from './required-levels';

const DESIGN_TABLE: Record<Tier, string[]> = {
  low: ['security-lead'],
  medium: ['security-lead', 'risk-owner'],
  high: ['security-lead', 'risk-owner', 'compliance-lead'],
  critical: ['security-lead', 'risk-owner', 'compliance-lead', 'ciso'],
};

describe('requiredLevels', () => {
  it.each(TIERS.map((tier) => [tier, DESIGN_TABLE[tier]] as const))('a %s exception needs %j', (tier, levels) => {
    const required = requiredLevels(anException({ tier }), DEFAULT_POLICY);
    expect(required.levels.map((l) => l.id)).toEqual(levels);
    expect(required.renewalNotice).toBeUndefined();
  });

  it.each([
    ['renewal count at the cap', 'low', { renewalCount: 2, cumulativeDays: 540 }],
    ['a first renewal of a high exception', 'high', { renewalCount: 1, cumulativeDays: 180 }],
  ] as const)('adds nothing for %s', (_label, tier, renewal) => {
    const required = requiredLevels(anException({ tier, renewal }), DEFAULT_POLICY);
    expect(required.levels.map((l) => l.id)).toEqual(DESIGN_TABLE[tier]);
    expect(required.renewalNotice).toBeUndefined();
  });

  it.each([
    ['too many renewals', 'low', { renewalCount: 3, cumulativeDays: 400 }, ['renewal 3', 'above the 2']],
    ['too many cumulative days', 'medium', { renewalCount: 1, cumulativeDays: 541 }, ['541 days', '540-day cap']],
    ['both caps exceeded', 'high', { renewalCount: 2, cumulativeDays: 200 }, ['renewal 2', '200 days']],
  ] as const)('appends the CISO level when over the renewal cap: %s', (_label, tier, renewal, mentions) => {
    const required = requiredLevels(anException({ tier, renewal }), DEFAULT_POLICY);
    expect(required.levels.map((l) => l.id)).toEqual([...DESIGN_TABLE[tier], 'ciso']);
    for (const mention of [...mentions, 'SEC-1', 'CISO approval (group ciso)']) expect(required.renewalNotice).toContain(mention);
  });

  it('keeps a critical exception over its cap at its own levels, with a notice that CISO approval stays mandatory', () => {
    const required = requiredLevels(anException({ tier: 'critical', renewal: { renewalCount: 2, cumulativeDays: 90 } }), DEFAULT_POLICY);
    expect(required.levels.map((l) => l.id)).toEqual(DESIGN_TABLE.critical);
    expect(required.renewalNotice).toContain('already requires CISO approval');
  });
});
