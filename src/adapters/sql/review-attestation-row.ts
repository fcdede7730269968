import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { RecordedReviewAttestation } from '../../app/ports/review-attestation-repository';
import { optionalText, toDbInstant } from './db-values';
import { parseRow } from './sql-errors';
import type { ReviewAttestationsTable } from './schema';

/** Pure mapping between quarterly review attestations and rows. */
export const attestationRowOf = (attestation: RecordedReviewAttestation): Insertable<ReviewAttestationsTable> => ({
  issue_key: attestation.issueKey,
  quarter: attestation.quarter,
  reviewer: attestation.reviewer,
  attested_at: toDbInstant(attestation.attestedAt),
  outcome: attestation.outcome,
  note: attestation.note ?? null,
});

const attestationRowSchema = z
  .object({
    issue_key: z.string(),
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
    reviewer: z.string(),
    attested_at: z.string(),
    outcome: z.enum(['still-required', 'revoke']),
    note: optionalText,
  })
  .transform(
    (row): RecordedReviewAttestation => ({
      issueKey: row.issue_key,
      quarter: row.quarter,
      reviewer: row.reviewer,
      attestedAt: row.attested_at,
      outcome: row.outcome,
      ...(row.note === undefined ? {} : { note: row.note }),
    }),
  );

export const attestationOf = (row: unknown): RecordedReviewAttestation => parseRow(attestationRowSchema, row, 'review_attestations');
