import type { Status } from '../exception/security-exception';
import { LIFECYCLE_ACTIONS, type LifecycleAction, type LifecycleErrorCode, type LifecycleEventType } from './lifecycle-types';

/** Who may perform an action; resolved against the exception, the policy and the approvals in actor-roles.ts. */
export type Role =
  | 'requester'
  | 'asset-owner'
  | 'peer-review-group'
  | 'peer-reviewer'
  | 'level-approver'
  | 'pending-level-approver'
  | 'final-level-approver'
  | 'security-lead'
  | 'system';

export type TransitionRule = {
  readonly action: LifecycleAction;
  readonly from: readonly Status[];
  readonly to: Status;
  readonly event: LifecycleEventType;
  /** Holding any one of these roles is enough. */
  readonly performedBy: readonly Role[];
  readonly reason: 'required' | 'optional';
  /** Code when the actor holds none of the roles (roles with rules of their own answer with their own code). */
  readonly deniedCode: LifecycleErrorCode;
  /** Completes "Only ... may <verb> SEC-1." */
  readonly verb: string;
  /** What the refused person can do instead. */
  readonly instead: string;
};

/** The whole lifecycle in one place: every status change the register makes is a row here. */
export const TRANSITIONS: { readonly [A in LifecycleAction]: Omit<TransitionRule, 'action'> } = {
  submit: {
    from: ['draft'],
    to: 'submitted',
    event: 'exception.submitted',
    performedBy: ['requester'],
    reason: 'optional',
    deniedCode: 'LIFECYCLE.ONLY_REQUESTER_MAY_SUBMIT',
    verb: 'submit',
    instead: 'Ask the requester to submit it.',
  },
  'start-review': {
    from: ['submitted'],
    to: 'risk-review',
    event: 'exception.review-started',
    performedBy: ['peer-review-group'],
    reason: 'optional',
    deniedCode: 'LIFECYCLE.NOT_PERMITTED',
    verb: 'start the risk review of',
    instead: 'Ask a member of the peer review group to pick it up.',
  },
  'complete-review': {
    from: ['risk-review'],
    to: 'awaiting-approval',
    event: 'exception.review-completed',
    performedBy: ['peer-reviewer'],
    reason: 'optional',
    deniedCode: 'LIFECYCLE.ONLY_PEER_REVIEWER_MAY_COMPLETE_REVIEW',
    verb: 'complete the risk review of',
    instead: 'Ask the peer reviewer who started the review to complete it.',
  },
  approve: {
    from: ['awaiting-approval'],
    to: 'awaiting-approval',
    event: 'exception.approved',
    performedBy: ['level-approver'],
    reason: 'optional',
    deniedCode: 'LIFECYCLE.NOT_PERMITTED',
    verb: 'approve',
    instead: 'Ask an approver of the level that is waiting.',
  },
  activate: {
    from: ['awaiting-approval'],
    to: 'active',
    event: 'exception.activated',
    performedBy: ['final-level-approver', 'system'],
    reason: 'optional',
    deniedCode: 'LIFECYCLE.NOT_PERMITTED',
    verb: 'activate',
    instead: 'Ask an approver of its last level to activate it once every level has approved.',
  },
  reject: {
    from: ['submitted', 'risk-review', 'awaiting-approval'],
    to: 'rejected',
    event: 'exception.rejected',
    performedBy: ['pending-level-approver', 'peer-reviewer', 'system'],
    reason: 'required',
    deniedCode: 'LIFECYCLE.NOT_PERMITTED',
    verb: 'reject',
    instead: 'If you requested it, withdraw it instead; otherwise comment on the issue for the approvers.',
  },
  withdraw: {
    from: ['draft', 'submitted', 'risk-review', 'awaiting-approval'],
    to: 'withdrawn',
    event: 'exception.withdrawn',
    performedBy: ['requester'],
    reason: 'optional',
    deniedCode: 'LIFECYCLE.ONLY_REQUESTER_MAY_WITHDRAW',
    verb: 'withdraw',
    instead: 'Ask the requester to withdraw it; an approver of the waiting level can reject it with a reason instead.',
  },
  revoke: {
    from: ['active'],
    to: 'revoked',
    event: 'exception.revoked',
    performedBy: ['security-lead'],
    reason: 'required',
    deniedCode: 'LIFECYCLE.ONLY_SECURITY_LEAD_MAY_REVOKE',
    verb: 'revoke',
    instead: 'Ask a security lead to revoke it; if the underlying issue is fixed, the requester or asset owner can mark it remediated.',
  },
  remediate: {
    from: ['active'],
    to: 'remediated',
    event: 'exception.remediated',
    performedBy: ['requester', 'asset-owner', 'security-lead'],
    reason: 'optional',
    deniedCode: 'LIFECYCLE.NOT_PERMITTED',
    verb: 'mark as remediated',
    instead: 'Ask one of them to record the remediation.',
  },
  expire: {
    from: ['active'],
    to: 'expired',
    event: 'exception.expired',
    performedBy: ['system'],
    reason: 'optional',
    deniedCode: 'LIFECYCLE.SYSTEM_ONLY',
    verb: 'expire',
    instead: 'The register expires exceptions itself once their expiry day has passed; to end one earlier, revoke or remediate it.',
  },
  supersede: {
    from: ['active', 'expired'],
    to: 'superseded',
    event: 'exception.superseded',
    performedBy: ['system'],
    reason: 'optional',
    deniedCode: 'LIFECYCLE.SYSTEM_ONLY',
    verb: 'supersede',
    instead: 'The register supersedes an exception itself when its renewal activates.',
  },
  're-rate': {
    from: ['active', 'awaiting-approval'],
    to: 'awaiting-approval',
    event: 'exception.re-rated',
    performedBy: ['system'],
    reason: 'optional',
    deniedCode: 'LIFECYCLE.SYSTEM_ONLY',
    verb: 're-rate',
    instead: 'The register re-rates exceptions itself when their risk inputs change; edit the risk inputs to trigger it.',
  },
  void: {
    from: ['active', 'awaiting-approval'],
    to: 'awaiting-approval',
    event: 'exception.approvals-voided',
    performedBy: ['system'],
    reason: 'optional',
    deniedCode: 'LIFECYCLE.SYSTEM_ONLY',
    verb: 'void the approvals of',
    instead: 'The register voids approvals itself when risk-relevant content changes after approval.',
  },
};

export const transitionRule = (action: LifecycleAction): TransitionRule => ({ action, ...TRANSITIONS[action] });

/** Actions the table allows from `status`, whoever asks. */
export const actionsFrom = (status: Status): LifecycleAction[] =>
  LIFECYCLE_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status));
