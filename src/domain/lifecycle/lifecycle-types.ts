import type { Actor, Approval } from '../approval/approval';
import type { ActivationErrorCode, ApprovalErrorCode, ConcurrencyErrorCode, PeerReviewErrorCode } from '../approval/approval-codes';
import type { ActiveExceptionCounts } from '../approval/concurrency-limits';
import type { JsonValue } from '../audit/audit-entry';
import type { RiskRelevantContent } from '../exception/content-hash';
import type { SecurityException, Status, Tier } from '../exception/security-exception';
import type { Policy } from '../policy/policy-config';

export const LIFECYCLE_ACTIONS = [
  'submit',
  'start-review',
  'complete-review',
  'approve',
  'activate',
  'reject',
  'withdraw',
  'revoke',
  'remediate',
  'expire',
  'supersede',
  're-rate',
  'void',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

type CommandPayload = {
  submit: object;
  'start-review': object;
  'complete-review': object;
  /** Without a level id the next level waiting is approved. */
  approve: { readonly levelId?: string };
  /** Counts of other active exceptions, so activation respects the concurrency limits. */
  activate: { readonly active: ActiveExceptionCounts };
  reject: object;
  withdraw: object;
  revoke: object;
  remediate: object;
  expire: object;
  /** The renewal whose activation supersedes this exception. */
  supersede: { readonly renewalKey: string };
  /** The tier the risk engine now computes. */
  're-rate': { readonly tier: Tier };
  /** The content as it was approved, when known, so the event can say what changed. */
  void: { readonly previous?: RiskRelevantContent };
};

/** What someone asks the lifecycle to do; every command may carry a reason for the audit trail. */
export type TransitionCommand = {
  [A in LifecycleAction]: { readonly action: A; readonly reason?: string } & CommandPayload[A];
}[LifecycleAction];
export type CommandFor<A extends LifecycleAction> = Extract<TransitionCommand, { action: A }>;

export type TransitionContext = {
  readonly actor: Actor;
  /** ISO-8601 instant of the decision. */
  readonly now: string;
  readonly policy: Policy;
  /** Every approval record of the exception, voided ones included. */
  readonly approvals: readonly Approval[];
};

export type LifecycleEventType =
  | 'exception.submitted'
  | 'exception.review-started'
  | 'exception.review-completed'
  | 'exception.approved'
  | 'exception.activated'
  | 'exception.rejected'
  | 'exception.withdrawn'
  | 'exception.revoked'
  | 'exception.remediated'
  | 'exception.expired'
  | 'exception.superseded'
  | 'exception.re-rated'
  | 'exception.approvals-voided';

/** One lifecycle fact, shaped for the audit chain: the content hash records exactly what was decided on. */
export type LifecycleEvent = {
  readonly type: LifecycleEventType;
  readonly issueKey: string;
  /** An account id, or `system:<job>`. */
  readonly actor: string;
  readonly at: string;
  readonly reason?: string;
  readonly contentHash: string;
  readonly details: { readonly [key: string]: JsonValue };
};

/** The exception fields a transition sets; everything else stays as it was. */
export type ExceptionPatch = { readonly status: Status } & Partial<
  Pick<SecurityException, 'statusChangedAt' | 'submittedAt' | 'peerReviewer' | 'activatedAt' | 'expiresOn' | 'tier'>
>;

export type TransitionDecision = {
  readonly from: Status;
  readonly to: Status;
  readonly action: LifecycleAction;
  readonly event: LifecycleEvent;
  readonly patch: ExceptionPatch;
  /** The approval (or an approver's rejection) to store with the transition. */
  readonly approvalToRecord?: Approval;
  /** Approvals that stop counting with this transition; the caller sets their `voidedAt` to the event time. */
  readonly approvalsToVoid: readonly Approval[];
};

export type LifecycleErrorCode =
  | 'LIFECYCLE.NOT_ALLOWED_FROM_STATUS'
  | 'LIFECYCLE.REASON_REQUIRED'
  | 'LIFECYCLE.ONLY_REQUESTER_MAY_SUBMIT'
  | 'LIFECYCLE.ONLY_REQUESTER_MAY_WITHDRAW'
  | 'LIFECYCLE.ONLY_PEER_REVIEWER_MAY_COMPLETE_REVIEW'
  | 'LIFECYCLE.ONLY_SECURITY_LEAD_MAY_REVOKE'
  | 'LIFECYCLE.NOT_PERMITTED'
  | 'LIFECYCLE.SYSTEM_ONLY'
  | 'LIFECYCLE.SYSTEM_REJECTS_ONLY_ON_TIMEOUT'
  | 'LIFECYCLE.NOT_YET_EXPIRED'
  | 'LIFECYCLE.INVALID_RENEWAL_KEY'
  | 'LIFECYCLE.TIER_NOT_RAISED'
  | 'LIFECYCLE.NOTHING_TO_VOID'
  | ApprovalErrorCode
  | ActivationErrorCode
  | PeerReviewErrorCode
  | ConcurrencyErrorCode;
