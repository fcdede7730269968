import { z } from 'zod';
import { systemActor, type Approval } from '../../domain/approval/approval';
import { voidableApprovals } from '../../domain/approval/approval-standing';
import { requiredLevels } from '../../domain/approval/required-levels';
import { contentHash, type RiskRelevantField } from '../../domain/exception/content-hash';
import { TIERS, tierRank, type SecurityException, type Tier } from '../../domain/exception/security-exception';
import { decideTransition } from '../../domain/lifecycle/decide-transition';
import type { TransitionCommand } from '../../domain/lifecycle/lifecycle-types';
import type { Policy } from '../../domain/policy/policy-config';
import type { AuditStore } from '../audit/audit-ports';
import type { ApprovalRepository } from '../ports/approval-repository';
import { appendAuditOnce, type AuditOnceDeps } from '../projection/audit-once';
import type { IssueAnnotations, RemoteFailure } from '../projection/projection-ports';
import { voidedNotice } from './approval-notices';
import { contentDigestsSchema, fieldsChangedSince, type ContentDigests } from './approved-content';
import type { ApprovalStateTransitions } from './decision-ports';

/**
 * Approvals are bound to the content they approved. When an edit changes a risk-relevant field after approval,
 * the approvals given to the earlier content stop counting: they are voided, the exception goes back to Awaiting
 * Approval (an active one stops being in force), and a comment says what changed and whose approvals were voided.
 * When the change raised the risk tier, the register re-rates instead, which voids every approval, because the
 * approvers signed off a lower risk. Each step is idempotent, and voiding the records comes last, so an event
 * delivered again finishes what an earlier delivery started and otherwise finds nothing to do.
 */

export type VoidStaleDeps = AuditOnceDeps & {
  readonly approvals: Pick<ApprovalRepository, 'voidStale'>;
  readonly auditTrail: Pick<AuditStore, 'forIssue'>;
  readonly transitions: ApprovalStateTransitions;
  readonly annotations: Pick<IssueAnnotations, 'addComment'>;
  readonly policy: Policy;
};

export type VoidStaleRequest = {
  /** The exception as Jira holds it now, after the edit. */
  readonly exception: SecurityException;
  /** Every approval recorded for it, voided ones included. */
  readonly approvals: readonly Approval[];
  /** Who made the edit, when Jira said. */
  readonly editor: string | undefined;
  readonly now: string;
};

export type VoidStaleOutcome =
  | { readonly kind: 'nothing-stale' }
  /** Stale approvals of an exception in a status where they no longer matter (closed, say). */
  | { readonly kind: 'not-applicable'; readonly reason: string }
  | {
      readonly kind: 'voided';
      readonly via: 'void' | 're-rate';
      readonly voided: number;
      readonly changedFields: readonly RiskRelevantField[] | null;
      /** True when the exception was active and has been sent back to Awaiting Approval. */
      readonly returned: boolean;
    }
  | { readonly kind: 'failed'; readonly failure: RemoteFailure };

const VOIDING_JOB = 'issue-events';
const AUDIT_PAGE = 100;
/** An exception's whole audit history is a few dozen entries; this bounds a corrupted one. */
const MAX_AUDIT_PAGES = 20;

const approvalEntrySchema = z.looseObject({ contentHash: z.string(), tier: z.enum(TIERS), approvedContent: contentDigestsSchema.optional() });

type ApprovedFacts = { readonly tier: Tier; readonly digests: ContentDigests | undefined };

/** What the latest recorded approval of the now stale content says about that content: its tier and field digests. */
const approvedFacts = async (trail: VoidStaleDeps['auditTrail'], issueKey: string, staleHashes: ReadonlySet<string>): Promise<ApprovedFacts | null> => {
  let latest: ApprovedFacts | null = null;
  let after = 0;
  for (let page = 0; page < MAX_AUDIT_PAGES; page += 1) {
    const entries = await trail.forIssue(issueKey, after, AUDIT_PAGE);
    for (const entry of entries) {
      if (entry.action !== 'exception.approved') continue;
      const parsed = approvalEntrySchema.safeParse(entry.payload);
      if (parsed.success && staleHashes.has(parsed.data.contentHash)) latest = { tier: parsed.data.tier, digests: parsed.data.approvedContent };
    }
    const last = entries.at(-1);
    if (last === undefined || entries.length < AUDIT_PAGE) break;
    after = last.sequence;
  }
  return latest;
};

const commandFor = (exception: SecurityException, facts: ApprovedFacts | null): { command: TransitionCommand; judged: SecurityException } =>
  facts !== null && tierRank(exception.tier) > tierRank(facts.tier)
    ? // Re-rating is judged from the tier that was approved, towards the tier the content has now.
      { command: { action: 're-rate', tier: exception.tier }, judged: { ...exception, tier: facts.tier } }
    : { command: { action: 'void' }, judged: exception };

export const voidStaleApprovals = async (deps: VoidStaleDeps, request: VoidStaleRequest): Promise<VoidStaleOutcome> => {
  const { exception, now } = request;
  const hash = contentHash(exception);
  const stale = voidableApprovals(request.approvals, hash);
  if (stale.length === 0) return { kind: 'nothing-stale' };

  const facts = await approvedFacts(deps.auditTrail, exception.key, new Set(stale.map((approval) => approval.contentHash)));
  const { command, judged } = commandFor(exception, facts);
  const decision = decideTransition(judged, command, { actor: systemActor(VOIDING_JOB), now, policy: deps.policy, approvals: request.approvals });
  if (!decision.ok) return { kind: 'not-applicable', reason: decision.error.message };

  const via = command.action === 're-rate' ? 're-rate' : 'void';
  const voided = decision.value.approvalsToVoid;
  const changedFields = facts?.digests === undefined ? null : fieldsChangedSince(facts.digests, exception);
  const wasActive = exception.status === 'active';
  const comment = voidedNotice({
    exception,
    changedFields,
    voided,
    ...(via === 're-rate' && facts !== null ? { raisedFrom: facts.tier } : {}),
    requiredLevels: requiredLevels(exception, deps.policy).levels,
    wasActive,
    policy: deps.policy,
  });

  const noticeKey = `void-notice:${exception.key}:${hash}`;
  if ((await deps.ledger.recordOnce({ key: noticeKey, kind: decision.value.event.type, issueKey: exception.key, at: now })) === 'recorded') {
    const told = wasActive ? await deps.transitions.returnForApproval(exception.key, via, comment) : await deps.annotations.addComment(exception.key, comment);
    if (!told.ok) {
      await deps.ledger.release(noticeKey);
      return { kind: 'failed', failure: told.error };
    }
  }
  await appendAuditOnce(deps, `void:${exception.key}:${hash}`, {
    at: now,
    actor: decision.value.event.actor,
    action: decision.value.event.type,
    issueKey: exception.key,
    payload: {
      from: exception.status,
      to: decision.value.to,
      contentHash: hash,
      editor: request.editor ?? null,
      changedFields: changedFields ?? null,
      ...(via === 're-rate' && facts !== null ? { fromTier: facts.tier, toTier: exception.tier } : {}),
      voidedApprovals: voided.map((approval) => ({ levelId: approval.levelId, approver: approval.approver, decision: approval.decision, contentHash: approval.contentHash })),
    },
  });
  const count = await deps.approvals.voidStale(exception.key, hash, now);
  return { kind: 'voided', via, voided: count, changedFields, returned: wasActive };
};
