import type { ReviewAttestation } from '../../domain/schedule/due-reviews';
import type { Result } from '../../domain/shared/result';
import type { Page } from './page';

/** A quarterly review of one active exception (SEC-PROC-009 step 4), recorded by a member of the review group. */
export type RecordedReviewAttestation = ReviewAttestation & {
  readonly reviewer: string;
  readonly attestedAt: string;
  /** Whether the exception is still needed and its controls still effective, or should be revoked. */
  readonly outcome: 'still-required' | 'revoke';
  readonly note?: string;
};

export interface ReviewAttestationRepository {
  /** One attestation per exception and quarter: the first one stands. */
  attest(attestation: RecordedReviewAttestation): Promise<'recorded' | 'already-recorded'>;
  forIssue(issueKey: string): Promise<RecordedReviewAttestation[]>;
  /** Attestations of a quarter by issue key, for the review dashboard and the review-due job. */
  forQuarter(quarter: string, limit: number, after?: string): Promise<Result<Page<RecordedReviewAttestation>, 'REVIEW.INVALID_CURSOR'>>;
}
