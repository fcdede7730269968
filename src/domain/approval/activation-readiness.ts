import type { SecurityException } from '../exception/security-exception';
import type { Policy } from '../policy/policy-config';
import { ok, refuse, type Result } from '../shared/result';
import type { Approval } from './approval';
import type { ActivationErrorCode } from './approval-codes';
import { controlsInPlace, expiryNotPassed, expiryWithinTierMaximum, noStaleApprovals } from './approval-rules';
import { levelStandings, type LevelStanding } from './approval-standing';
import { firstRefusal } from './first-refusal';
import { policyDay } from './policy-day';

const quorumOf = (exception: SecurityException, standings: readonly LevelStanding[]): Result<true, 'APPROVAL.QUORUM_INCOMPLETE'> => {
  const pending = standings.filter((s) => s.approval === null).map((s) => s.level);
  return pending.length === 0
    ? ok(true)
    : refuse(
        'APPROVAL.QUORUM_INCOMPLETE',
        `${exception.key} cannot be activated yet: it still needs ${pending.map((l) => `${l.name} approval (group ${l.group})`).join(', then ')}.`,
      );
};

/**
 * Whether the exception may come into force on the day of `now`: every level approved the content as it is
 * now, controls are in force and the expiry fits the tier's maximum counted from the activation day (approval
 * may have happened days earlier, so the limit is checked again here).
 */
export const activationReadiness = (
  exception: SecurityException,
  approvals: readonly Approval[],
  policy: Policy,
  now: string,
): Result<{ standings: LevelStanding[] }, ActivationErrorCode> => {
  const standings = levelStandings(exception, approvals, policy);
  const activationDay = policyDay(now, policy);
  const refusal = firstRefusal<ActivationErrorCode>([
    () => noStaleApprovals(exception, approvals, policy),
    () => quorumOf(exception, standings),
    () => controlsInPlace(exception, policy),
    () => expiryNotPassed(exception, policy, activationDay),
    () => expiryWithinTierMaximum(exception, policy, activationDay),
  ]);
  return refusal ?? ok({ standings });
};
