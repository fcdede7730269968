import { completeEntry, prepareEntry, signedBytes } from '../../domain/audit/audit-chain';
import type { AuditDraft, AuditEntry } from '../../domain/audit/audit-entry';
import type { AuditStore, Signer } from './audit-ports';
import type { PauseBeforeRetry } from './retry-pause';

export type AppendAuditEntryDeps = {
  readonly store: AuditStore;
  readonly signer: Signer;
  readonly pauseBeforeRetry: PauseBeforeRetry;
};

/** Enough for hundreds of concurrent appenders with jittered backoff; beyond it the store is unhealthy, not busy. */
export const MAX_APPEND_ATTEMPTS = 50;

/** Raised when every attempt lost the race for the next sequence number: the entry was not recorded. */
export class AuditAppendContendedError extends Error {
  readonly code = 'AUDIT.APPEND_CONTENDED';

  constructor(readonly action: string, readonly attempts: number) {
    super(
      `The audit entry "${action}" was not recorded: ${attempts} attempts in a row found its sequence number taken ` +
        'by concurrent writers. Retry the operation; if this persists, check the audit table for a stuck writer.',
    );
    this.name = 'AuditAppendContendedError';
  }
}

/**
 * Appends one entry at the head of the chain. The store's unique sequence is the only lock (Forge SQL has no
 * transactions): an insert that finds its sequence taken re-reads the head and seals the entry again on top of
 * it, so concurrent appenders queue up instead of forking the chain.
 */
export const appendAuditEntry = async (deps: AppendAuditEntryDeps, draft: AuditDraft): Promise<AuditEntry> => {
  const { store, signer, pauseBeforeRetry } = deps;
  for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt += 1) {
    const unsigned = prepareEntry(await store.head(), draft);
    const signature = await signer.sign(signedBytes(unsigned.hash));
    const entry = completeEntry(unsigned, Buffer.from(signature).toString('base64'), signer.keyId);
    if ((await store.insert(entry)) === 'inserted') return entry;
    if (attempt < MAX_APPEND_ATTEMPTS) await pauseBeforeRetry(attempt);
  }
  throw new AuditAppendContendedError(draft.action, MAX_APPEND_ATTEMPTS);
};
