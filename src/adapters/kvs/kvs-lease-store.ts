import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { LeaseStore } from '../../app/jobs/job-ports';
import { isKeyConflict } from './kvs-errors';

/**
 * Leases in Forge KVS. Taking one is a single create-only write (`FAIL_IF_EXISTS`) with a TTL, so of two racing
 * invocations exactly one gets it and a holder that died frees it when the TTL runs out. Giving it back reads the
 * holder first: only the invocation that holds it may delete it, so one whose lease already expired and was
 * taken over cannot remove its successor's.
 */
const KEY_PREFIX = 'lease:';

const leaseSchema = z.object({ holder: z.string() });

export type KvsClient = Pick<typeof kvs, 'get' | 'set' | 'delete'>;

const ttlSeconds = (ttlMs: number): number => Math.max(1, Math.ceil(ttlMs / 1000));

export class KvsLeaseStore implements LeaseStore {
  constructor(private readonly client: KvsClient = kvs) {}

  async acquire(name: string, holder: string, ttlMs: number): Promise<'acquired' | 'held'> {
    try {
      await this.client.set(`${KEY_PREFIX}${name}`, { holder }, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: ttlSeconds(ttlMs), unit: 'SECONDS' } });
      return 'acquired';
    } catch (error) {
      if (isKeyConflict(error)) return 'held';
      throw error;
    }
  }

  async release(name: string, holder: string): Promise<'released' | 'not-held'> {
    const key = `${KEY_PREFIX}${name}`;
    const stored = leaseSchema.safeParse(await this.client.get(key));
    if (!stored.success || stored.data.holder !== holder) return 'not-held';
    await this.client.delete(key);
    return 'released';
  }
}
