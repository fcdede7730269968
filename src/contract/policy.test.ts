import { adminPolicyValidateResponseSchema, policyDocumentSchema } from './policy';
import { samplePolicy } from './testing/samples';

describe('policy documents', () => {
  it('leave value rules to the server: a shape-valid policy with a zero duration still parses', () => {
    const policy = { ...samplePolicy, tiers: { ...samplePolicy.tiers, low: { ...samplePolicy.tiers.low, maxDurationDays: 0 } } };
    expect(policyDocumentSchema.safeParse(policy).success).toBe(true);
  });

  it.each([
    ['a tier missing', { ...samplePolicy, tiers: { low: samplePolicy.tiers.low } }],
    ['a number as text', { ...samplePolicy, limits: { activePerAsset: '3', activePerBusinessUnit: 50 } }],
    ['an unknown override tier', { ...samplePolicy, controlsRequiredFromTier: 'severe' }],
    ['another version', { ...samplePolicy, version: 2 }],
  ])('refuse %s', (_what, policy) => {
    expect(policyDocumentSchema.safeParse(policy).success).toBe(false);
  });
});

describe('policy validation answers', () => {
  it('carry field errors and no preview when invalid', () => {
    const answer = { valid: false, fieldErrors: [{ path: 'tiers.high.maxDurationDays', message: 'must be at least 1' }], preview: null };
    expect(adminPolicyValidateResponseSchema.parse(answer)).toEqual(answer);
  });

  it.each([
    ['invalid without field errors', { valid: false, fieldErrors: [], preview: null }],
    ['valid with field errors', { valid: true, fieldErrors: [{ path: 'x', message: 'y' }], preview: null }],
  ])('refuse an answer %s', (_what, answer) => {
    expect(adminPolicyValidateResponseSchema.safeParse(answer).success).toBe(false);
  });
});
