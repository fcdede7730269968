import type { Actor } from '../../domain/approval/approval';
import { contentHash } from '../../domain/exception/content-hash';
import { STATUS_NAMES } from '../../domain/exception/security-exception';
import { preflight, type PreflightResult } from '../../domain/preflight/preflight';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { auditOnce } from '../jobs/once';
import type { RenewalDeps } from './request-renewal';
import type { RenewalRecord } from './renewal-record';

export type ReassessmentCode =
  | 'RENEWAL.NOT_FOUND'
  | 'RENEWAL.NOT_A_RENEWAL'
  | 'RENEWAL.NOT_A_DRAFT'
  | 'RENEWAL.NOT_PERMITTED'
  | 'RENEWAL.UNREADABLE'
  | 'RENEWAL.NOT_READY'
  | 'RENEWAL.JIRA_FAILED';

export type ReassessmentConfirmed = {
  readonly record: RenewalRecord;
  /** What approval the renewal now needs: over the chain's cap, the highest level too, with the notice saying why. */
  readonly preflight: PreflightResult;
};

/**
 * The requester confirms that the renewal's risk assessment is updated and each compensating control re-validated,
 * for the content as it stands now. Pre-flight runs with the chain so far, so the answer already says whether the
 * renewal is over its tier's cap (and therefore needs the highest approval level). Steps: read the draft from Jira,
 * check it, write the re-assessment into the renewal record, audit it once. Confirming again after an edit
 * replaces the re-assessment; the audit keeps every one, keyed by content.
 */
export const confirmRenewalReassessment = async (
  deps: RenewalDeps,
  request: { readonly issueKey: string; readonly actor: Actor },
): Promise<Result<ReassessmentConfirmed, ReassessmentCode>> => {
  const entry = await deps.register.get(request.issueKey);
  if (entry === null) return refuse('RENEWAL.NOT_FOUND', `${request.issueKey} is not a security exception in the register.`);
  const record = await deps.renewals.readRecord(request.issueKey);
  if (!record.ok) return refuse('RENEWAL.JIRA_FAILED', `Could not read the renewal record of ${request.issueKey}: ${record.error.message}`);
  if (record.value === null) return refuse('RENEWAL.NOT_A_RENEWAL', `${request.issueKey} renews no exception: re-assessment applies to renewals only.`);
  if (entry.status !== 'draft') {
    return refuse('RENEWAL.NOT_A_DRAFT', `${request.issueKey} is ${STATUS_NAMES[entry.status]}: its assessment can only be confirmed while it is a draft.`);
  }
  if (request.actor.accountId !== entry.requester) {
    return refuse('RENEWAL.NOT_PERMITTED', `Only the requester of ${request.issueKey} can confirm its re-assessment; ask them.`);
  }
  const reads = await deps.exceptions.read([entry]);
  if (!reads.ok) return refuse('RENEWAL.JIRA_FAILED', `Could not read ${request.issueKey}: ${reads.error.message}`);
  const read = reads.value.get(entry.issueKey);
  if (read?.kind !== 'exception') {
    return refuse('RENEWAL.UNREADABLE', `${request.issueKey} cannot be read as an exception${read?.kind === 'unreadable' ? ` (${read.reason})` : ''}: complete its fields first.`);
  }
  const now = deps.now();
  const { key: _key, status: _status, tier: _tier, createdAt: _created, statusChangedAt: _changed, renewal: _chain, ...request_ } = read.exception;
  const checked = preflight({ ...request_, renewalOf: record.value.renewalOf }, deps.policy, new Date(now), { renewal: record.value.chainBefore });
  if (!checked.ready) {
    return refuse(
      'RENEWAL.NOT_READY',
      `${request.issueKey} is not ready to be re-validated: ${checked.problems.map((problem) => `${problem.path}: ${problem.message}`).join(' ')}`,
    );
  }
  const hash = contentHash(read.exception);
  const updated: RenewalRecord = { ...record.value, reassessment: { at: now, by: request.actor.accountId, contentHash: hash } };
  const written = await deps.renewals.writeRecord(request.issueKey, updated);
  if (!written.ok) return refuse('RENEWAL.JIRA_FAILED', `Could not record the re-assessment on ${request.issueKey}: ${written.error.message}`);
  await auditOnce(deps, `audit:renewal-reassessed:${request.issueKey}:${hash}`, {
    at: now,
    actor: request.actor.accountId,
    action: 'exception.renewal-reassessed',
    issueKey: request.issueKey,
    payload: {
      renewalOf: record.value.renewalOf,
      contentHash: hash,
      tier: checked.tier,
      requiredLevels: checked.requiredApprovers.map((approver) => approver.levelId),
      notices: [...checked.notices],
    },
  });
  return ok({ record: updated, preflight: checked });
};
