import type { SecurityException } from '../exception/security-exception';
import type { Policy } from '../policy/policy-config';
import { ok, refuse, type Result } from '../shared/result';
import type { Actor } from './approval';
import type { PeerReviewErrorCode } from './approval-codes';

/** Whether `actor` may sign off the risk assessment: an independent member of the peer review group. */
export const evaluatePeerReview = (
  exception: Pick<SecurityException, 'key' | 'requester'>,
  actor: Actor,
  policy: Policy,
): Result<{ reviewer: string }, PeerReviewErrorCode> => {
  const { group } = policy.peerReview;
  if (actor.accountId === exception.requester)
    return refuse(
      'APPROVAL.PEER_REVIEWER_IS_REQUESTER',
      `You requested ${exception.key}, so you cannot review its risk assessment: the review must be independent of the requester. ` +
        `Ask another member of ${group} to review it.`,
    );
  if (!actor.groups.includes(group))
    return refuse(
      'APPROVAL.NOT_IN_PEER_REVIEW_GROUP',
      `Risk reviews are done by members of the Jira group "${group}", and you are not one. ` +
        `Ask a member of ${group} to review ${exception.key}, or a Jira administrator to add you if you hold this role.`,
    );
  return ok({ reviewer: actor.accountId });
};
