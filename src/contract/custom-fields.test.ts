import fc from 'fast-check';
import {
  assetsFieldSchema,
  compensatingControlsFieldSchema,
  isEditableFieldKey,
  riskInputsFieldSchema,
  toAssetsFieldValue,
  toCompensatingControlsFieldValue,
  type Asset,
  type CompensatingControl,
} from './custom-fields';
import { CONTROL_STATUSES, CRITICALITIES, DATA_CLASSIFICATIONS } from './vocabulary';

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);

const asset: fc.Arbitrary<Asset> = fc.record({
  id: word,
  name: word,
  criticality: fc.constantFrom(...CRITICALITIES),
  dataClassification: fc.constantFrom(...DATA_CLASSIFICATIONS),
  internetFacing: fc.boolean(),
});

const control: fc.Arbitrary<CompensatingControl> = fc.record({
  id: word,
  type: word,
  description: word,
  status: fc.constantFrom(...CONTROL_STATUSES),
});

describe('custom field values', () => {
  it('derive assetIds that the field schema accepts, for any list of assets', () => {
    fc.assert(
      fc.property(fc.array(asset, { maxLength: 20 }), fc.option(word, { nil: undefined }), (items, businessUnit) => {
        const value = toAssetsFieldValue(items, businessUnit);
        expect(assetsFieldSchema.parse(value)).toEqual(value);
      }),
    );
  });

  it('refuse assetIds that drifted from the items', () => {
    fc.assert(
      fc.property(fc.array(asset, { minLength: 1, maxLength: 10 }), (items) => {
        const value = toAssetsFieldValue(items);
        expect(assetsFieldSchema.safeParse({ ...value, assetIds: value.assetIds.slice(1) }).success).toBe(false);
      }),
    );
  });

  it('derive control statuses once each, in vocabulary order, for any list of controls', () => {
    fc.assert(
      fc.property(fc.array(control, { maxLength: 20 }), (items) => {
        const value = toCompensatingControlsFieldValue(items);
        expect(compensatingControlsFieldSchema.parse(value)).toEqual(value);
        expect(new Set(value.statuses).size).toBe(value.statuses.length);
      }),
    );
  });

  it.each([
    ['a CVSS vector', { method: 'cvss', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }, true],
    ['a matrix rating', { method: 'matrix', likelihood: 3, impact: 4, threatVectors: ['insider'] }, true],
    ['CVSS without a vector', { method: 'cvss' }, false],
    ['a likelihood above 10', { method: 'matrix', likelihood: 11, impact: 4 }, false],
    ['a vector on a matrix rating', { method: 'matrix', likelihood: 1, impact: 1, vector: 'x' }, false],
    ['an unknown threat vector', { method: 'cvss', vector: 'x', threatVectors: ['aliens'] }, false],
  ])('risk inputs: %s is %s', (_what, value, valid) => {
    expect(riskInputsFieldSchema.safeParse(value).success).toBe(valid);
  });

  it.each([
    ['exception-assets', true],
    ['exception-remediation-plan', true],
    ['exception-risk-tier', false],
    ['hasOwnProperty', false],
  ])('%s is an editable object field: %s', (key, editable) => {
    expect(isEditableFieldKey(key)).toBe(editable);
  });
});
