import { z } from 'zod';
import { ERROR_CODES, failure } from './envelope';
import { CONTRACT, RESOLVER_KEYS, isResolverKey, responseEnvelopeSchema, type ResolverKey } from './resolvers';
import { SAMPLES } from './testing/samples';

const keys = RESOLVER_KEYS.map((key) => [key] as const);

const jsonRoundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the resolver contract', () => {
  it('names every key like a route: lower-case segments joined by slashes', () => {
    for (const key of RESOLVER_KEYS) expect(key).toMatch(/^[a-z]+(-[a-z]+)*(\/[a-z]+(-[a-z]+)*)+$/);
  });

  it.each(keys)('%s has a request schema, a response schema and a sample', (key) => {
    expect(CONTRACT[key].request).toBeInstanceOf(z.ZodType);
    expect(CONTRACT[key].response).toBeInstanceOf(z.ZodType);
    expect(SAMPLES[key]).toBeDefined();
  });

  it('has a sample for exactly the contract keys', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...RESOLVER_KEYS].sort());
  });

  it.each(keys)('%s accepts its sample request and keeps it through JSON', (key: ResolverKey) => {
    const schema: z.ZodType = CONTRACT[key].request;
    const parsed = schema.parse(SAMPLES[key].request);
    expect(schema.parse(jsonRoundTrip(parsed))).toEqual(parsed);
  });

  it.each(keys)('%s wraps its sample answer in a success envelope that survives JSON', (key: ResolverKey) => {
    const schema = responseEnvelopeSchema(key);
    const envelope = { ok: true, data: SAMPLES[key].response };
    const parsed = schema.parse(jsonRoundTrip(envelope));
    expect(schema.parse(jsonRoundTrip(parsed))).toEqual(parsed);
    expect(parsed).toEqual(envelope);
  });

  it.each(keys)('%s accepts a failure envelope with field errors', (key: ResolverKey) => {
    const envelope = failure('AUTH.FORBIDDEN', 'Only members of security-leads may do this.', [{ path: 'issueKey', message: 'not yours' }]);
    expect(responseEnvelopeSchema(key).parse(jsonRoundTrip(envelope))).toEqual(envelope);
  });

  it.each(keys)('%s refuses a success envelope without data', (key: ResolverKey) => {
    expect(responseEnvelopeSchema(key).safeParse({ ok: true }).success).toBe(false);
  });

  it.each(keys)('%s refuses a payload that is not an object', (key: ResolverKey) => {
    const schema: z.ZodType = CONTRACT[key].request;
    expect(schema.safeParse('SEC-1').success).toBe(false);
  });

  it('refuses error codes that are not stable upper-case dotted codes', () => {
    const schema = responseEnvelopeSchema('session/me');
    expect(schema.safeParse({ ok: false, error: { code: 'forbidden', message: 'no' } }).success).toBe(false);
    expect(schema.safeParse({ ok: false, error: { code: ERROR_CODES.forbidden, message: '' } }).success).toBe(false);
  });

  it.each([
    ['register/list', true],
    ['admin/policy/save', true],
    ['register', false],
    ['register/delete', false],
    ['toString', false],
  ])('knows whether %s is a resolver key', (key, known) => {
    expect(isResolverKey(key)).toBe(known);
  });
});
