import { attestQuarter, isReviewDay, ReviewRefusedError, type ResolverCall } from './quarterly-reviews';

const item = (key: string, attested = false) => ({
  key,
  title: `Exception ${key}`,
  tier: 'low',
  owner: { accountId: 'acc-rita', displayName: null },
  expiresOn: '2027-01-31',
  dueOn: '2026-10-15',
  overdue: false,
  attestation: attested ? { quarter: '2026-Q4', reviewer: { accountId: 'acc-sam', displayName: null }, attestedAt: '2026-10-05T09:00:00.000Z', outcome: 'still-required', note: null } : null,
});

/** The review queue in pages of two, and the attestations it is sent, as the app's resolver answers them. */
const fakeResolver = (keys: readonly { key: string; attested?: boolean }[], refuse?: string) => {
  const attested: unknown[] = [];
  const call: ResolverCall = (functionKey, payload) => {
    if (functionKey === 'reviews/queue') {
      const at = Number((payload as { cursor?: string }).cursor ?? 0);
      const page = keys.slice(at, at + 2).map(({ key, attested: done }) => item(key, done));
      return Promise.resolve({ ok: true, data: { quarter: '2026-Q4', items: page, total: keys.length, nextCursor: at + 2 < keys.length ? String(at + 2) : null } });
    }
    const { issueKey } = payload as { issueKey: string };
    if (issueKey === refuse) return Promise.resolve({ ok: false, error: { code: 'AUTH.FORBIDDEN', message: 'Only the review group attests.' } });
    attested.push(payload);
    return Promise.resolve({
      ok: true,
      data: {
        issueKey,
        recorded: 'recorded',
        attestation: { quarter: '2026-Q4', reviewer: { accountId: 'acc-sam', displayName: null }, attestedAt: '2026-10-05T09:00:00.000Z', outcome: 'still-required', note: null },
        nextReviewDue: '2027-01-15',
      },
    });
  };
  return { call, attested };
};

describe('the weekly quarterly review of the demo history', () => {
  it.each([
    ['2026-10-05T06:00:00Z', true],
    ['2026-10-06T06:00:00Z', false],
    ['2026-11-23T06:00:00Z', true],
  ])('reviews on Mondays: %s is %s', (day, expected) => {
    expect(isReviewDay(new Date(day))).toBe(expected);
  });

  it('attests every unattested exception of every page as still required, but one in seven', async () => {
    const keys = ['SEC-1', 'SEC-2', 'SEC-3', 'SEC-7', 'SEC-8', 'SEC-14'].map((key) => ({ key }));
    const resolver = fakeResolver([...keys, { key: 'SEC-9', attested: true }]);
    await expect(attestQuarter(resolver.call)).resolves.toBe(4);
    expect(resolver.attested).toEqual(
      ['SEC-1', 'SEC-2', 'SEC-3', 'SEC-8'].map((issueKey) => ({ issueKey, quarter: '2026-Q4', stillValid: true, stillNecessary: true, controlsInPlace: true })),
    );
  });

  it('stops with the reason when the app refuses an attestation', async () => {
    const resolver = fakeResolver([{ key: 'SEC-1' }, { key: 'SEC-2' }], 'SEC-2');
    await expect(attestQuarter(resolver.call)).rejects.toThrow(ReviewRefusedError);
    await expect(attestQuarter(fakeResolver([{ key: 'SEC-2' }], 'SEC-2').call)).rejects.toThrow('Only the review group attests.');
  });
});
