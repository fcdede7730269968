import {
  decideCheckpoint,
  type CheckpointDecision,
  type CheckpointRefusalCode,
} from '../../domain/audit/chain-checkpoint';
import type { Result } from '../../domain/shared/result';
import type { AuditStore, ChainAnchor } from './audit-ports';

/**
 * Records the chain's current head outside the app database (e.g. a Jira project property), so truncating or
 * rewriting the audit table later is detectable against it. The checkpoint is read before the head: the head only
 * grows, so a checkpoint written meanwhile by a duplicate run can never make this run look truncated.
 */
export const checkpointAuditChain = async (
  deps: { readonly store: AuditStore; readonly anchor: ChainAnchor },
  at: string,
): Promise<Result<CheckpointDecision, CheckpointRefusalCode>> => {
  const latest = await deps.anchor.latest();
  const decision = decideCheckpoint(await deps.store.head(), latest);
  if (decision.ok && decision.value.write) await deps.anchor.write(decision.value.head, at);
  return decision;
};
