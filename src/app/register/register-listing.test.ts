import { aRegisterEntry } from '../../adapters/sql/testing/builders';
import type { StoredRegisterEntry } from '../ports/register-repository';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { flagsOf, listRegister, repositoryFilterOf } from './register-listing';

const TODAY = '2026-11-02';
const stored = (overrides: Partial<StoredRegisterEntry> = {}): StoredRegisterEntry => ({ ...aRegisterEntry(), version: 1, ...overrides });

describe('register flags', () => {
  it.each([
    ['an active exception 30 days from expiry, first reminder 30 days', { tier: 'low', expiresOn: '2026-12-02' }, ['expiring-soon']],
    ['an active exception 31 days from expiry', { tier: 'low', expiresOn: '2026-12-03' }, []],
    ['a critical exception 14 days from expiry (first reminder 14)', { tier: 'critical', expiresOn: '2026-11-16' }, ['expiring-soon']],
    ['a critical exception 15 days from expiry', { tier: 'critical', expiresOn: '2026-11-17' }, []],
    ['a review due yesterday', { expiresOn: '2027-06-01', nextReviewDue: '2026-11-01' }, ['review-overdue']],
    ['a review due today', { expiresOn: '2027-06-01', nextReviewDue: '2026-11-02' }, []],
    ['an exception lacking controls', { expiresOn: '2027-06-01', lacksControls: true }, ['lacks-controls']],
    ['a renewal', { expiresOn: '2027-06-01', renewalOf: 'SEC-1' }, ['renewal']],
    ['an approval waiting 3 days (reminder after 3)', { status: 'awaiting-approval', statusChangedAt: '2026-10-30T12:00:00.000Z', expiresOn: undefined }, ['approval-stalled']],
    ['an approval waiting 2 days', { status: 'submitted', statusChangedAt: '2026-10-31T12:00:00.000Z', expiresOn: undefined }, []],
    ['an expired exception past its review day', { status: 'expired', expiresOn: '2026-10-01', nextReviewDue: '2026-10-15' }, []],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(flagsOf(stored(overrides), DEFAULT_POLICY, TODAY)).toEqual(expected);
  });
});

describe('the repository filter of a register search', () => {
  it('turns days into dates of the policy day and text into words', () => {
    expect(
      repositoryFilterOf('SEC', { expiringWithinDays: 30, reviewOverdue: true, text: '  openssl  openssl appliance ', owner: 'acc-o' }, TODAY),
    ).toEqual({
      projectKey: 'SEC',
      expiresOnOrBefore: '2026-12-02',
      reviewOverdue: { asOf: TODAY, overdue: true },
      words: ['openssl', 'appliance'],
      assetOwner: 'acc-o',
    });
  });
});

describe('register listing cursors', () => {
  const register = {
    page: jest.fn(),
    count: jest.fn(),
  };
  const deps = {
    register: register as unknown as Parameters<typeof listRegister>[0]['register'],
    policy: DEFAULT_POLICY,
    now: () => '2026-11-02T09:00:00.000Z',
  };

  beforeEach(() => {
    register.page.mockResolvedValue({ ok: true, value: { items: [stored()], next: 'inner-cursor' } });
    register.count.mockResolvedValue(7);
  });

  const request = { projectKey: 'SEC', search: { tiers: ['low' as const] }, order: { by: 'expiresOn' as const, direction: 'asc' as const }, limit: 1 };

  it('hands out a cursor bound to the search and passes the repository its own part back', async () => {
    const first = await listRegister(deps, request);
    if (!first.ok || first.value.next === undefined) throw new Error('expected a next page');
    expect(first.value.total).toBe(7);
    await listRegister(deps, { ...request, cursor: first.value.next });
    expect(register.page).toHaveBeenLastCalledWith(expect.objectContaining({ after: 'inner-cursor' }));
  });

  it.each([
    ['another search', { search: { tiers: ['high' as const] } }],
    ['another order', { order: { by: 'riskScore' as const, direction: 'asc' as const } }],
    ['another project', { projectKey: 'OPS' }],
  ])('refuses the cursor for %s without asking the repository', async (_name, change) => {
    const first = await listRegister(deps, request);
    if (!first.ok || first.value.next === undefined) throw new Error('expected a next page');
    register.page.mockClear();
    const replayed = await listRegister(deps, { ...request, ...change, cursor: first.value.next });
    expect(replayed).toMatchObject({ ok: false, error: { code: 'REGISTER.INVALID_CURSOR' } });
    expect(register.page).not.toHaveBeenCalled();
  });
});
