import { DEFAULT_POLICY } from '../policy/default-policy';
import { anAsset } from '../testing/builders';
import { checkConcurrencyLimits } from './concurrency-limits';

const candidate = {
  assets: [anAsset(), anAsset({ id: 'asset-db-02', name: 'Ledger database' })],
  businessUnit: 'Payments',
};

describe('checkConcurrencyLimits (defaults: 3 per asset, 50 per business unit)', () => {
  it.each([
    ['no other active exceptions', {}, 0],
    ['one below each limit', { 'asset-web-01': 2, 'asset-db-02': 2 }, 49],
    ['a full asset that is not in the candidate', { 'asset-other': 3 }, 0],
  ])('accepts %s', (_label, perAsset, perBusinessUnit) => {
    expect(checkConcurrencyLimits(candidate, { perAsset, perBusinessUnit }, DEFAULT_POLICY).ok).toBe(true);
  });

  it.each([
    ['an asset at its limit', { 'asset-db-02': 3 }, 0, 'APPROVAL.ASSET_LIMIT_REACHED', ['"Ledger database" (asset-db-02)', 'already has 3', 'limit is 3']],
    ['an asset over its limit', { 'asset-web-01': 5 }, 0, 'APPROVAL.ASSET_LIMIT_REACHED', ['"Customer web portal" (asset-web-01)', 'already has 5']],
    ['the business unit at its limit', {}, 50, 'APPROVAL.BUSINESS_UNIT_LIMIT_REACHED', ['"Payments"', 'limit is 50']],
  ])('refuses %s', (_label, perAsset, perBusinessUnit, code, mentions) => {
    const result = checkConcurrencyLimits(candidate, { perAsset, perBusinessUnit }, DEFAULT_POLICY);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) for (const mention of mentions) expect(result.error.message).toContain(mention);
  });
});
