import type { Approval } from '../../domain/approval/approval';

/**
 * Recorded approval decisions. A post-function or trigger may deliver the same decision twice, so a
 * decision is stored once per (issue, level, approver, content hash); the second delivery is reported,
 * not duplicated.
 */
export interface ApprovalRepository {
  record(issueKey: string, approval: Approval): Promise<'recorded' | 'already-recorded'>;
  /** Every decision on the issue, voided ones included, in the order they were taken. */
  forIssue(issueKey: string): Promise<Approval[]>;
  /**
   * Voids the issue's standing approvals bound to any content hash other than `currentContentHash`, because
   * the risk-relevant fields changed after they were given. Returns how many were voided (0 when replayed).
   */
  voidStale(issueKey: string, currentContentHash: string, at: string): Promise<number>;
}
