import { matchFieldIds, type FieldDetails } from './field-ids';

const APP = '0d1e7a40-5b8f-4c2a-9b7e-2f7d0c4a1e55';
const forgeField = (id: string, moduleKey: string): FieldDetails => ({
  id,
  key: `${APP}__DEVELOPMENT__${moduleKey}`,
  name: moduleKey,
  schema: { custom: `ari:cloud:ecosystem::extension/${APP}/a1b2/static/${moduleKey}` },
});

const fields: FieldDetails[] = [
  { id: 'summary', key: 'summary', name: 'Summary' },
  forgeField('customfield_10040', 'risk-tier'),
  forgeField('customfield_10041', 'requested-expiry'),
  { id: 'customfield_10099', name: 'Approval state', schema: { custom: `ari:cloud:ecosystem::extension/${APP}/a1b2/static/approval-state` } },
  forgeField('customfield_10050', 'duplicate'),
  forgeField('customfield_10051', 'duplicate'),
];

describe('matchFieldIds', () => {
  it('finds each module by its key suffix or its type ARI', () => {
    expect(matchFieldIds(fields, { tier: 'risk-tier', expiry: 'requested-expiry', approval: 'approval-state' })).toEqual({
      ok: true,
      value: { tier: 'customfield_10040', expiry: 'customfield_10041', approval: 'customfield_10099' },
    });
  });

  it.each<[string, Record<string, string>, object]>([
    ['present', { approval: 'approval-state' }, { tier: 'customfield_10040', approval: 'customfield_10099' }],
    ['absent from the site', { gone: 'retired-field' }, { tier: 'customfield_10040' }],
  ])('answers an optional module %s without failing', (_label, optional, expected) => {
    expect(matchFieldIds(fields, { tier: 'risk-tier' }, optional)).toEqual({ ok: true, value: expected });
  });

  it('refuses an optional module with two fields, as it would a required one', () => {
    expect(matchFieldIds(fields, { tier: 'risk-tier' }, { dup: 'duplicate' })).toEqual({
      ok: false,
      missing: [],
      ambiguous: ['duplicate (customfield_10050, customfield_10051)'],
    });
  });

  it.each([
    ['a module with no field', { tier: 'risk-tier', gone: 'retired-field' }, { missing: ['retired-field'], ambiguous: [] }],
    ['a module with two fields', { dup: 'duplicate' }, { missing: [], ambiguous: ['duplicate (customfield_10050, customfield_10051)'] }],
    ['a key that only shares a suffix', { tier: 'tier' }, { missing: ['tier'], ambiguous: [] }],
  ])('refuses %s', (_label, moduleKeys: Record<string, string>, expected) => {
    expect(matchFieldIds(fields, moduleKeys)).toEqual({ ok: false, ...expected });
  });
});
