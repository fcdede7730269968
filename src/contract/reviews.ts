import { z } from 'zod';
import {
  boundedText,
  cursorSchema,
  isoDateSchema,
  isoDateTimeSchema,
  issueKeySchema,
  nextCursorSchema,
  pageSizeSchema,
  personSchema,
  quarterSchema,
} from './primitives';
import { TIERS } from './vocabulary';

/** Quarterly review of every active exception (SEC-PROC-009 step 4): the queue and the attestation. */

export const reviewsQueueRequestSchema = z.object({
  /** Defaults on the server to the current quarter in the policy's time zone. */
  quarter: quarterSchema.optional(),
  /** Include exceptions already attested this quarter. */
  includeAttested: z.boolean().default(false),
  cursor: cursorSchema.optional(),
  pageSize: pageSizeSchema(100, 25),
});
export type ReviewsQueueRequest = z.input<typeof reviewsQueueRequestSchema>;

export const REVIEW_OUTCOMES = ['still-required', 'revoke'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const attestationViewSchema = z.object({
  quarter: quarterSchema,
  reviewer: personSchema,
  attestedAt: isoDateTimeSchema,
  outcome: z.enum(REVIEW_OUTCOMES),
  note: z.string().max(4000).nullable(),
});
export type AttestationView = z.infer<typeof attestationViewSchema>;

export const reviewQueueItemSchema = z.object({
  key: issueKeySchema,
  title: boundedText(255),
  tier: z.enum(TIERS),
  owner: personSchema,
  expiresOn: isoDateSchema.nullable(),
  /** The day this quarter's attestation is due (quarter start plus the policy's grace days). */
  dueOn: isoDateSchema,
  overdue: z.boolean(),
  /** This quarter's attestation, when there is one. */
  attestation: attestationViewSchema.nullable(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

export const reviewsQueueResponseSchema = z.object({
  quarter: quarterSchema,
  items: z.array(reviewQueueItemSchema).max(100),
  total: z.number().int().min(0),
  nextCursor: nextCursorSchema,
});
export type ReviewsQueue = z.infer<typeof reviewsQueueResponseSchema>;

/**
 * One attestation per exception and quarter; the first one stands. Any "no" answer records the outcome
 * `revoke` and needs a note saying what was found, so the revocation that follows is explained.
 */
export const reviewsAttestRequestSchema = z
  .object({
    issueKey: issueKeySchema,
    quarter: quarterSchema,
    stillValid: z.boolean(),
    stillNecessary: z.boolean(),
    controlsInPlace: z.boolean(),
    note: z.string().trim().max(4000).optional(),
  })
  .refine((a) => (a.stillValid && a.stillNecessary && a.controlsInPlace) || (a.note ?? '').length > 0, {
    message: 'say what the review found: a note is required when any answer is no',
    path: ['note'],
  });
export type ReviewsAttestRequest = z.input<typeof reviewsAttestRequestSchema>;

export const attestationOutcome = (a: { stillValid: boolean; stillNecessary: boolean; controlsInPlace: boolean }): ReviewOutcome =>
  a.stillValid && a.stillNecessary && a.controlsInPlace ? 'still-required' : 'revoke';

export const reviewsAttestResponseSchema = z.object({
  issueKey: issueKeySchema,
  /** `already-recorded` when someone attested this quarter first: `attestation` is theirs. */
  recorded: z.enum(['recorded', 'already-recorded']),
  attestation: attestationViewSchema,
  nextReviewDue: isoDateSchema.nullable(),
});
export type ReviewsAttestResponse = z.infer<typeof reviewsAttestResponseSchema>;
