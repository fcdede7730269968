import { tierRank, type Tier } from '../exception/security-exception';
import type { RiskAssessment } from './risk-assessment';

/** Negative when `a` is the lower tier, zero when equal, positive when higher; usable as a sort comparator. */
export const compareTiers = (a: Tier, b: Tier): number => tierRank(a) - tierRank(b);

/** Whether a re-rating moved the exception to a higher tier than the one it was approved at. */
export const tierRaised = (previous: Tier, next: Tier): boolean => compareTiers(next, previous) > 0;

/**
 * An active exception whose fresh assessment lands in a higher tier was approved by fewer (or lower) approvers than
 * its risk now needs, so it must go back for approval. A lower or equal tier keeps the approvals it has.
 */
export const requiresReapproval = (previousTier: Tier, reassessment: RiskAssessment): boolean =>
  tierRaised(previousTier, reassessment.tier);
