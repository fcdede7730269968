import fc from 'fast-check';
import { anException } from '../testing/builders';
import {
  contentHash,
  canonicalContent,
  riskRelevantChanges,
  RISK_RELEVANT_FIELDS,
  type RiskRelevantContent,
  type RiskRelevantField,
} from './content-hash';
import {
  CONTROL_STATUSES,
  CRITICALITIES,
  DATA_CLASSIFICATIONS,
  EXCEPTION_KINDS,
  FRAMEWORKS,
  STATUSES,
  THREAT_VECTORS,
  TIERS,
  type Asset,
  type CompensatingControl,
  type ControlReference,
  type Finding,
  type RiskInputs,
} from './security-exception';
import { addCalendarDays } from '../shared/dates';

const text = fc.string({ minLength: 1, maxLength: 12 });
const day = fc.integer({ min: 0, max: 3000 }).map((n) => addCalendarDays('2026-01-01', n));

const assetArb: fc.Arbitrary<Asset> = fc.record({
  id: text,
  name: text,
  criticality: fc.constantFrom(...CRITICALITIES),
  dataClassification: fc.constantFrom(...DATA_CLASSIFICATIONS),
  internetFacing: fc.boolean(),
  retired: fc.boolean(),
});
const controlReferenceArb: fc.Arbitrary<ControlReference> = fc.record({ framework: fc.constantFrom(...FRAMEWORKS), id: text });
const findingArb: fc.Arbitrary<Finding> = fc.record(
  {
    scannerId: text,
    cve: fc.integer({ min: 1000, max: 99999 }).map((n) => `CVE-2024-${n}`),
    cvssVector: text,
    title: text,
    knownExploited: fc.boolean(),
  },
  { requiredKeys: ['knownExploited'] },
);
const controlArb: fc.Arbitrary<CompensatingControl> = fc.record({
  id: text,
  type: text,
  description: text,
  status: fc.constantFrom(...CONTROL_STATUSES),
  evidence: fc.array(text, { maxLength: 4 }),
});
const riskInputsArb: fc.Arbitrary<RiskInputs> = fc.oneof(
  fc.record({ method: fc.constant('cvss' as const), vector: text }),
  fc.record({ method: fc.constant('matrix' as const), likelihood: fc.integer({ min: 1, max: 10 }), impact: fc.integer({ min: 1, max: 10 }) }),
);

const contentArb: fc.Arbitrary<RiskRelevantContent> = fc.record({
  kind: fc.constantFrom(...EXCEPTION_KINDS),
  assets: fc.array(assetArb, { minLength: 1, maxLength: 4 }),
  controlReferences: fc.array(controlReferenceArb, { maxLength: 4 }),
  findings: fc.array(findingArb, { maxLength: 4 }),
  justification: text,
  businessImpact: text,
  compensatingControls: fc.array(controlArb, { maxLength: 4 }),
  threatVectors: fc.array(fc.constantFrom(...THREAT_VECTORS), { maxLength: 4 }),
  riskInputs: riskInputsArb,
  requestedExpiry: day,
  remediationPlan: fc.record({ summary: text, targetDate: day, ticket: text }, { requiredKeys: ['summary'] }),
});

/** Rebuilds every object with its keys in a different order; arrays keep their order. */
const withKeysReordered = (value: unknown, rotation: number): unknown => {
  if (Array.isArray(value)) return value.map((item) => withKeysReordered(item, rotation));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).reverse();
  const shift = entries.length === 0 ? 0 : rotation % entries.length;
  return Object.fromEntries([...entries.slice(shift), ...entries.slice(0, shift)].map(([k, v]) => [k, withKeysReordered(v, rotation)]));
};

const permutation = <T>(items: readonly T[]): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

/** Each mutation is guaranteed to change the field's meaning, including for set-like lists. */
const MUTATIONS: { readonly [F in RiskRelevantField]: (c: RiskRelevantContent) => fc.Arbitrary<RiskRelevantContent[F]> } = {
  kind: (c) => fc.constantFrom(...EXCEPTION_KINDS.filter((k) => k !== c.kind)),
  assets: (c) =>
    fc.oneof(
      assetArb.map((extra) => [...c.assets, extra]),
      fc.nat({ max: c.assets.length - 1 }).map((i) => c.assets.map((a, j) => (i === j ? { ...a, internetFacing: !a.internetFacing } : a))),
    ),
  controlReferences: (c) => controlReferenceArb.map((extra) => [...c.controlReferences, extra]),
  findings: (c) => findingArb.map((extra) => [...c.findings, extra]),
  justification: (c) => fc.constantFrom(`${c.justification ?? ''} `, `${c.justification ?? ''}.`),
  businessImpact: (c) => text.map((suffix) => `${c.businessImpact ?? ''}${suffix}`),
  compensatingControls: (c) => {
    const added = controlArb.map((extra) => [...c.compensatingControls, extra]);
    const moreEvidence = text.map((evidence) =>
      c.compensatingControls.map((ctl, j) => (j === 0 ? { ...ctl, evidence: [...ctl.evidence, evidence] } : ctl)),
    );
    return c.compensatingControls.length === 0 ? added : fc.oneof(added, moreEvidence);
  },
  threatVectors: (c) => fc.constantFrom(...THREAT_VECTORS).map((extra) => [...c.threatVectors, extra]),
  riskInputs: (c) =>
    c.riskInputs?.method === 'cvss'
      ? text.map((suffix) => ({ method: 'cvss' as const, vector: `${c.riskInputs?.method === 'cvss' ? c.riskInputs.vector : ''}${suffix}` }))
      : fc.record({ method: fc.constant('cvss' as const), vector: text }),
  requestedExpiry: (c) => fc.integer({ min: 1, max: 400 }).map((n) => addCalendarDays(c.requestedExpiry ?? '2026-01-01', n)),
  remediationPlan: (c) => text.map((suffix) => ({ summary: `${c.remediationPlan?.summary ?? ''}${suffix}` })),
};

describe('contentHash', () => {
  it('is a SHA-256 hex digest of the canonical content', () => {
    expect(contentHash(anException())).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalContent(anException())).toContain('"justification":"The vendor has not certified');
  });

  it('does not depend on object key order', () => {
    fc.assert(
      fc.property(contentArb, fc.nat(), (content, rotation) => {
        expect(contentHash(withKeysReordered(content, rotation) as RiskRelevantContent)).toBe(contentHash(content));
      }),
    );
  });

  it('does not depend on the order of set-like lists, evidence included', () => {
    const shuffled = contentArb.chain((c) =>
      fc
        .record({
          assets: permutation(c.assets),
          controlReferences: permutation(c.controlReferences),
          findings: permutation(c.findings),
          threatVectors: permutation(c.threatVectors),
          compensatingControls: permutation(c.compensatingControls).chain((controls) =>
            fc.tuple(...controls.map((ctl) => permutation(ctl.evidence).map((evidence) => ({ ...ctl, evidence })))),
          ),
        })
        .map((lists) => [c, { ...c, ...lists }] as const),
    );
    fc.assert(
      fc.property(shuffled, ([original, reordered]) => {
        expect(contentHash(reordered)).toBe(contentHash(original));
        expect(riskRelevantChanges(original, reordered)).toEqual([]);
      }),
    );
  });

  it.each(RISK_RELEVANT_FIELDS.map((field) => [field]))('changes when %s changes, and names that field', (field) => {
    const mutated = contentArb.chain((c) => MUTATIONS[field](c).map((value) => [c, { ...c, [field]: value }] as const));
    fc.assert(
      fc.property(mutated, ([before, after]) => {
        expect(contentHash(after)).not.toBe(contentHash(before));
        expect(riskRelevantChanges(before, after)).toEqual([field]);
      }),
    );
  });

  it('treats strings as stored: surrounding whitespace is a change', () => {
    const base = anException();
    expect(contentHash({ ...base, justification: `${base.justification} ` })).not.toBe(contentHash(base));
  });

  it('ignores fields that do not change the risk', () => {
    const irrelevant = fc.record({
      key: fc.integer({ min: 1, max: 99999 }).map((n) => `SEC-${n}`),
      title: text,
      status: fc.constantFrom(...STATUSES),
      tier: fc.constantFrom(...TIERS),
      requester: text,
      assetOwner: text,
      businessUnit: text,
      peerReviewer: text,
      createdAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      statusChangedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      activatedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      expiresOn: day,
    });
    const base = anException();
    fc.assert(
      fc.property(irrelevant, (changes) => {
        expect(contentHash({ ...base, ...changes })).toBe(contentHash(base));
      }),
    );
  });

  it('hashes a partial request the same way whether a field is absent or undefined', () => {
    const { riskInputs: _dropped, ...withoutRisk } = anException();
    expect(contentHash({ ...withoutRisk, riskInputs: undefined })).toBe(contentHash(withoutRisk));
    expect(riskRelevantChanges(anException(), withoutRisk)).toEqual(['riskInputs']);
  });
});
