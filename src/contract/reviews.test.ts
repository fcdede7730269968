import { attestationOutcome, reviewsAttestRequestSchema } from './reviews';

const base = { issueKey: 'SEC-12', quarter: '2026-Q4', stillValid: true, stillNecessary: true, controlsInPlace: true };

describe('review attestations', () => {
  it.each([
    [{}, true, 'still-required'],
    [{ stillValid: false }, false, 'revoke'],
    [{ stillNecessary: false }, false, 'revoke'],
    [{ controlsInPlace: false }, false, 'revoke'],
    [{ controlsInPlace: false, note: 'WAF rule was removed in October.' }, true, 'revoke'],
    [{ stillValid: false, note: '   ' }, false, 'revoke'],
  ])('%j is accepted: %s, outcome %s', (change, accepted, outcome) => {
    const request = { ...base, ...change };
    const parsed = reviewsAttestRequestSchema.safeParse(request);
    expect(parsed.success).toBe(accepted);
    if (!parsed.success) expect(parsed.error.issues[0]?.path).toEqual(['note']);
    expect(attestationOutcome(request)).toBe(outcome);
  });

  it('refuses a quarter that is not YYYY-Qn', () => {
    expect(reviewsAttestRequestSchema.safeParse({ ...base, quarter: '2026-Q5' }).success).toBe(false);
  });
});
