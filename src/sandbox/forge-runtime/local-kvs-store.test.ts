import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createLocalKvsStore, isTtlWithinLimit, type KvsTtl } from './local-kvs-store';

const at = (iso: string) => {
  let now = new Date(iso);
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
};

describe('local KVS store', () => {
  it('keeps createdAt on overwrite and moves updatedAt', () => {
    const clock = at('2026-01-01T00:00:00Z');
    const store = createLocalKvsStore({ now: clock.now });
    store.set('values', 'k', 1, {});
    clock.advance(5_000);
    const outcome = store.set('values', 'k', 2, {});
    expect(outcome).toMatchObject({ written: true, previous: { value: 1 }, latest: { value: 2 } });
    expect(store.get('values', 'k')).toMatchObject({ createdAt: 1767225600, updatedAt: 1767225605 });
  });

  it('treats an expired item as absent for reads, queries and FAIL_IF_EXISTS', () => {
    const clock = at('2026-01-01T00:00:00Z');
    const store = createLocalKvsStore({ now: clock.now });
    store.set('values', 'lease', 'a', { ttl: { value: 30, unit: 'SECONDS' }, failIfExists: true });
    expect(store.set('values', 'lease', 'b', { failIfExists: true })).toEqual({ written: false, reason: 'KEY_EXISTS' });
    clock.advance(30_000);
    expect(store.get('values', 'lease')).toBeUndefined();
    expect(store.queryByPrefix('lea', 10).items).toEqual([]);
    expect(store.set('values', 'lease', 'b', { failIfExists: true })).toMatchObject({ written: true });
  });

  it('never lists secrets in queries', () => {
    const store = createLocalKvsStore({ now: () => new Date(0) });
    store.set('secrets', 'key:1', 's', {});
    store.set('values', 'key:2', 'v', {});
    expect(store.queryByPrefix('key:', 10).items.map((item) => item.key)).toEqual(['key:2']);
  });

  it('persists to a JSON file and reloads it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvs-'));
    try {
      const file = join(dir, 'kvs.json');
      const first = createLocalKvsStore({ now: () => new Date(0), persistTo: file });
      first.set('values', 'config', { tier: 'high' }, {});
      first.set('secrets', 'token', 'abc', {});
      const reloaded = createLocalKvsStore({ now: () => new Date(0), persistTo: file });
      expect(reloaded.get('values', 'config')?.value).toEqual({ tier: 'high' });
      expect(reloaded.get('secrets', 'token')?.value).toBe('abc');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each<[KvsTtl, boolean]>([
    [{ value: 1, unit: 'SECONDS' }, true],
    [{ value: 365, unit: 'DAYS' }, true],
    [{ value: 366, unit: 'DAYS' }, false],
    [{ value: 0, unit: 'MINUTES' }, false],
    [{ value: 1.5, unit: 'HOURS' }, false],
  ])('TTL %j within Forge’s one-year limit: %s', (ttl, expected) => {
    expect(isTtlWithinLimit(ttl)).toBe(expected);
  });

  it('pages through a prefix query visiting every live key exactly once, in key order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-c]{1,4}$/), { maxLength: 30 }),
        fc.constantFrom('', 'a', 'ab', 'c'),
        fc.integer({ min: 1, max: 7 }),
        (keys, prefix, limit) => {
          const store = createLocalKvsStore({ now: () => new Date(0) });
          for (const key of keys) store.set('values', key, key, {});
          const seen: string[] = [];
          let after: string | undefined;
          for (;;) {
            const page = store.queryByPrefix(prefix, limit, after);
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items.map((item) => item.key));
            if (page.nextAfterKey === undefined) break;
            after = page.nextAfterKey;
          }
          expect(seen).toEqual(keys.filter((key) => key.startsWith(prefix)).sort());
        },
      ),
    );
  });
});
