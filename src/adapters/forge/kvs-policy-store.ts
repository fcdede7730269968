import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { PolicyStore, StoredPolicy } from '../../app/admin/admin-ports';
import type { Policy } from '../../domain/policy/policy-config';
import { isKeyConflict } from '../kvs/kvs-errors';
import { POLICY_KEY } from './kvs-policy-source';

/**
 * The policy in KVS with optimistic concurrency. KVS has no compare-and-set on a plain key, so each save first
 * creates the record of its revision with FAIL_IF_EXISTS: of two savers of the same revision exactly one creates it.
 * The winner then writes the policy every rule reads (POLICY_KEY, unchanged for loadPolicy) and the revision
 * pointer. A saver that died between the two finds its revision rolled forward by the next reader.
 */
const META_KEY = 'policy:meta';
const revisionKey = (revision: number): string => `policy:revision:${revision}`;

const metaSchema = z.object({ revision: z.number().int().min(0), updatedAt: z.string().nullable(), updatedBy: z.string().nullable() });
const revisionSchema = z.object({ policy: z.unknown(), updatedAt: z.string(), updatedBy: z.string() });

export type KvsPolicyClient = Pick<typeof kvs, 'get' | 'set'>;

export class KvsPolicyStore implements PolicyStore {
  constructor(private readonly client: KvsPolicyClient = kvs) {}

  async current(): Promise<StoredPolicy> {
    const meta = metaSchema.safeParse(await this.client.get<unknown>(META_KEY));
    const revision = meta.success ? meta.data.revision : 0;
    const unfinished = revisionSchema.safeParse(await this.client.get<unknown>(revisionKey(revision + 1)));
    if (unfinished.success) {
      const { policy, updatedAt, updatedBy } = unfinished.data;
      await this.publish(revision + 1, policy, updatedAt, updatedBy);
      return { document: policy, revision: revision + 1, updatedAt, updatedBy };
    }
    const document = (await this.client.get<unknown>(POLICY_KEY)) ?? null;
    return {
      document,
      revision,
      updatedAt: meta.success ? meta.data.updatedAt : null,
      updatedBy: meta.success ? meta.data.updatedBy : null,
    };
  }

  async saveRevision(revision: number, policy: Policy, by: { readonly at: string; readonly accountId: string }): Promise<'saved' | 'conflict'> {
    try {
      await this.client.set(revisionKey(revision), { policy, updatedAt: by.at, updatedBy: by.accountId }, { keyPolicy: 'FAIL_IF_EXISTS' });
    } catch (error) {
      if (isKeyConflict(error)) return 'conflict';
      throw error;
    }
    await this.publish(revision, policy, by.at, by.accountId);
    return 'saved';
  }

  private async publish(revision: number, policy: unknown, updatedAt: string, updatedBy: string): Promise<void> {
    await this.client.set(POLICY_KEY, policy);
    await this.client.set(META_KEY, { revision, updatedAt, updatedBy });
  }
}
