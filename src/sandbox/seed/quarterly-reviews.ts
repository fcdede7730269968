import { envelopeSchema } from '../../contract/envelope';
import { reviewsAttestResponseSchema, reviewsQueueResponseSchema } from '../../contract/reviews';

/**
 * The security leads' quarterly review in the demo history (SEC-PROC-009 step 4): every Monday a lead works through
 * the quarter's review queue on the register page and attests the exceptions that are still needed, as the page's
 * attestation form does. A few are always left unattested, so the register has overdue reviews to show, as real ones do.
 */

export type ResolverCall = (functionKey: string, payload: unknown) => Promise<unknown>;

/** One exception in this many is left unattested. */
const LEFT_OVERDUE_ONE_IN = 7;
const MONDAY = 1;

/** Weekly, so exceptions activated during a quarter are reviewed well within the policy's grace days too. */
export const isReviewDay = (now: Date): boolean => now.getUTCDay() === MONDAY;

/** Deterministic, so the same plan leaves the same exceptions overdue. */
const leftOverdue = (issueKey: string): boolean => Number(issueKey.slice(issueKey.lastIndexOf('-') + 1)) % LEFT_OVERDUE_ONE_IN === 0;

const queueEnvelope = envelopeSchema(reviewsQueueResponseSchema);
const attestEnvelope = envelopeSchema(reviewsAttestResponseSchema);

export class ReviewRefusedError extends Error {
  override readonly name = 'ReviewRefusedError';
}

/** Attests this quarter's queue as the lead the call acts for; returns how many were attested. */
export async function attestQuarter(call: ResolverCall): Promise<number> {
  const due: { key: string; quarter: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = queueEnvelope.parse(await call('reviews/queue', { pageSize: 100, ...(cursor === undefined ? {} : { cursor }) }));
    if (!page.ok) throw new ReviewRefusedError(`the review queue could not be read: ${page.error.message}`);
    due.push(...page.data.items.filter((item) => item.attestation === null).map((item) => ({ key: item.key, quarter: page.data.quarter })));
    cursor = page.data.nextCursor ?? undefined;
  } while (cursor !== undefined);
  let attested = 0;
  for (const item of due.filter((candidate) => !leftOverdue(candidate.key))) {
    const answer = attestEnvelope.parse(
      await call('reviews/attest', { issueKey: item.key, quarter: item.quarter, stillValid: true, stillNecessary: true, controlsInPlace: true }),
    );
    if (!answer.ok) throw new ReviewRefusedError(`the review of ${item.key} was refused: ${answer.error.message}`);
    attested += 1;
  }
  return attested;
}
