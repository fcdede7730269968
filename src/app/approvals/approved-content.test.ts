import fc from 'fast-check';
import { RISK_RELEVANT_FIELDS, type RiskRelevantField } from '../../domain/exception/content-hash';
import type { ExceptionRequestInput } from '../../domain/exception/security-exception';
import { aControl, anAsset, anExceptionRequest } from '../../domain/testing/builders';
import { contentDigests, contentDigestsSchema, fieldsChangedSince } from './approved-content';

const request = anExceptionRequest({ assets: [anAsset(), anAsset({ id: 'asset-db-02', name: 'Ledger database' })] });

/** One way to change each risk-relevant field, so every field is shown to be told apart from the others. */
const CHANGES: Readonly<Record<RiskRelevantField, ExceptionRequestInput>> = {
  kind: { kind: 'policy' },
  assets: { assets: [anAsset({ criticality: 'critical' })] },
  controlReferences: { controlReferences: [{ framework: 'ISO27001', id: 'A.8.8' }] },
  findings: { findings: [] },
  justification: { justification: 'A different justification that is long enough to count.' },
  businessImpact: { businessImpact: 'A different impact.' },
  compensatingControls: { compensatingControls: [aControl({ status: 'verified' })] },
  threatVectors: { threatVectors: ['insider'] },
  riskInputs: { riskInputs: { method: 'matrix', likelihood: 2, impact: 2 } },
  requestedExpiry: { requestedExpiry: '2027-01-20' },
  remediationPlan: { remediationPlan: { summary: 'Another plan' } },
};

describe('approved content digests', () => {
  it('are well formed for the schema that reads them back from the audit trail', () => {
    expect(contentDigestsSchema.safeParse(contentDigests(request)).success).toBe(true);
  });

  it.each(RISK_RELEVANT_FIELDS)('name %s, and only it, when only it changed', (field) => {
    const changed = anExceptionRequest({ ...request, ...CHANGES[field] });
    expect(fieldsChangedSince(contentDigests(request), changed)).toEqual([field]);
  });

  it('see no change in a reordering of set-like lists, whatever the order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(request.assets, { minLength: request.assets.length }), (assets) => {
        expect(fieldsChangedSince(contentDigests(request), { ...request, assets })).toEqual([]);
      }),
    );
  });
});
