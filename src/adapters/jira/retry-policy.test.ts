import fc from 'fast-check';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter } from './retry-policy';

const NOW = new Date('2026-03-02T10:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    [null, null],
    ['7', 7000],
    [' 0 ', 0],
    ['Mon, 02 Mar 2026 10:00:30 GMT', 30_000],
    ['Mon, 02 Mar 2026 09:59:00 GMT', 0],
    ['soon', null],
    ['-5', null],
  ])('%j asks for %j ms', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});

describe('isRetryableStatus', () => {
  it.each([
    [429, false, true],
    [503, false, true],
    [500, true, true],
    [502, true, true],
    [500, false, false],
    [504, false, false],
    [400, true, false],
    [404, true, false],
    [409, true, false],
  ])('status %d (idempotent: %s) -> %s', (status, idempotent, expected) => {
    expect(isRetryableStatus(status, idempotent)).toBe(expected);
  });
});

describe('backoffDelayMs', () => {
  it('stays between half and all of the capped exponential step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, roll) => {
        const step = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1));
        const delay = backoffDelayMs(attempt, DEFAULT_RETRY_POLICY, () => roll);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(step / 2));
        expect(delay).toBeLessThanOrEqual(step);
      }),
    );
  });

  it('doubles per failed attempt', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(attempt, DEFAULT_RETRY_POLICY, () => 0))).toEqual([250, 500, 1000, 2000, 4000, 4000]);
  });
});
