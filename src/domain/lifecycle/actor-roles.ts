import { isSystemActor } from '../approval/approval';
import { nextPendingLevel } from '../approval/approval-standing';
import { evaluateApproval } from '../approval/evaluate-approval';
import { evaluatePeerReview } from '../approval/peer-review';
import { requiredLevels } from '../approval/required-levels';
import type { SecurityException } from '../exception/security-exception';
import { levelsForTier, type ApprovalLevel, type Policy } from '../policy/policy-config';
import { ok, refuse, type Err, type Result } from '../shared/result';
import type { LifecycleErrorCode, TransitionContext } from './lifecycle-types';
import type { Role, TransitionRule } from './transition-table';

export type RoleContext = TransitionContext & { readonly levelId?: string };

/** true: holds the role; false: does not; a refusal: does not, for a reason of the role's own worth telling. */
type RoleCheck = (exception: SecurityException, context: RoleContext) => boolean | Err<LifecycleErrorCode>;

const heldOr = (result: Result<unknown, LifecycleErrorCode>): true | Err<LifecycleErrorCode> => (result.ok ? true : result);

/** The level every tier starts with: the security lead in the design's policy table. */
export const securityLeadLevel = (policy: Policy): ApprovalLevel => {
  const first = levelsForTier(policy, 'low')[0];
  // The policy schema requires at least one level per tier.
  if (first === undefined) throw new Error('policy invariant broken: low tier has no levels');
  return first;
};

const finalLevel = (exception: SecurityException, policy: Policy): ApprovalLevel | undefined => requiredLevels(exception, policy).levels.at(-1);

const approverOf = (level: ApprovalLevel | null | undefined, exception: SecurityException, { actor }: RoleContext): boolean =>
  level !== null && level !== undefined && actor.groups.includes(level.group) && actor.accountId !== exception.requester;

const ROLE_CHECKS: { readonly [R in Role]: RoleCheck } = {
  requester: (exception, { actor }) => actor.accountId === exception.requester,
  'asset-owner': (exception, { actor }) => actor.accountId === exception.assetOwner,
  'peer-review-group': (exception, { actor, policy }) => heldOr(evaluatePeerReview(exception, actor, policy)),
  'peer-reviewer': (exception, { actor, policy }) =>
    actor.accountId === exception.peerReviewer && heldOr(evaluatePeerReview(exception, actor, policy)),
  'level-approver': (exception, { actor, policy, now, approvals, levelId }) =>
    heldOr(evaluateApproval(exception, approvals, actor, policy, now, levelId)),
  'pending-level-approver': (exception, context) =>
    approverOf(nextPendingLevel(exception, context.approvals, context.policy), exception, context),
  'final-level-approver': (exception, context) => approverOf(finalLevel(exception, context.policy), exception, context),
  'security-lead': (_exception, { actor, policy }) => actor.groups.includes(securityLeadLevel(policy).group),
  system: (_exception, { actor }) => isSystemActor(actor),
};

const describeLevelApprover = (level: ApprovalLevel | null | undefined, fallback: string): string =>
  level === null || level === undefined ? fallback : `a ${level.name} approver (group ${level.group})`;

const describeRole = (role: Role, exception: SecurityException, { policy, approvals }: RoleContext): string => {
  switch (role) {
    case 'requester':
      return `the requester (${exception.requester})`;
    case 'asset-owner':
      return `the asset owner (${exception.assetOwner})`;
    case 'peer-review-group':
      return `an independent member of ${policy.peerReview.group}`;
    case 'peer-reviewer':
      return exception.peerReviewer === undefined ? 'the peer reviewer' : `the peer reviewer (${exception.peerReviewer})`;
    case 'level-approver':
      return 'an approver of the level that is waiting';
    case 'pending-level-approver':
      return describeLevelApprover(nextPendingLevel(exception, approvals, policy), 'an approver of the level that is waiting');
    case 'final-level-approver':
      return describeLevelApprover(finalLevel(exception, policy), 'an approver of the last level');
    case 'security-lead':
      return `a security lead (group ${securityLeadLevel(policy).group})`;
    case 'system':
      return 'the register itself';
  }
};

const joinAlternatives = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;

/** Whether the actor holds one of the roles the rule names; the refusal says who may act instead. */
export const authorize = (rule: TransitionRule, exception: SecurityException, context: RoleContext): Result<true, LifecycleErrorCode> => {
  const outcomes = rule.performedBy.map((role) => ROLE_CHECKS[role](exception, context));
  if (outcomes.includes(true)) return ok(true);
  const specific = outcomes.find((outcome): outcome is Err<LifecycleErrorCode> => typeof outcome !== 'boolean');
  if (specific !== undefined) return specific;
  const who = joinAlternatives(rule.performedBy.map((role) => describeRole(role, exception, context)));
  return refuse(rule.deniedCode, `Only ${who} may ${rule.verb} ${exception.key}. ${rule.instead}`);
};
