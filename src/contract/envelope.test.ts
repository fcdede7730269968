import { z } from 'zod';
import { ERROR_CODES, contractErrorSchema, invalidRequest, pathOf, toFieldErrors } from './envelope';

describe('request refusals', () => {
  const schema = z.object({ tiers: z.object({ high: z.object({ maxDurationDays: z.number().int() }) }), name: z.string() });

  it('point at each bad field with a dotted path', () => {
    const parsed = schema.safeParse({ tiers: { high: { maxDurationDays: 1.5 } } });
    if (parsed.success) throw new Error('expected a refusal');
    expect(toFieldErrors(parsed.error).map((f) => f.path)).toEqual(['tiers.high.maxDurationDays', 'name']);
  });

  it('name the value as a whole (root)', () => {
    expect(pathOf([])).toBe('(root)');
  });

  it('become a failure with INVALID_REQUEST and a message listing the problems', () => {
    const parsed = schema.safeParse({ tiers: { high: { maxDurationDays: 'x' } }, name: 3 });
    if (parsed.success) throw new Error('expected a refusal');
    const refused = invalidRequest(parsed.error);
    expect(refused.error.code).toBe(ERROR_CODES.invalidRequest);
    expect(refused.error.message).toMatch(/^The request has 2 problem\(s\): tiers\.high\.maxDurationDays: .*; name: /);
  });

  it('stay within the envelope limits however many problems there are', () => {
    const many = z.array(z.string().min(5)).safeParse(Array.from({ length: 800 }, () => 'x'));
    if (many.success) throw new Error('expected a refusal');
    const refused = invalidRequest(many.error);
    expect(contractErrorSchema.parse(refused.error)).toEqual(refused.error);
    expect(refused.error.message).toContain('and 795 more');
  });
});
