import type { Approval } from '../../domain/approval/approval';
import type { ActiveExceptionCounts } from '../../domain/approval/concurrency-limits';
import type { SecurityException } from '../../domain/exception/security-exception';

/**
 * What the activation check reads from the register: the decisions recorded on the issue (the quorum) and the active
 * exceptions its concurrency limits compare. A validator has one SQL query to spend, so a store answers both in one
 * statement; a storage failure is thrown, for the check to fail closed on.
 */
export type ActivationQuery = {
  readonly issueKey: string;
  readonly assetIds: readonly string[];
  readonly businessUnit: string;
};

export type ActivationEvidence = {
  /** Every decision on the issue, voided ones included, in the order they were taken. */
  readonly approvals: Approval[];
  /**
   * Active exceptions on each distinct asset and in the business unit, neither the issue itself nor the exception
   * its register entry renews counted (see `ConcurrencyQuery`).
   */
  readonly active: ActiveExceptionCounts;
};

export interface ActivationEvidenceSource {
  activationEvidence(query: ActivationQuery): Promise<ActivationEvidence>;
}

export const activationQueryOf = (issueKey: string, exception: Pick<SecurityException, 'assets' | 'businessUnit'>): ActivationQuery => ({
  issueKey,
  assetIds: exception.assets.map((asset) => asset.id),
  businessUnit: exception.businessUnit,
});
