import fc from 'fast-check';
import {
  CONTROL_STATUSES,
  CRITICALITIES,
  DATA_CLASSIFICATIONS,
  tierRank,
  type Asset,
  type CompensatingControl,
  type Finding,
  type RiskInputs,
} from '../exception/security-exception';
import { DEFAULT_POLICY } from '../policy/default-policy';
import type { Policy } from '../policy/policy-config';
import { aControl, anAsset, aRiskInput } from '../testing/builders';
import { assessRisk } from './assess-risk';
import { explainRisk } from './explain-risk';
import type { RiskAssessment, RiskInput, RiskStepId } from './risk-assessment';
import { roundScore } from './risk-score';
import { tierForScore } from './risk-tier';

const assess = (input: RiskInput, policy: Policy = DEFAULT_POLICY): RiskAssessment => {
  const result = assessRisk(input, policy);
  if (!result.ok) throw new Error(`expected an assessment, got ${result.error.code}: ${result.error.message}`);
  return result.value;
};

const matrix = (likelihood: number, impact: number): RiskInputs => ({ method: 'matrix', likelihood, impact });
const cvss = (vector: string): RiskInputs => ({ method: 'cvss', vector });
const stepsOf = (assessment: RiskAssessment, id: RiskStepId) => assessment.steps.filter((s) => s.step === id);
const onlyStep = (assessment: RiskAssessment, id: RiskStepId) => {
  const [step, ...rest] = stepsOf(assessment, id);
  if (step === undefined || rest.length > 0) throw new Error(`expected exactly one ${id} step`);
  return step;
};
const kev: Finding = { cve: 'CVE-2024-3094', knownExploited: true };

const HEARTBLEED_3_1 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N'; // 7.5
const SHELLSHOCK_3_1 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'; // 9.8

describe('assessRisk with the default policy: one case per tier and at each threshold', () => {
  it.each([
    ['low: matrix 1x1', matrix(1, 1), 0.5, 'low'],
    ['low: CVSS 3.3 just under the medium threshold', cvss('CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:N'), 3.3, 'low'],
    ['medium: exactly the medium threshold', matrix(1, 5), 4.0, 'medium'],
    ['medium: matrix 3x3', matrix(3, 3), 5.5, 'medium'],
    ['high: exactly the high threshold', cvss('CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H'), 7.0, 'high'],
    ['high: Heartbleed', cvss(HEARTBLEED_3_1), 7.5, 'high'],
    ['critical: exactly the critical threshold', cvss('CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:H'), 9.0, 'critical'],
    ['critical: Shellshock', cvss(SHELLSHOCK_3_1), 9.8, 'critical'],
    ['critical: CVSS 4.0 Log4Shell', cvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A'), 9.3, 'critical'],
  ])('%s', (_label, riskInputs, score, tier) => {
    const assessment = assess(aRiskInput({ riskInputs }));
    expect(assessment).toMatchObject({ method: riskInputs.method, inherentScore: score, contextualScore: score, residualScore: score, tier });
    expect(onlyStep(assessment, 'threshold').detail).toContain(`tier ${tier}`);
  });

  it('keeps the CVSS score it rated', () => {
    const assessment = assess(aRiskInput({ riskInputs: cvss(HEARTBLEED_3_1) }));
    expect(assessment.cvss).toEqual({ version: '3.1', vector: HEARTBLEED_3_1, baseScore: 7.5, severity: 'high', unscoredMetrics: [] });
    expect(onlyStep(assessment, 'inherent')).toEqual({
      step: 'inherent',
      detail: `Inherent score: CVSS 3.1 base score 7.5 (high) for ${HEARTBLEED_3_1}.`,
      scoreAfter: 7.5,
    });
  });

  it('has no CVSS score for a matrix rating', () => {
    const assessment = assess(aRiskInput({ riskInputs: matrix(3, 3) }));
    expect(assessment.cvss).toBeUndefined();
    expect(onlyStep(assessment, 'inherent').detail).toContain('likelihood 3 of 5, impact 3 of 5: 5.5');
  });

  it('says that threat and environmental metrics do not change the base score', () => {
    const assessment = assess(aRiskInput({ riskInputs: cvss(`${HEARTBLEED_3_1}/E:U/RL:O`) }));
    expect(assessment.inherentScore).toBe(7.5);
    expect(onlyStep(assessment, 'inherent').detail).toContain('E, RL metric(s) are not part of the base score');
  });
});

describe('assessRisk context modifiers (matrix 3x3 = 5.5)', () => {
  it.each([
    ['low asset criticality', { criticality: 'low' }, 'modifier.asset-criticality', -1.0, 4.5],
    ['high asset criticality', { criticality: 'high' }, 'modifier.asset-criticality', 0.5, 6.0],
    ['critical asset criticality', { criticality: 'critical' }, 'modifier.asset-criticality', 1.0, 6.5],
    ['public data', { dataClassification: 'public' }, 'modifier.data-classification', -0.5, 5.0],
    ['confidential data', { dataClassification: 'confidential' }, 'modifier.data-classification', 0.5, 6.0],
    ['restricted data', { dataClassification: 'restricted' }, 'modifier.data-classification', 1.0, 6.5],
    ['internet exposure', { internetFacing: true }, 'modifier.internet-facing', 1.0, 6.5],
  ] as const)('%s', (_label, asset, stepId, delta, contextual) => {
    const assessment = assess(aRiskInput({ assets: [anAsset(asset)] }));
    expect(onlyStep(assessment, stepId).delta).toBe(delta);
    expect(assessment.contextualScore).toBe(contextual);
    expect(onlyStep(assessment, 'contextual')).toMatchObject({ delta, scoreAfter: contextual });
  });

  it('adds the known-exploited modifier when any finding is known to be exploited', () => {
    const assessment = assess(aRiskInput({ findings: [{ cve: 'CVE-2023-0001', knownExploited: false }, kev] }));
    expect(onlyStep(assessment, 'modifier.known-exploited')).toEqual({
      step: 'modifier.known-exploited',
      detail: 'Known to be exploited: CVE-2024-3094: +1.5.',
      delta: 1.5,
    });
    expect(assessment.contextualScore).toBe(7.0);
  });

  it('shows every modifier even when none applies', () => {
    const assessment = assess(aRiskInput());
    const modifiers = assessment.steps.filter((s) => s.step.startsWith('modifier.'));
    expect(modifiers.map((s) => [s.step, s.delta])).toEqual([
      ['modifier.asset-criticality', 0],
      ['modifier.data-classification', 0],
      ['modifier.internet-facing', 0],
      ['modifier.known-exploited', 0],
    ]);
  });

  it('takes the worst criticality and the most sensitive data across the assets, whichever asset holds them', () => {
    const assets = [
      anAsset({ id: 'a', criticality: 'low', dataClassification: 'confidential' }),
      anAsset({ id: 'b', criticality: 'critical', dataClassification: 'public' }),
    ];
    const assessment = assess(aRiskInput({ assets }));
    expect(onlyStep(assessment, 'modifier.asset-criticality')).toMatchObject({
      delta: 1.0,
      detail: 'Most critical in-service asset: "Customer web portal" (b), criticality critical: +1.0.',
    });
    expect(onlyStep(assessment, 'modifier.data-classification')).toMatchObject({
      delta: 0.5,
      detail: 'Most sensitive data: "Customer web portal" (a) holds confidential data: +0.5.',
    });
    expect(assessment.contextualScore).toBe(7.0);
  });

  it('keeps the contextual score within 10', () => {
    const assets = [anAsset({ criticality: 'critical', dataClassification: 'restricted', internetFacing: true })];
    const assessment = assess(aRiskInput({ riskInputs: cvss(SHELLSHOCK_3_1), assets, findings: [kev] }));
    expect(assessment.contextualScore).toBe(10);
    expect(onlyStep(assessment, 'contextual').detail).toBe('Contextual score: 9.8 +4.5 from context = 14.3, kept within the 0-10 scale: 10.0.');
  });

  it('keeps the contextual score at or above 0', () => {
    const assets = [anAsset({ criticality: 'low', dataClassification: 'public' })];
    const assessment = assess(aRiskInput({ riskInputs: matrix(1, 1), assets }));
    expect(assessment).toMatchObject({ contextualScore: 0, residualScore: 0, tier: 'low' });
  });
});

describe('assessRisk retired assets', () => {
  const retiredCrownJewel = anAsset({ id: 'old', criticality: 'critical', dataClassification: 'restricted', internetFacing: true, retired: true });

  it('ignores a retired asset for every modifier and override', () => {
    const assessment = assess(aRiskInput({ assets: [anAsset(), retiredCrownJewel] }));
    expect(assessment.steps.filter((s) => s.step.startsWith('modifier.')).every((s) => s.delta === 0)).toBe(true);
    expect(assessment.steps.some((s) => s.step.startsWith('override.'))).toBe(false);
    expect(assessment).toMatchObject({ contextualScore: 5.5, tier: 'medium' });
    expect(onlyStep(assessment, 'modifier.asset-criticality').detail).toContain('(1 retired asset ignored)');
  });

  it('applies no asset modifier when every asset is retired', () => {
    const assessment = assess(aRiskInput({ assets: [retiredCrownJewel] }));
    expect(onlyStep(assessment, 'modifier.asset-criticality').detail).toBe('No in-service asset is listed (1 retired asset ignored): no asset criticality modifier.');
    expect(assessment.contextualScore).toBe(5.5);
  });
});

describe('assessRisk compensating controls (contextual 5.5)', () => {
  it.each([
    ['no control', [], 5.5, 'No compensating controls are listed'],
    ['a planned control', [aControl({ status: 'planned' })], 5.5, 'is only planned, so it is ignored: planned controls never reduce risk'],
    ['an implemented control', [aControl({ status: 'implemented' })], 4.0, 'is implemented: -1.5'],
    ['a verified control', [aControl({ status: 'verified' })], 3.8, 'is verified: -1.75 (-1.5 for the control, -0.25 for verification)'],
    ['a control of an unrated type', [aControl({ type: 'honeypot' })], 5.0, 'the policy has no rate for "honeypot" controls, so the "other" rate applies: -0.5'],
    ['a type named like an object property', [aControl({ type: 'constructor' })], 5.0, 'the "other" rate applies'],
  ])('%s', (_label, controls, residual, fragment) => {
    const assessment = assess(aRiskInput({ compensatingControls: controls }));
    expect(assessment.residualScore).toBe(residual);
    expect(stepsOf(assessment, 'control').map((s) => s.detail).join(' ')).toContain(fragment);
  });

  it('rounds the residual score once, after the reduction', () => {
    const assessment = assess(aRiskInput({ compensatingControls: [aControl({ status: 'verified' })] }));
    expect(onlyStep(assessment, 'residual')).toMatchObject({ detail: 'Residual score: 5.5 - 1.75 = 3.75, rounded to 3.8.', scoreAfter: 3.8 });
  });

  it('counts planned controls for nothing however many there are', () => {
    const planned = ['waf', 'feature-disabled', 'network-segmentation'].map((type, i) => aControl({ id: `p${i}`, type, status: 'planned' }));
    expect(assess(aRiskInput({ compensatingControls: planned })).residualScore).toBe(5.5);
  });

  it('gives nothing for an unrated type when the policy has no "other" rate', () => {
    const effectiveness = Object.fromEntries(Object.entries(DEFAULT_POLICY.risk.controls.effectiveness).filter(([type]) => type !== 'other'));
    const policy = { ...DEFAULT_POLICY, risk: { ...DEFAULT_POLICY.risk, controls: { ...DEFAULT_POLICY.risk.controls, effectiveness } } };
    const assessment = assess(aRiskInput({ compensatingControls: [aControl({ type: 'honeypot' })] }), policy);
    expect(assessment.residualScore).toBe(5.5);
    expect(onlyStep(assessment, 'control').detail).toContain('the policy rates neither "honeypot" nor "other" controls: no reduction');
  });

  it('caps the total reduction', () => {
    const controls = [
      aControl({ id: 'c1', type: 'feature-disabled' }),
      aControl({ id: 'c2', type: 'network-segmentation' }),
      aControl({ id: 'c3', type: 'waf' }),
    ];
    const assessment = assess(aRiskInput({ riskInputs: cvss(SHELLSHOCK_3_1), compensatingControls: controls }));
    expect(onlyStep(assessment, 'control.cap')).toMatchObject({
      detail: 'Controls add up to 4.5, but the policy caps the total reduction at 4.0: +0.5 given back.',
      delta: 0.5,
    });
    expect(assessment).toMatchObject({ contextualScore: 9.8, residualScore: 5.8, tier: 'medium' });
  });

  it('never lets the residual score fall below the floor', () => {
    const controls = [
      aControl({ id: 'c1', type: 'feature-disabled' }),
      aControl({ id: 'c2', type: 'network-segmentation' }),
      aControl({ id: 'c3', type: 'waf', status: 'verified' }),
    ];
    const assessment = assess(aRiskInput({ compensatingControls: controls }));
    expect(onlyStep(assessment, 'residual')).toMatchObject({ detail: 'Residual score before the floor: 5.5 - 4.0 = 1.5.', delta: -4 });
    expect(onlyStep(assessment, 'floor')).toMatchObject({
      detail: 'The policy keeps residual risk at no less than 40% of the contextual score (5.5 x 0.4 = 2.2), so the residual score is raised from 1.5 to 2.2.',
      scoreAfter: 2.2,
    });
    expect(assessment.residualScore).toBe(2.2);
  });

  it('shows no floor step when the floor does not bind', () => {
    expect(stepsOf(assess(aRiskInput({ compensatingControls: [aControl()] })), 'floor')).toEqual([]);
  });
});

describe('assessRisk overrides (matrix 1x1 = 0.5, low on score alone)', () => {
  it.each([
    ['a known-exploited finding', { findings: [kev] }, 'override.known-exploited', 'high', 'Known to be exploited: CVE-2024-3094'],
    ['restricted data', { assets: [anAsset({ dataClassification: 'restricted' })] }, 'override.restricted-data', 'high', 'Restricted data on "Customer web portal" (asset-web-01)'],
    [
      'a critical internet-facing asset',
      { assets: [anAsset({ criticality: 'critical', internetFacing: true })] },
      'override.internet-facing-critical-asset',
      'medium',
      'Critical internet-facing asset "Customer web portal" (asset-web-01)',
    ],
  ] as const)('raises the tier for %s', (_label, overrides, stepId, tier, reason) => {
    const assessment = assess(aRiskInput({ riskInputs: matrix(1, 1), ...overrides }));
    expect(tierForScore(assessment.residualScore, DEFAULT_POLICY.risk.thresholds)).toBe('low');
    expect(assessment.tier).toBe(tier);
    expect(onlyStep(assessment, stepId).detail).toBe(`${reason}: the policy sets a tier of at least ${tier}; raised from low to ${tier}.`);
    expect(onlyStep(assessment, 'tier').detail).toBe(`Tier: ${tier} (residual score ${assessment.residualScore.toFixed(1)}).`);
  });

  it('never lowers a tier the score already reached', () => {
    const assessment = assess(aRiskInput({ riskInputs: cvss(SHELLSHOCK_3_1), findings: [kev] }));
    expect(assessment.tier).toBe('critical');
    expect(onlyStep(assessment, 'override.known-exploited').detail).toContain('critical already meets it');
  });

  it('applies overrides in turn, each only raising', () => {
    const assets = [anAsset({ criticality: 'critical', dataClassification: 'restricted', internetFacing: true })];
    const assessment = assess(aRiskInput({ riskInputs: matrix(1, 1), assets }));
    expect(onlyStep(assessment, 'override.restricted-data').detail).toContain('raised from low to high');
    expect(onlyStep(assessment, 'override.internet-facing-critical-asset').detail).toContain('high already meets it');
    expect(assessment.tier).toBe('high');
  });

  it.each([
    ['an internet-facing asset that is not critical', { assets: [anAsset({ criticality: 'high', internetFacing: true })] }],
    ['a critical asset that is not internet-facing', { assets: [anAsset({ criticality: 'critical' })] }],
    ['confidential (not restricted) data', { assets: [anAsset({ dataClassification: 'confidential' })] }],
    ['a finding not known to be exploited', { findings: [{ cve: 'CVE-2023-0001', knownExploited: false }] }],
  ])('has no override for %s', (_label, overrides) => {
    const assessment = assess(aRiskInput({ riskInputs: matrix(1, 1), ...overrides }));
    expect(assessment.steps.some((s) => s.step.startsWith('override.'))).toBe(false);
    expect(assessment.tier).toBe('low');
  });
});

describe('assessRisk refusals', () => {
  it.each([
    ['a likelihood beyond the matrix', matrix(6, 3), 'RISK.MATRIX_OUT_OF_RANGE', 'Likelihood 6 is outside'],
    ['an impact beyond the matrix', matrix(3, 9), 'RISK.MATRIX_OUT_OF_RANGE', 'Impact 9 is outside'],
    ['a malformed CVSS vector', cvss('CVSS:3.1/AV:N/AC:L'), 'RISK.CVSS_INVALID_VECTOR', 'missing base metric(s)'],
    ['a CVSS 3.0 vector', cvss('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), 'RISK.CVSS_UNSUPPORTED_VERSION', 'CVSS 3.0'],
  ])('refuses %s', (_label, riskInputs, code, fragment) => {
    const result = assessRisk(aRiskInput({ riskInputs }), DEFAULT_POLICY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(fragment);
  });
});

describe('explainRisk', () => {
  it('gives one numbered line per step, ending with the tier', () => {
    const assessment = assess(aRiskInput({ findings: [kev], compensatingControls: [aControl(), aControl({ id: 'c2', status: 'planned' })] }));
    const lines = explainRisk(assessment);
    expect(lines).toHaveLength(assessment.steps.length);
    expect(lines).toEqual([
      '1. Inherent score from the policy\'s risk matrix: likelihood 3 of 5, impact 3 of 5: 5.5.',
      '2. Most critical in-service asset: "Customer web portal" (asset-web-01), criticality medium: no change.',
      '3. Most sensitive data: "Customer web portal" (asset-web-01) holds internal data: no change.',
      '4. No in-service asset is internet-facing: no change.',
      '5. Known to be exploited: CVE-2024-3094: +1.5.',
      '6. Contextual score: 5.5 +1.5 from context = 7.0.',
      '7. Control ctl-1 (network-segmentation) is implemented: -1.5.',
      '8. Control c2 (network-segmentation) is only planned, so it is ignored: planned controls never reduce risk.',
      '9. Residual score: 7.0 - 1.5 = 5.5.',
      '10. Residual score 5.5 is at least the medium threshold 4.0 and below the high threshold 7.0: tier medium.',
      '11. Known to be exploited: CVE-2024-3094: the policy sets a tier of at least high; raised from medium to high.',
      '12. Tier: high (residual score 5.5).',
    ]);
  });
});

/* ---- Properties over arbitrary inputs and control policies ---- */

const anyAsset: fc.Arbitrary<Asset> = fc.record({
  id: fc.constantFrom('a1', 'a2', 'a3'),
  name: fc.constantFrom('Portal', 'Ledger DB', 'Build agent'),
  criticality: fc.constantFrom(...CRITICALITIES),
  dataClassification: fc.constantFrom(...DATA_CLASSIFICATIONS),
  internetFacing: fc.boolean(),
  retired: fc.boolean(),
});

const CONTROL_TYPES = [...Object.keys(DEFAULT_POLICY.risk.controls.effectiveness), 'honeypot'];

const anyControl = (status: fc.Arbitrary<CompensatingControl['status']>): fc.Arbitrary<CompensatingControl> =>
  fc.record({ id: fc.constantFrom('c1', 'c2'), type: fc.constantFrom(...CONTROL_TYPES), status }).map((c) => aControl(c));

const anyRiskInputs: fc.Arbitrary<RiskInputs> = fc.oneof(
  fc.record({ method: fc.constant('matrix' as const), likelihood: fc.integer({ min: 1, max: 5 }), impact: fc.integer({ min: 1, max: 5 }) }),
  fc
    .record({
      AV: fc.constantFrom('N', 'A', 'L', 'P'),
      AC: fc.constantFrom('L', 'H'),
      PR: fc.constantFrom('N', 'L', 'H'),
      UI: fc.constantFrom('N', 'R'),
      S: fc.constantFrom('U', 'C'),
      C: fc.constantFrom('H', 'L', 'N'),
      I: fc.constantFrom('H', 'L', 'N'),
      A: fc.constantFrom('H', 'L', 'N'),
    })
    .map((m) => cvss(`CVSS:3.1/${Object.entries(m).map(([k, v]) => `${k}:${v}`).join('/')}`)),
);

const anyInput: fc.Arbitrary<RiskInput> = fc.record({
  riskInputs: anyRiskInputs,
  assets: fc.array(anyAsset, { maxLength: 4 }),
  findings: fc.array(fc.record({ cve: fc.constant('CVE-2024-0001'), knownExploited: fc.boolean() }), { maxLength: 3 }),
  compensatingControls: fc.array(anyControl(fc.constantFrom(...CONTROL_STATUSES)), { maxLength: 6 }),
});

const anyPolicy: fc.Arbitrary<Policy> = fc
  .record({
    floorRatio: fc.integer({ min: 0, max: 100 }).map((percent) => percent / 100),
    maxReduction: fc.integer({ min: 0, max: 100 }).map((tenths) => tenths / 10),
    verifiedBonus: fc.constantFrom(0, 0.25, 0.5, 2),
  })
  .map((controls) => ({ ...DEFAULT_POLICY, risk: { ...DEFAULT_POLICY.risk, controls: { ...DEFAULT_POLICY.risk.controls, ...controls } } }));

describe('assessRisk properties', () => {
  it('never leaves a residual score above the contextual score', () => {
    fc.assert(
      fc.property(anyInput, anyPolicy, (input, policy) => {
        const a = assess(input, policy);
        expect(a.residualScore).toBeLessThanOrEqual(a.contextualScore);
      }),
    );
  });

  it('never leaves a residual score below the floor', () => {
    fc.assert(
      fc.property(anyInput, anyPolicy, (input, policy) => {
        const a = assess(input, policy);
        expect(a.residualScore).toBeGreaterThanOrEqual(roundScore(a.contextualScore * policy.risk.controls.floorRatio));
      }),
    );
  });

  it('never raises the tier or the residual score when an implemented control is added', () => {
    fc.assert(
      fc.property(anyInput, anyPolicy, anyControl(fc.constantFrom('implemented' as const)), (input, policy, control) => {
        const before = assess(input, policy);
        const after = assess({ ...input, compensatingControls: [...input.compensatingControls, control] }, policy);
        expect(after.residualScore).toBeLessThanOrEqual(before.residualScore);
        expect(tierRank(after.tier)).toBeLessThanOrEqual(tierRank(before.tier));
      }),
    );
  });

  it('never lowers the tier below the one the residual score reaches', () => {
    fc.assert(
      fc.property(anyInput, anyPolicy, (input, policy) => {
        const a = assess(input, policy);
        expect(tierRank(a.tier)).toBeGreaterThanOrEqual(tierRank(tierForScore(a.residualScore, policy.risk.thresholds)));
      }),
    );
  });

  it('explains every score: the steps redo the arithmetic', () => {
    fc.assert(
      fc.property(anyInput, anyPolicy, (input, policy) => {
        const a = assess(input, policy);
        const deltas = (prefix: string) => a.steps.filter((s) => s.step.startsWith(prefix)).reduce((sum, s) => sum + (s.delta ?? 0), 0);
        expect(onlyStep(a, 'inherent').scoreAfter).toBe(a.inherentScore);
        expect(roundScore(Math.min(10, Math.max(0, a.inherentScore + deltas('modifier.'))))).toBe(a.contextualScore);
        expect(onlyStep(a, 'contextual').scoreAfter).toBe(a.contextualScore);
        const reduced = a.contextualScore + deltas('control');
        expect(onlyStep(a, 'residual').delta).toBeCloseTo(deltas('control'), 9);
        expect(roundScore(Math.max(reduced, a.contextualScore * policy.risk.controls.floorRatio))).toBe(a.residualScore);
        expect(a.steps.at(-1)).toEqual({ step: 'tier', detail: `Tier: ${a.tier} (residual score ${a.residualScore.toFixed(1)}).` });
      }),
    );
  });
});
