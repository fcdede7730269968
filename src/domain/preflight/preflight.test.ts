import { DEFAULT_POLICY } from '../policy/default-policy';
import { aControl, anAsset, anExceptionRequest } from '../testing/builders';
import { preflight } from './preflight';

const NOW = new Date('2026-11-23T09:00:00Z');
const codes = (result: ReturnType<typeof preflight>) => result.problems.map((p) => p.code);

describe('preflight', () => {
  it('clears a complete low-risk request and says who must approve and until when', () => {
    const result = preflight(anExceptionRequest({ requestedExpiry: '2027-01-15' }), DEFAULT_POLICY, NOW);
    expect(result.problems).toEqual([]);
    expect(result.ready).toBe(true);
    expect(result.tier).toBe('low');
    expect(result.requiredApprovers.map((a) => a.group)).toEqual(['security-leads']);
    expect(result.maxExpiry).toBe('2027-05-22');
    expect(result.risk?.steps.length).toBeGreaterThan(0);
  });

  it('lists every problem at once, not just the first', () => {
    const result = preflight(
      anExceptionRequest({ title: undefined, justification: 'short', assets: [], remediationPlan: undefined, threatVectors: [], requestedExpiry: undefined }),
      DEFAULT_POLICY,
      NOW,
    );
    expect(result.ready).toBe(false);
    expect(result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['title', 'justification', 'assets', 'remediationPlan', 'threatVectors', 'requestedExpiry']),
    );
  });

  it.each([
    ['configuration-deviation', 'change request'],
    ['temporary-workaround', 'incident or problem record'],
  ] as const)('refuses a %s with what to do instead', (kind, advice) => {
    const result = preflight(anExceptionRequest({ kind }), DEFAULT_POLICY, NOW);
    const found = result.problems.find((p) => p.code === 'PREFLIGHT.KIND_NOT_ELIGIBLE');
    expect(found?.message).toContain(advice);
  });

  it.each([
    ['low', 'CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N', { criticality: 'medium' }, ['security-leads'], '2027-05-22'],
    ['medium', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N', { criticality: 'medium' }, ['security-leads', 'risk-owners'], '2027-05-22'],
    ['high', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', { criticality: 'high', dataClassification: 'confidential' }, ['security-leads', 'risk-owners', 'compliance-leads'], '2027-02-21'],
    ['critical', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', { criticality: 'critical', internetFacing: true }, ['security-leads', 'risk-owners', 'compliance-leads', 'ciso'], '2026-12-23'],
  ] as const)('a %s-tier request needs its approvers and its maximum duration', (tier, vector, asset, groups, maxExpiry) => {
    const result = preflight(
      anExceptionRequest({ riskInputs: { method: 'cvss', vector }, assets: [anAsset(asset)], compensatingControls: [], requestedExpiry: '2026-12-20' }),
      DEFAULT_POLICY,
      NOW,
    );
    expect(result.tier).toBe(tier);
    expect(result.requiredApprovers.map((a) => a.group)).toEqual(groups);
    expect(result.maxExpiry).toBe(maxExpiry);
  });

  it('refuses an expiry beyond the tier maximum and names the latest allowed day', () => {
    const result = preflight(anExceptionRequest({ requestedExpiry: '2027-12-31' }), DEFAULT_POLICY, NOW);
    const found = result.problems.find((p) => p.code === 'PREFLIGHT.EXPIRY_TOO_LONG');
    expect(found?.message).toContain('2027-05-22');
  });

  it('does not count planned controls for a tier that requires controls', () => {
    const result = preflight(
      anExceptionRequest({
        riskInputs: { method: 'cvss', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N' },
        compensatingControls: [aControl({ status: 'planned' })],
      }),
      DEFAULT_POLICY,
      NOW,
    );
    expect(result.tier).toBe('medium');
    expect(result.problems.find((p) => p.code === 'PREFLIGHT.CONTROLS_REQUIRED')?.message).toContain('only planned');
  });

  it.each([
    ['an invalid CVSS vector', { riskInputs: { method: 'cvss' as const, vector: 'CVSS:3.1/AV:X' } }, 'riskInputs.vector'],
    ['a retired asset', { assets: [anAsset({ retired: true })] }, 'assets.0'],
    ['a verified control without evidence', { compensatingControls: [aControl({ status: 'verified', evidence: [] })] }, 'compensatingControls.0.evidence'],
    ['remediation planned after expiry', { remediationPlan: { summary: 'later', targetDate: '2027-03-01' } }, 'remediationPlan.targetDate'],
    ['an expiry in the past', { requestedExpiry: '2026-11-01' }, 'requestedExpiry'],
    ['a vulnerability exception without findings', { findings: [] }, 'findings'],
    ['no control reference', { controlReferences: [] }, 'controlReferences'],
  ])('reports %s at its path', (_label, overrides, path) => {
    const result = preflight(anExceptionRequest(overrides), DEFAULT_POLICY, NOW);
    expect(result.ready).toBe(false);
    expect(result.problems.map((p) => p.path)).toContain(path);
  });

  it.each([
    ['asset', { perAsset: { 'asset-web-01': 3 }, perBusinessUnit: 0 }, 'APPROVAL.ASSET_LIMIT_REACHED', 'assets'],
    ['business unit', { perAsset: { 'asset-web-01': 2 }, perBusinessUnit: 50 }, 'APPROVAL.BUSINESS_UNIT_LIMIT_REACHED', 'businessUnit'],
  ])('enforces the concurrent-exception limit per %s', (_label, activeCounts, code, path) => {
    const result = preflight(anExceptionRequest(), DEFAULT_POLICY, NOW, { activeCounts });
    expect(codes(result)).toEqual([code]);
    expect(result.problems[0]?.path).toBe(path);
  });

  it('sends an over-cap renewal to the highest level with a notice', () => {
    const result = preflight(anExceptionRequest({ renewalOf: 'SEC-7' }), DEFAULT_POLICY, NOW, {
      renewal: { renewalCount: 2, cumulativeDays: 360 },
    });
    expect(result.requiredApprovers.map((a) => a.levelId)).toEqual(['security-lead', 'ciso']);
    expect(result.notices[0]).toContain('renewal 3');
    expect(result.notices[0]).toContain('SEC-7');
  });

  it('limits a renewal to what is left of the cumulative allowance', () => {
    const result = preflight(anExceptionRequest({ renewalOf: 'SEC-7', requestedExpiry: '2027-01-10' }), DEFAULT_POLICY, NOW, {
      renewal: { renewalCount: 1, cumulativeDays: 500 },
    });
    expect(result.maxExpiry).toBe('2027-01-02');
    expect(codes(result)).toContain('PREFLIGHT.EXPIRY_TOO_LONG');
  });
});
