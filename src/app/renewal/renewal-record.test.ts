import { requiredLevels } from '../../domain/approval/required-levels';
import { contentHash } from '../../domain/exception/content-hash';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { anException } from '../../domain/testing/builders';
import { chainBeforeRenewalOf, daysInForce, renewalChainOf, renewalSubmissionCheck, type RenewalRecord } from './renewal-record';

const aRecord = (overrides: Partial<RenewalRecord> = {}): RenewalRecord => ({
  renewalOf: 'SEC-1',
  originKey: 'SEC-1',
  chainBefore: { renewalCount: 0, cumulativeDays: 90 },
  requestedAt: '2027-01-20T09:00:00.000Z',
  reassessment: null,
  ...overrides,
});

describe('the renewal chain', () => {
  it.each([
    // [activated at, last day, days in force]
    ['2026-11-03T10:00:00Z', '2027-02-01', 90],
    ['2027-02-01T23:30:00Z', '2027-02-01', 0],
    [undefined, '2027-02-01', 0],
  ])('an exception activated %s and in force through %s was in force %i days', (activatedAt, expiresOn, days) => {
    expect(daysInForce({ activatedAt, expiresOn }, DEFAULT_POLICY)).toBe(days);
  });

  it.each<[string, RenewalRecord | null, { renewalCount: number; cumulativeDays: number; originKey: string }]>([
    ['an original', null, { renewalCount: 0, cumulativeDays: 90, originKey: 'SEC-7' }],
    ['a first renewal', aRecord({ chainBefore: { renewalCount: 0, cumulativeDays: 90 } }), { renewalCount: 1, cumulativeDays: 180, originKey: 'SEC-1' }],
    ['a second renewal', aRecord({ chainBefore: { renewalCount: 1, cumulativeDays: 270 } }), { renewalCount: 2, cumulativeDays: 360, originKey: 'SEC-1' }],
  ])('before renewing %s, the chain counts its renewals and days', (_case, record, expected) => {
    const renewed = anException({ key: 'SEC-7', activatedAt: '2026-11-03T10:00:00Z', expiresOn: '2027-02-01' });
    expect(chainBeforeRenewalOf(renewed, record, DEFAULT_POLICY)).toEqual(expected);
  });

  it.each([
    // [chain before, requested expiry, renewal count, cumulative days, highest level required]
    [{ renewalCount: 0, cumulativeDays: 90 }, '2027-07-19', 1, 270, false],
    [{ renewalCount: 2, cumulativeDays: 300 }, '2027-04-20', 3, 390, true],
    [{ renewalCount: 1, cumulativeDays: 400 }, '2027-07-19', 2, 580, true],
  ])('a renewal after %j asking until %s is renewal %i covering %i days; over the cap: %s', (chainBefore, requestedExpiry, count, days, overCap) => {
    const chain = renewalChainOf(aRecord({ chainBefore }), { requestedExpiry }, '2027-01-20T09:00:00.000Z', DEFAULT_POLICY);
    expect(chain).toEqual({ renewalCount: count, cumulativeDays: days, originKey: 'SEC-1' });
    const levels = requiredLevels({ key: 'SEC-9', tier: 'low', renewal: chain }, DEFAULT_POLICY);
    expect(levels.levels.map((level) => level.id)).toEqual(overCap ? ['security-lead', 'ciso'] : ['security-lead']);
    expect(levels.renewalNotice !== undefined).toBe(overCap);
  });
});

describe('renewalSubmissionCheck', () => {
  const renewal = anException({ key: 'SEC-9', status: 'draft', renewalOf: 'SEC-1' });

  it.each<[string, RenewalRecord['reassessment'], string | null]>([
    ['without a re-assessment', null, 'RENEWAL.REASSESSMENT_REQUIRED'],
    ['re-assessed for other content', { at: '2027-01-21T09:00:00.000Z', by: 'acc-requester', contentHash: 'b'.repeat(64) }, 'RENEWAL.REASSESSMENT_STALE'],
    ['re-assessed for the content as it is', { at: '2027-01-21T09:00:00.000Z', by: 'acc-requester', contentHash: contentHash(renewal) }, null],
  ])('%s', (_case, reassessment, code) => {
    const checked = renewalSubmissionCheck(aRecord({ reassessment }), renewal);
    expect(checked.ok ? null : checked.error.code).toBe(code);
  });
});
