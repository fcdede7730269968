import type { SecurityException } from '../exception/security-exception';
import type { ApprovalLevel, Policy } from '../policy/policy-config';
import { ok, type Result } from '../shared/result';
import type { Actor, Approval } from './approval';
import type { ApprovalErrorCode } from './approval-codes';
import {
  actorInLevelGroup,
  controlsInPlace,
  earlierLevelsComplete,
  expiryNotPassed,
  expiryWithinTierMaximum,
  levelNotYetApproved,
  mustAwaitApproval,
  noStaleApprovals,
  oneLevelPerPerson,
  requesterNeverApproves,
  resolveLevel,
  type ApprovalAttempt,
} from './approval-rules';
import { levelStandings } from './approval-standing';
import { firstRefusal } from './first-refusal';
import { policyDay } from './policy-day';
import { requiredLevels } from './required-levels';

/**
 * Whether `actor` may approve `levelId` (default: the next level waiting) of `exception` at `now`, and if
 * not, the first rule that stands in the way.
 */
export const evaluateApproval = (
  exception: SecurityException,
  approvals: readonly Approval[],
  actor: Actor,
  policy: Policy,
  now: string,
  levelId?: string,
): Result<{ level: ApprovalLevel }, ApprovalErrorCode> => {
  const blockedByState = firstRefusal<ApprovalErrorCode>([() => mustAwaitApproval(exception), () => noStaleApprovals(exception, approvals, policy)]);
  if (blockedByState !== null) return blockedByState;

  const standings = levelStandings(exception, approvals, policy);
  const level = resolveLevel(exception, requiredLevels(exception, policy), standings, levelId);
  if (!level.ok) return level;

  const attempt: ApprovalAttempt = { exception, actor, level: level.value, standings };
  const today = policyDay(now, policy);
  const refusal = firstRefusal<ApprovalErrorCode>([
    () => earlierLevelsComplete(attempt),
    () => levelNotYetApproved(attempt),
    () => requesterNeverApproves(attempt),
    () => actorInLevelGroup(attempt),
    () => oneLevelPerPerson(attempt),
    () => controlsInPlace(exception, policy),
    () => expiryNotPassed(exception, policy, today),
    () => expiryWithinTierMaximum(exception, policy, today),
  ]);
  return refusal ?? ok({ level: level.value });
};
