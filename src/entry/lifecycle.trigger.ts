import { z } from 'zod';
import { loadOrCreateInstallationKey } from '../adapters/crypto/ed25519-signer';
import { retryInvocationLater, type RetryRequest } from '../adapters/forge/invocation-retry';
import { KvsSecretStore } from '../adapters/forge/kvs-secret-store';
import { forgePlatform, type Platform } from './composition/platform';
import { logLine } from './log-line';

/**
 * `trigger` for avi:forge:installed:app and avi:forge:upgraded:app: the installation's database schema and its
 * audit signing key exist before the first exception is projected or audited. Both steps are idempotent, and the
 * hourly trigger applies migrations too, so a failure here is retried rather than left to break later requests.
 */

const lifecycleEventSchema = z.looseObject({
  eventType: z.enum(['avi:forge:installed:app', 'avi:forge:upgraded:app']),
  app: z.looseObject({ version: z.string().optional() }).optional(),
});

export type LifecycleAnswer =
  | { readonly status: 'ignored'; readonly reason: string }
  | { readonly status: 'ready'; readonly migrationsApplied: readonly string[]; readonly signingKeyId: string };

/** Lifecycle events come once; a retry a minute later outlasts a cold database or a busy KVS. */
const RETRY_AFTER_MS = 60_000;

export const lifecycleHandler =
  (platform: Platform) =>
  async (payload: unknown): Promise<LifecycleAnswer | RetryRequest> => {
    const parsed = lifecycleEventSchema.safeParse(payload);
    if (!parsed.success) return { status: 'ignored', reason: 'not an install or upgrade event' };
    try {
      const migrationsApplied = await platform.database().migrate();
      const key = await loadOrCreateInstallationKey(new KvsSecretStore(), platform.now());
      return { status: 'ready', migrationsApplied, signingKeyId: key.keyId };
    } catch (error) {
      logLine('error', 'lifecycle', 'set-up failed; asking the platform to retry', {
        eventType: parsed.data.eventType,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return retryInvocationLater(RETRY_AFTER_MS, false);
    }
  };

/** The Forge function of the `app-lifecycle` trigger. */
export const onAppLifecycle = lifecycleHandler(forgePlatform);
