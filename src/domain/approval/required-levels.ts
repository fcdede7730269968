import type { SecurityException } from '../exception/security-exception';
import { highestLevel, levelsForTier, type ApprovalLevel, type Policy } from '../policy/policy-config';

export type RequiredLevels = {
  /** In approval order; each needs a distinct person. */
  readonly levels: readonly ApprovalLevel[];
  /** Set when the renewal chain is over its cap: says why the highest level must also approve. */
  readonly renewalNotice?: string;
};

type RenewalSubject = Pick<SecurityException, 'key' | 'tier' | 'renewal'>;

/**
 * Why the renewal chain is over the tier's cap, or null when it is within it. `cumulativeDays` is read as the
 * chain's total including this request, which is how the renewal records it.
 */
export const renewalCapExcess = (exception: RenewalSubject, policy: Policy): string | null => {
  const cap = policy.tiers[exception.tier];
  const { renewalCount, cumulativeDays } = exception.renewal;
  const reasons = [
    renewalCount > cap.maxRenewals ? `it is renewal ${renewalCount} of its chain, above the ${cap.maxRenewals} a ${exception.tier} exception may have` : null,
    cumulativeDays > cap.maxCumulativeDays
      ? `its chain covers ${cumulativeDays} days, above the ${cap.maxCumulativeDays}-day cap for a ${exception.tier} exception`
      : null,
  ].filter((reason): reason is string => reason !== null);
  return reasons.length === 0 ? null : reasons.join(', and ');
};

/**
 * The levels that must approve, in order: the tier's levels, plus the policy's highest level when a renewal
 * chain is over its cap, because repeatedly extending an exception is the policy erosion that level guards.
 */
export const requiredLevels = (exception: RenewalSubject, policy: Policy): RequiredLevels => {
  const levels = levelsForTier(policy, exception.tier);
  const excess = renewalCapExcess(exception, policy);
  if (excess === null) return { levels };
  const top = highestLevel(policy);
  const alreadyRequired = levels.some((level) => level.id === top.id);
  return {
    levels: alreadyRequired ? levels : [...levels, top],
    renewalNotice: `${exception.key} is over the renewal cap: ${excess}. ${
      alreadyRequired ? `Its tier already requires ${top.name} approval, which stays mandatory.` : `It therefore also needs ${top.name} approval (group ${top.group}).`
    }`,
  };
};
