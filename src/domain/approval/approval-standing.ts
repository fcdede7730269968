import { contentHash } from '../exception/content-hash';
import type { SecurityException } from '../exception/security-exception';
import type { ApprovalLevel, Policy } from '../policy/policy-config';
import type { Approval } from './approval';
import { requiredLevels } from './required-levels';

/** Where one required level stands: the approval that counts for it, if any. */
export type LevelStanding = { readonly level: ApprovalLevel; readonly approval: Approval | null };

const isLiveApproval = (approval: Approval): boolean => approval.decision === 'approved' && approval.voidedAt === undefined;

/** Not yet voided but bound to other content: the records to void when risk-relevant content changed. */
export const voidableApprovals = (approvals: readonly Approval[], currentHash: string): Approval[] =>
  approvals.filter((approval) => approval.voidedAt === undefined && approval.contentHash !== currentHash);

/** Approvals someone gave to content that has since changed; they must not count and need re-approval. */
export const staleApprovals = (approvals: readonly Approval[], currentHash: string): Approval[] =>
  voidableApprovals(approvals, currentHash).filter((approval) => approval.decision === 'approved');

/**
 * Which approval counts for each required level. Only live approvals bound to the current content count,
 * never the requester's, and a person counts for one level only, so a corrupted or hand-edited record can
 * not make a quorum that the approval rules would have refused.
 */
export const levelStandings = (exception: SecurityException, approvals: readonly Approval[], policy: Policy): LevelStanding[] => {
  const currentHash = contentHash(exception);
  const counting = approvals.filter(
    (approval) => isLiveApproval(approval) && approval.contentHash === currentHash && approval.approver !== exception.requester,
  );
  const used = new Set<string>();
  return requiredLevels(exception, policy).levels.map((level) => {
    const approval = counting.find((a) => a.levelId === level.id && !used.has(a.approver)) ?? null;
    if (approval !== null) used.add(approval.approver);
    return { level, approval };
  });
};

/** The first required level still waiting for its approver; null once the quorum is complete. */
export const nextPendingLevel = (exception: SecurityException, approvals: readonly Approval[], policy: Policy): ApprovalLevel | null =>
  levelStandings(exception, approvals, policy).find((standing) => standing.approval === null)?.level ?? null;

export const quorumComplete = (exception: SecurityException, approvals: readonly Approval[], policy: Policy): boolean =>
  nextPendingLevel(exception, approvals, policy) === null;
