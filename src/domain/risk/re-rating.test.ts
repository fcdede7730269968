import { TIERS, type Tier } from '../exception/security-exception';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { anAsset, aRiskInput } from '../testing/builders';
import { assessRisk } from './assess-risk';
import { compareTiers, requiresReapproval, tierRaised } from './re-rating';
import type { RiskAssessment, RiskInput } from './risk-assessment';

const assess = (input: RiskInput): RiskAssessment => {
  const result = assessRisk(input, DEFAULT_POLICY);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('tierRaised', () => {
  it.each([
    ['low', 'medium', true],
    ['medium', 'critical', true],
    ['high', 'critical', true],
    ['low', 'low', false],
    ['high', 'high', false],
    ['critical', 'high', false],
    ['medium', 'low', false],
  ] as const)('%s -> %s: %s', (previous, next, raised) => {
    expect(tierRaised(previous, next)).toBe(raised);
  });
});

describe('compareTiers', () => {
  it('orders tiers from low to critical', () => {
    const shuffled: Tier[] = ['high', 'low', 'critical', 'medium'];
    expect([...shuffled].sort(compareTiers)).toEqual([...TIERS]);
  });

  it('is zero only for the same tier', () => {
    for (const a of TIERS) for (const b of TIERS) expect(compareTiers(a, b) === 0).toBe(a === b);
  });
});

describe('requiresReapproval after a re-rating (approved at medium: matrix 3x3 = 5.5)', () => {
  const approvedTier: Tier = 'medium';

  it.each([
    ['a finding becomes known-exploited', aRiskInput({ findings: [{ cve: 'CVE-2024-3094', knownExploited: true }] }), 'high', true],
    ['the asset is re-classified as restricted', aRiskInput({ assets: [anAsset({ dataClassification: 'restricted' })] }), 'high', true],
    ['a new CVSS score is critical', aRiskInput({ riskInputs: { method: 'cvss', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' } }), 'critical', true],
    ['nothing changed', aRiskInput(), 'medium', false],
    ['the only critical asset is retired', aRiskInput({ assets: [anAsset({ criticality: 'critical', retired: true })] }), 'medium', false],
    ['the asset is re-classified as low criticality and public', aRiskInput({ assets: [anAsset({ criticality: 'low', dataClassification: 'public' })] }), 'medium', false],
  ] as const)('%s', (_label, input, tier, reapproval) => {
    const reassessment = assess(input);
    expect(reassessment.tier).toBe(tier);
    expect(requiresReapproval(approvedTier, reassessment)).toBe(reapproval);
  });
});
