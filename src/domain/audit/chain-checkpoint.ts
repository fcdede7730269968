import { ok, refuse, type Result } from '../shared/result';
import type { ChainHead } from './audit-entry';

export type RecordedCheckpoint = { readonly head: ChainHead; readonly at: string };

export type CheckpointDecision =
  | { readonly write: true; readonly head: ChainHead }
  | { readonly write: false; readonly head: ChainHead | null };

export type CheckpointRefusalCode = 'AUDIT.CHAIN_BEHIND_CHECKPOINT' | 'AUDIT.CHAIN_DIVERGED_FROM_CHECKPOINT';

const RECOVERY_ADVICE =
  'Do not write a new checkpoint: it would erase the evidence. Restore the audit table from a backup or an exported ' +
  'audit package, then run a full audit chain verification.';

/**
 * Whether the current head may be recorded as the new external checkpoint. A checkpoint never moves backwards
 * or sideways: that would let a truncated or rewritten chain overwrite the very record that exposes it.
 */
export const decideCheckpoint = (
  head: ChainHead | null,
  latest: RecordedCheckpoint | null,
): Result<CheckpointDecision, CheckpointRefusalCode> => {
  if (latest === null) return ok(head === null ? { write: false, head } : { write: true, head });
  const recorded = latest.head;
  if (head === null || head.sequence < recorded.sequence) {
    const ends = head === null ? 'is empty' : `ends at entry ${head.sequence}`;
    return refuse(
      'AUDIT.CHAIN_BEHIND_CHECKPOINT',
      `The audit chain ${ends}, but the checkpoint written at ${latest.at} records that it reached entry ` +
        `${recorded.sequence}: entries were removed from the app database. ${RECOVERY_ADVICE}`,
    );
  }
  if (head.sequence === recorded.sequence) {
    if (head.hash === recorded.hash) return ok({ write: false, head });
    return refuse(
      'AUDIT.CHAIN_DIVERGED_FROM_CHECKPOINT',
      `Audit entry ${head.sequence} has hash ${head.hash}, but the checkpoint written at ${latest.at} recorded ` +
        `${recorded.hash} for it: the chain was rewritten after that checkpoint. ${RECOVERY_ADVICE}`,
    );
  }
  return ok({ write: true, head });
};
