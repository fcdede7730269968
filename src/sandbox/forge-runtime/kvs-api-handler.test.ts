import { createKvsApiHandler } from './kvs-api-handler';
import { createLocalKvsStore } from './local-kvs-store';

describe('KVS service surface', () => {
  const handler = () => createKvsApiHandler(createLocalKvsStore({ now: () => new Date('2026-01-01T00:00:00Z') }));

  it.each([
    ['a key with a slash', { key: 'a/b', value: 1 }, /must match/],
    ['a blank key', { key: '   ', value: 1 }, /must match/],
    ['a key over 500 characters', { key: 'k'.repeat(501), value: 1 }, /1-500 characters/],
    ['a value over 240 KiB', { key: 'big', value: 'x'.repeat(240 * 1024) }, /the limit is 245760/],
    ['a TTL over a year', { key: 'k', value: 1, options: { ttl: { value: 366, unit: 'DAYS' } } }, /at most one year/],
    ['returnValue without OVERRIDE', { key: 'k', value: 1, options: { returnValue: 'LATEST' } }, /only allowed with keyPolicy OVERRIDE/],
    ['a body that is not a set request', { value: 1 }, /key/],
  ])('refuses %s with 400', (_case, body, message) => {
    const result = handler()('/api/v1/set', body);
    expect(result.status).toBe(400);
    expect((result.body as { message: string }).message).toMatch(message);
  });

  it('answers KEY_NOT_FOUND for a missing key, which the SDK turns into undefined', () => {
    expect(handler()('/api/v1/get', { key: 'missing' })).toEqual({ status: 404, body: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } });
  });

  it('reports the expiry time of a TTL item', () => {
    const kvs = handler();
    kvs('/api/v1/set', { key: 'lease', value: 'me', options: { ttl: { value: 2, unit: 'HOURS' } } });
    expect(kvs('/api/v1/get', { key: 'lease' }).body).toMatchObject({ expireTime: '2026-01-01T02:00:00.000Z' });
  });

  it('applies batches item by item', () => {
    const kvs = handler();
    const result = kvs('/api/v1/batch/set', [
      { key: 'a', value: 1 },
      { key: 'bad/key', value: 2 },
      { key: 'c', value: 3, entityName: 'approvals' },
    ]);
    expect(result.body).toEqual({
      successfulKeys: [{ key: 'a' }],
      failedKeys: [
        { key: 'bad/key', error: { code: 'BAD_REQUEST', message: expect.stringMatching(/must match/) as unknown } },
        { key: 'c', entityName: 'approvals', error: { code: 'UNSUPPORTED_IN_SANDBOX', message: 'custom entities are not available in the local Forge runtime' } },
      ],
    });
    expect(kvs('/api/v1/batch/get', [{ key: 'a' }, { key: 'zz' }]).body).toEqual({
      successfulKeys: [{ key: 'a', value: 1 }],
      failedKeys: [{ key: 'zz', error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } }],
    });
  });

  it('refuses transactions instead of pretending to run them atomically', () => {
    expect(handler()('/api/v1/transaction', { set: [] }).status).toBe(501);
  });
});
