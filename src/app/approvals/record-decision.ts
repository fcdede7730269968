/**
 * Recording what people decide at the workflow's transitions: approvals and rejections in the approvals table, and
 * every decision in the audit chain, with who, which level, the content hash and when.
 *
 * Why a workflow post function (`jira:workflowPostFunction`) and not the issue-updated trigger: an approval is a
 * self-transition (Awaiting Approval to Awaiting Approval), so its changelog has no status change, and Jira
 * records no change at all when nothing else was edited. The trigger would learn neither that an approval happened
 * nor which level it was for. The post function runs after every successful transition it is configured on, and
 * its event carries exactly what recording needs: the transition, its configuration (the action and the level,
 * set by project set-up), the person (`atlassianId`), the transition's comment, and an `executionId` shared by
 * one transition's post functions, which serves as the idempotency key because the platform retries post
 * functions like product events. The trigger keeps doing what only it can: re-projecting edits, voiding
 * approvals whose content changed, and flagging transitions that bypassed the validators.
 *
 * The decision is re-derived from the issue as it is now, with the status it left, through the same lifecycle rules
 * the validator applied: an approval the rules would refuse (the validator was removed from the transition, say)
 * is audited as not counted and never recorded, so it can not make up a quorum.
 */
import type { Approval } from '../../domain/approval/approval';
import type { ActiveExceptionCounts } from '../../domain/approval/concurrency-limits';
import type { JsonValue } from '../../domain/audit/audit-entry';
import { contentHash } from '../../domain/exception/content-hash';
import type { Status } from '../../domain/exception/security-exception';
import { decideTransition } from '../../domain/lifecycle/decide-transition';
import type { LifecycleAction, LifecycleEventType, TransitionCommand, TransitionDecision } from '../../domain/lifecycle/lifecycle-types';
import { appendAuditOnce } from '../projection/audit-once';
import { projectFoundIssue, type ProjectionDeps } from '../projection/project-issue';
import type { GroupDirectory, RemoteFailure } from '../projection/projection-ports';
import { describeProblems, readExceptionIssue } from '../projection/read-exception-issue';
import type { FieldSync } from '../projection/sync-computed-fields';
import { asReviewedBy } from './acting-reviewer';
import { contentDigests } from './approved-content';
import type { IssueCommentReader } from './decision-ports';

export type RecordDecisionDeps = ProjectionDeps & {
  readonly groups: GroupDirectory;
  readonly comments: IssueCommentReader;
};

export type DecisionMade = {
  readonly issueKey: string;
  /** The lifecycle action the transition stands for, from the post function's configuration. */
  readonly action: LifecycleAction;
  readonly levelId?: string;
  /** Who made the transition. */
  readonly actor: string;
  /** The status the transition left; absent when the issue stayed where it was (an approval). */
  readonly leftStatus?: Status;
  /** Shared by the post functions of one transition and kept across the platform's retries. */
  readonly executionId: string;
  /** The comment entered on the transition, if any. */
  readonly commentId?: string;
  /** ISO instant the decision is recorded at. */
  readonly now: string;
};

export type RecordDecisionOutcome =
  | {
      readonly kind: 'recorded';
      readonly event: LifecycleEventType;
      readonly approval: 'recorded' | 'already-recorded' | 'none';
      /** How the issue's computed fields (the approval state) were brought in step; absent when no entry was re-projected. */
      readonly fields?: FieldSync;
    }
  /** A redelivery of a decision already recorded. */
  | { readonly kind: 'already-recorded' }
  /** The transition happened, but the rules refuse it: nothing of it counts. */
  | { readonly kind: 'not-counted'; readonly code: string; readonly message: string }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'failed'; readonly failure: RemoteFailure };

/** Actions only the register takes never reach the recorder: set-up puts it on the transitions people take. */
const REGISTER_ONLY: readonly LifecycleAction[] = ['expire', 'supersede', 're-rate', 'void'];

/**
 * The validator counted active exceptions when the transition was made; counted now, the exception would count
 * itself. The recorder therefore judges activation on its approvals, controls and expiry only.
 */
const COUNTED_AT_TRANSITION: ActiveExceptionCounts = { perAsset: {}, perBusinessUnit: 0 };

const commandOf = (made: DecisionMade, reason: string | undefined): TransitionCommand | null => {
  const withReason = reason === undefined ? {} : { reason };
  switch (made.action) {
    case 'approve':
      return { action: 'approve', ...(made.levelId === undefined ? {} : { levelId: made.levelId }), ...withReason };
    case 'activate':
      return { action: 'activate', active: COUNTED_AT_TRANSITION, ...withReason };
    case 'expire':
    case 'supersede':
    case 're-rate':
    case 'void':
      return null;
    default:
      return { action: made.action, ...withReason };
  }
};

/** A retried delivery may find the decision it recorded itself; it must not stand in the way of recording it again. */
const isOwnRecord = (approval: Approval, made: DecisionMade, hash: string): boolean =>
  approval.approver === made.actor &&
  approval.contentHash === hash &&
  ((made.action === 'approve' && approval.decision === 'approved' && approval.levelId === made.levelId) ||
    (made.action === 'reject' && approval.decision === 'rejected'));

const withoutOwnDecision = (approvals: readonly Approval[], made: DecisionMade, hash: string): Approval[] =>
  approvals.filter((approval) => !isOwnRecord(approval, made, hash));

const auditKey = (made: DecisionMade): string => `decision:${made.issueKey}:${made.executionId}`;

const decisionPayload = (made: DecisionMade, decision: TransitionDecision, tier: string, digests: JsonValue | null): JsonValue => ({
  executionId: made.executionId,
  from: decision.from,
  to: decision.to,
  contentHash: decision.event.contentHash,
  tier,
  ...(decision.event.reason === undefined ? {} : { reason: decision.event.reason }),
  ...(decision.approvalToRecord === undefined
    ? {}
    : { approval: { levelId: decision.approvalToRecord.levelId, decision: decision.approvalToRecord.decision } }),
  ...(digests === null ? {} : { approvedContent: digests }),
  details: decision.event.details,
});

export const recordDecision = async (deps: RecordDecisionDeps, made: DecisionMade): Promise<RecordDecisionOutcome> => {
  if (REGISTER_ONLY.includes(made.action)) return { kind: 'skipped', reason: `"${made.action}" is the register's own step, not a decision people make` };
  if (await deps.ledger.has(auditKey(made))) return { kind: 'already-recorded' };

  const lookup = await deps.issues.get(made.issueKey);
  if (lookup.kind === 'failed') return { kind: 'failed', failure: lookup.failure };
  if (lookup.kind === 'gone') return { kind: 'skipped', reason: 'the issue is no longer in Jira' };
  const reading = readExceptionIssue(lookup.issue, deps.policy, null);
  if (reading.kind === 'incomplete') return { kind: 'skipped', reason: `it cannot be read as an exception: ${describeProblems(reading.problems)}` };

  const groups = await deps.groups.groupsOf(made.actor);
  if (!groups.ok) return { kind: 'failed', failure: groups.error };
  let reason: string | undefined;
  if (made.commentId !== undefined) {
    const text = await deps.comments.textOf(made.issueKey, made.commentId);
    if (!text.ok) return { kind: 'failed', failure: text.error };
    reason = text.value;
  }
  const command = commandOf(made, reason);
  if (command === null) return { kind: 'skipped', reason: `"${made.action}" is the register's own step, not a decision people make` };

  const actor = { accountId: made.actor, groups: groups.value };
  const hash = contentHash(reading.exception);
  const approvals = withoutOwnDecision(await deps.approvals.forIssue(made.issueKey), made, hash);
  const before = asReviewedBy({ ...reading.exception, status: made.leftStatus ?? reading.exception.status }, actor, deps.policy);
  const decision = decideTransition(before, command, { actor, now: made.now, policy: deps.policy, approvals });

  if (!decision.ok) {
    await appendAuditOnce(deps, auditKey(made), {
      at: made.now,
      actor: made.actor,
      action: 'exception.decision-not-counted',
      issueKey: made.issueKey,
      payload: {
        executionId: made.executionId,
        attemptedAction: made.action,
        ...(made.levelId === undefined ? {} : { levelId: made.levelId }),
        contentHash: hash,
        code: decision.error.code,
        message: decision.error.message,
      },
    });
    return { kind: 'not-counted', code: decision.error.code, message: decision.error.message };
  }

  const { approvalToRecord } = decision.value;
  const approval = approvalToRecord === undefined ? 'none' : await deps.approvals.record(made.issueKey, approvalToRecord);
  await appendAuditOnce(deps, auditKey(made), {
    at: made.now,
    actor: made.actor,
    action: decision.value.event.type,
    issueKey: made.issueKey,
    payload: decisionPayload(made, decision.value, reading.exception.tier, approvalToRecord === undefined ? null : contentDigests(reading.exception)),
  });
  // An approval changes no field, so no issue event follows it: the register entry and the approval state field
  // are brought up to date here.
  const { result } = await projectFoundIssue(deps, lookup.issue, made.now);
  const fields = result.kind === 'projected' ? result.fields : undefined;
  return { kind: 'recorded', event: decision.value.event.type, approval, ...(fields === undefined ? {} : { fields }) };
};
