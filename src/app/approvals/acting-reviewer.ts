import type { Actor } from '../../domain/approval/approval';
import { evaluatePeerReview } from '../../domain/approval/peer-review';
import type { SecurityException } from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';

/**
 * Jira keeps no record of who started a risk review, so the register holds every independent member of the peer
 * review group to the reviewer's rules while the exception is in Risk Review: any of them may complete the review
 * or reject the request, as the workflow validator lets them. Anyone else leaves the exception as it is.
 */
export const asReviewedBy = (exception: SecurityException, actor: Actor, policy: Policy): SecurityException =>
  exception.status === 'risk-review' && evaluatePeerReview(exception, actor, policy).ok ? { ...exception, peerReviewer: actor.accountId } : exception;
