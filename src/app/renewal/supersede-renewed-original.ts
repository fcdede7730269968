import { systemActor } from '../../domain/approval/approval';
import { STATUS_NAMES } from '../../domain/exception/security-exception';
import { decideTransition } from '../../domain/lifecycle/decide-transition';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { settleSuperseded } from '../jobs/expiry-job';
import type { JobsDeps } from '../jobs/jobs-deps';
import { supersedeComment } from '../jobs/notices';
import { projectStatus } from '../jobs/project-status';

export type SupersedeCode =
  | 'RENEWAL.NOT_FOUND'
  | 'RENEWAL.NOT_A_RENEWAL'
  | 'RENEWAL.NOT_ACTIVE'
  | 'RENEWAL.ORIGINAL_CLOSED'
  | 'RENEWAL.UNREADABLE'
  | 'RENEWAL.JIRA_FAILED';

export type Superseded = { readonly originalKey: string; readonly outcome: 'superseded' | 'already-superseded' };

const ACTOR = systemActor('renewal');

/**
 * When a renewal becomes active, the exception it renews becomes Superseded (from Active, or from Expired when it
 * lapsed while the renewal was pending). The entry layer calls this when it sees a renewal activated; the daily
 * expiry job does the same for any original it finds with an active renewal, so a missed call costs a day at most.
 * Steps: read the original from Jira; take the app-only Supersede transition with its comment (not repeated: a
 * second call finds it Superseded); move the register entry; audit and announce once (ledger keys).
 */
export const supersedeRenewedOriginal = async (deps: JobsDeps, request: { readonly renewalKey: string }): Promise<Result<Superseded, SupersedeCode>> => {
  const renewal = await deps.register.get(request.renewalKey);
  if (renewal === null) return refuse('RENEWAL.NOT_FOUND', `${request.renewalKey} is not a security exception in the register.`);
  if (renewal.renewalOf === undefined) return refuse('RENEWAL.NOT_A_RENEWAL', `${request.renewalKey} renews no exception, so it supersedes none.`);
  if (renewal.status !== 'active') {
    return refuse('RENEWAL.NOT_ACTIVE', `${request.renewalKey} is ${STATUS_NAMES[renewal.status]}: it supersedes ${renewal.renewalOf} only once it is Active.`);
  }
  const originalKey = renewal.renewalOf;
  const original = await deps.register.get(originalKey);
  if (original === null) return refuse('RENEWAL.NOT_FOUND', `${originalKey}, which ${request.renewalKey} renews, is not in the register.`);
  const reads = await deps.exceptions.read([original]);
  if (!reads.ok) return refuse('RENEWAL.JIRA_FAILED', `Could not read ${originalKey}: ${reads.error.message}`);
  const read = reads.value.get(originalKey);
  if (read?.kind !== 'exception') {
    return refuse('RENEWAL.UNREADABLE', `${originalKey} cannot be read as an exception${read?.kind === 'unreadable' ? ` (${read.reason})` : ''}; correct it, then try again.`);
  }
  let outcome: Superseded['outcome'] = 'already-superseded';
  if (read.exception.status !== 'superseded') {
    const decision = decideTransition(read.exception, { action: 'supersede', renewalKey: request.renewalKey }, { actor: ACTOR, now: deps.now(), policy: deps.policy, approvals: [] });
    if (!decision.ok) {
      return refuse('RENEWAL.ORIGINAL_CLOSED', `${originalKey} is ${STATUS_NAMES[read.exception.status]} and is not superseded by ${request.renewalKey}: ${decision.error.message}`);
    }
    const moved = await deps.transitions.transition(originalKey, 'supersede', supersedeComment(originalKey, request.renewalKey));
    if (!moved.ok) return refuse('RENEWAL.JIRA_FAILED', `Could not supersede ${originalKey} in Jira: ${moved.error.message}`);
    outcome = 'superseded';
  }
  await projectStatus(deps.register, originalKey, 'superseded', deps.now());
  const settled = await settleSuperseded(deps, await deps.register.get(originalKey) ?? original);
  if (settled.result === 'failed') return refuse('RENEWAL.JIRA_FAILED', `${originalKey} is superseded, but ${settled.message ?? 'its notice failed'}; the daily job sends it again.`);
  return ok({ originalKey, outcome });
};
