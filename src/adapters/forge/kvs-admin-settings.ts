import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { IntegrationSettings, IntegrationState, SetupRun, SetupRuns } from '../../app/admin/admin-ports';
import type { CachedVerification, VerificationCache } from '../../app/register/audit-chain-status';
import { kvsKeyPart } from './kvs-keys';

/** The admin page's other settings in KVS: set-up runs, integration switches and secrets, the chain verification cache. */

export type KvsSettingsClient = Pick<typeof kvs, 'get' | 'set' | 'getSecret' | 'setSecret'>;

const stepSchema = z.object({
  step: z.string(),
  name: z.string(),
  outcome: z.enum(['created', 'already-present', 'updated', 'failed', 'skipped']),
  detail: z.string(),
});
const setupRunSchema = z.object({
  projectKey: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  by: z.string(),
  steps: z.array(stepSchema),
});

export class KvsSetupRuns implements SetupRuns {
  constructor(private readonly client: Pick<KvsSettingsClient, 'get' | 'set'> = kvs) {}

  async last(projectKey: string): Promise<SetupRun | null> {
    const stored = setupRunSchema.safeParse(await this.client.get<unknown>(`setup:last-run:${kvsKeyPart(projectKey)}`));
    return stored.success ? stored.data : null;
  }

  async record(run: SetupRun): Promise<void> {
    await this.client.set(`setup:last-run:${kvsKeyPart(run.projectKey)}`, run);
  }
}

const integrationSchema = z.object({
  enabled: z.boolean(),
  secretRotatedAt: z.string().nullable(),
  lastRequestAt: z.string().nullable(),
  lastRefusal: z.string().nullable(),
});

/** Integration switches under `integration:<id>`; each HMAC secret in the encrypted secret store. */
export class KvsIntegrationSettings implements IntegrationSettings {
  constructor(private readonly client: KvsSettingsClient = kvs) {}

  async get(id: string): Promise<IntegrationState | null> {
    const stored = integrationSchema.safeParse(await this.client.get<unknown>(`integration:${id}`));
    return stored.success ? stored.data : null;
  }

  async hasSecret(id: string): Promise<boolean> {
    return typeof (await this.client.getSecret<unknown>(`integration-secret:${id}`)) === 'string';
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    const current = await this.get(id);
    await this.client.set(`integration:${id}`, { ...(current ?? { secretRotatedAt: null, lastRequestAt: null, lastRefusal: null }), enabled });
  }

  async rotateSecret(id: string, secret: string, at: string): Promise<void> {
    await this.client.setSecret(`integration-secret:${id}`, secret);
    const current = await this.get(id);
    await this.client.set(`integration:${id}`, { ...(current ?? { enabled: false, lastRequestAt: null, lastRefusal: null }), secretRotatedAt: at });
  }
}

const CHAIN_CACHE_KEY = 'cache:audit-chain-verification';
const CHAIN_CACHE_TTL_SECONDS = 900;

const cachedVerificationSchema: z.ZodType<CachedVerification> = z.object({
  head: z.object({ sequence: z.number().int().min(1), hash: z.string() }).nullable(),
  verifiedAt: z.string(),
  result: z.discriminatedUnion('state', [
    z.object({ state: z.literal('verified'), entries: z.number().int().min(0) }),
    z.object({ state: z.literal('broken'), brokenAtSequence: z.number().int().min(1), message: z.string() }),
  ]),
});

export class KvsVerificationCache implements VerificationCache {
  constructor(private readonly client: Pick<KvsSettingsClient, 'get' | 'set'> = kvs) {}

  async get(): Promise<CachedVerification | null> {
    const stored = cachedVerificationSchema.safeParse(await this.client.get<unknown>(CHAIN_CACHE_KEY));
    return stored.success ? stored.data : null;
  }

  async put(verification: CachedVerification): Promise<void> {
    await this.client.set(CHAIN_CACHE_KEY, verification, { ttl: { value: CHAIN_CACHE_TTL_SECONDS, unit: 'SECONDS' } });
  }
}
