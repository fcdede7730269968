import { readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { z } from 'zod';

/**
 * The app's Forge KVS as a local store with the semantics the real service exposes to `@forge/kvs`:
 * last-write-wins by default, `FAIL_IF_EXISTS` as an atomic create-only write, TTL expiry, secrets in a
 * namespace that queries never see, key-prefix queries in key order. Expired items are invisible to reads,
 * queries and `FAIL_IF_EXISTS` (the service deletes them lazily; the SDK never sees them as live values).
 */

export type KvsNamespace = 'values' | 'secrets';

export type KvsItem = {
  readonly key: string;
  readonly value: unknown;
  /** Epoch seconds, as the service reports them. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Epoch milliseconds; absent when the item never expires. */
  readonly expiresAtMs?: number;
};

export type KvsTtl = { readonly value: number; readonly unit: 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS' };

export type KvsSetOutcome =
  | { readonly written: true; readonly previous?: KvsItem; readonly latest: KvsItem }
  | { readonly written: false; readonly reason: 'KEY_EXISTS' };

export type KvsPage = { readonly items: readonly KvsItem[]; readonly nextAfterKey?: string };

export interface LocalKvsStore {
  get(namespace: KvsNamespace, key: string): KvsItem | undefined;
  set(
    namespace: KvsNamespace,
    key: string,
    value: unknown,
    options: { readonly ttl?: KvsTtl; readonly failIfExists?: boolean },
  ): KvsSetOutcome;
  /** Returns whether a live item was removed. */
  delete(namespace: KvsNamespace, key: string): boolean;
  /** Live values whose key starts with `prefix`, in key order, strictly after `afterKey`. */
  queryByPrefix(prefix: string, limit: number, afterKey?: string): KvsPage;
  /** Every live value (not secrets), for tests and the sandbox's state viewer. */
  entries(): ReadonlyMap<string, unknown>;
}

export type LocalKvsStoreOptions = {
  /** The sandbox clock: TTLs expire against it, so advancing the clock expires leases. */
  readonly now: () => Date;
  /** When set, the store loads this JSON file at start and rewrites it after every change. */
  readonly persistTo?: string;
};

const MAX_TTL_SECONDS = 365 * 24 * 60 * 60;
const TTL_UNIT_SECONDS: Readonly<Record<KvsTtl['unit'], number>> = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86400 };

export const ttlInSeconds = (ttl: KvsTtl): number => ttl.value * TTL_UNIT_SECONDS[ttl.unit];
export const isTtlWithinLimit = (ttl: KvsTtl): boolean => {
  const seconds = ttlInSeconds(ttl);
  return Number.isInteger(ttl.value) && seconds > 0 && seconds <= MAX_TTL_SECONDS;
};

const itemSchema = z.object({
  key: z.string(),
  value: z.unknown(),
  createdAt: z.number(),
  updatedAt: z.number(),
  expiresAtMs: z.number().optional(),
});
const persistedSchema = z.object({ values: z.array(itemSchema), secrets: z.array(itemSchema) });

const toItem = (parsed: z.infer<typeof itemSchema>): KvsItem =>
  parsed.expiresAtMs === undefined
    ? { key: parsed.key, value: parsed.value, createdAt: parsed.createdAt, updatedAt: parsed.updatedAt }
    : { ...parsed, value: parsed.value };

export function createLocalKvsStore(options: LocalKvsStoreOptions): LocalKvsStore {
  const spaces: Record<KvsNamespace, Map<string, KvsItem>> = { values: new Map(), secrets: new Map() };

  if (options.persistTo !== undefined && existsSync(options.persistTo)) {
    const persisted = persistedSchema.parse(JSON.parse(readFileSync(options.persistTo, 'utf8')));
    for (const item of persisted.values) spaces.values.set(item.key, toItem(item));
    for (const item of persisted.secrets) spaces.secrets.set(item.key, toItem(item));
  }

  const persist = (): void => {
    if (options.persistTo === undefined) return;
    const file = options.persistTo;
    const snapshot = { values: [...spaces.values.values()], secrets: [...spaces.secrets.values()] };
    // Write-then-rename so a crash mid-write never leaves a truncated store behind.
    writeFileSync(`${file}.tmp`, JSON.stringify(snapshot));
    renameSync(`${file}.tmp`, file);
  };

  const isLive = (item: KvsItem): boolean =>
    item.expiresAtMs === undefined || item.expiresAtMs > options.now().getTime();

  const live = (namespace: KvsNamespace, key: string): KvsItem | undefined => {
    const item = spaces[namespace].get(key);
    return item !== undefined && isLive(item) ? item : undefined;
  };

  return {
    get: live,

    set(namespace, key, value, { ttl, failIfExists }) {
      const previous = live(namespace, key);
      if (failIfExists === true && previous !== undefined) return { written: false, reason: 'KEY_EXISTS' };
      const nowMs = options.now().getTime();
      const nowSeconds = Math.floor(nowMs / 1000);
      const base = { key, value, createdAt: previous?.createdAt ?? nowSeconds, updatedAt: nowSeconds };
      const latest: KvsItem = ttl === undefined ? base : { ...base, expiresAtMs: nowMs + ttlInSeconds(ttl) * 1000 };
      spaces[namespace].set(key, latest);
      persist();
      return previous === undefined ? { written: true, latest } : { written: true, previous, latest };
    },

    delete(namespace, key) {
      const existed = live(namespace, key) !== undefined;
      if (spaces[namespace].delete(key)) persist();
      return existed;
    },

    queryByPrefix(prefix, limit, afterKey) {
      const keys = [...spaces.values.keys()]
        .filter((key) => key.startsWith(prefix) && (afterKey === undefined || key > afterKey))
        .sort();
      const items: KvsItem[] = [];
      for (const key of keys) {
        const item = live('values', key);
        if (item === undefined) continue;
        if (items.length === limit) return { items, nextAfterKey: items[items.length - 1]?.key };
        items.push(item);
      }
      return { items };
    },

    entries() {
      const result = new Map<string, unknown>();
      for (const [key, item] of spaces.values) if (isLive(item)) result.set(key, item.value);
      return result;
    },
  };
}
