import { kvs } from '@forge/kvs';
import type { z } from 'zod';
import type { KvsValues } from './kvs-policy-source';

type Computed<T, F> = { readonly ok: true; readonly value: T } | F;

/**
 * A short-lived value cached in the installation's KVS (never in module scope, which a warm runtime shares
 * between installations). A cached value that no longer parses is recomputed, not trusted; a failed computation
 * is returned as it is and not cached.
 */
export const cachedInKvs = async <T, F extends { readonly ok: false }>(
  key: string,
  schema: z.ZodType<T>,
  ttlSeconds: number,
  compute: () => Promise<Computed<T, F>>,
  values: KvsValues = kvs,
): Promise<Computed<T, F>> => {
  const cached = schema.safeParse(await values.get<unknown>(key));
  if (cached.success) return { ok: true, value: cached.data };
  const computed = await compute();
  if (computed.ok) await values.set(key, computed.value, { ttl: { value: ttlSeconds, unit: 'SECONDS' } });
  return computed;
};
