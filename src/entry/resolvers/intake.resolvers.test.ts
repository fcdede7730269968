import { toAssetsFieldValue, toCompensatingControlsFieldValue } from '../../contract';
import { patchOf } from './intake.resolvers';

describe('the editor draft as a request patch', () => {
  it('keeps only the fields the draft holds', () => {
    expect(patchOf({ requestedExpiry: '2027-01-31' })).toEqual({ requestedExpiry: '2027-01-31' });
    expect(patchOf({})).toEqual({});
  });

  it('spreads the object fields over the request parts they carry, with the domain defaults', () => {
    const assets = toAssetsFieldValue([{ id: 'db-1', name: 'Orders DB', criticality: 'high', dataClassification: 'restricted', internetFacing: false }], 'Payments', 'acc-owner');
    const controls = toCompensatingControlsFieldValue([{ id: 'c1', type: 'waf', description: 'WAF rule 9', status: 'implemented' }]);
    expect(
      patchOf({
        assets,
        compensatingControls: controls,
        riskInputs: { method: 'matrix', likelihood: 3, impact: 4, threatVectors: ['network'] },
      }),
    ).toEqual({
      assets: [{ id: 'db-1', name: 'Orders DB', criticality: 'high', dataClassification: 'restricted', internetFacing: false, retired: false }],
      assetOwner: 'acc-owner',
      businessUnit: 'Payments',
      compensatingControls: [{ id: 'c1', type: 'waf', description: 'WAF rule 9', status: 'implemented', evidence: [] }],
      riskInputs: { method: 'matrix', likelihood: 3, impact: 4 },
      threatVectors: ['network'],
    });
  });

  it('leaves threat vectors to the issue when the risk inputs do not name them', () => {
    expect(patchOf({ riskInputs: { method: 'cvss', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' } })).toEqual({
      riskInputs: { method: 'cvss', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
    });
  });
});
