import type { RenewalChain } from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';
import { ok, refuse, type Result } from '../../domain/shared/result';
import type { ExceptionRead } from '../jobs/job-ports';
import type { RenewalIssues } from './renewal-ports';
import { renewalChainOf, renewalSubmissionCheck, type RenewalSubmissionCode } from './renewal-record';

export type SubmissionCheckCode = RenewalSubmissionCode | 'RENEWAL.CANNOT_DECIDE';

/** What the submit validator learns about an issue: no renewal, or a renewal with its chain for the approval rules. */
export type RenewalStanding = { readonly kind: 'not-a-renewal' } | { readonly kind: 'renewal'; readonly chain: RenewalChain };

/**
 * For the submit validator: whether `read` may be submitted as far as renewal is concerned, and the chain the
 * approval rules must apply (requiredLevels adds the highest level over the cap). Fails closed: when the renewal
 * record cannot be read, the answer is a refusal saying so.
 */
export const checkRenewalSubmission = async (
  deps: { readonly renewals: Pick<RenewalIssues, 'readRecord'>; readonly policy: Policy; readonly now: () => string },
  read: Extract<ExceptionRead, { kind: 'exception' }>,
): Promise<Result<RenewalStanding, SubmissionCheckCode>> => {
  const found = await deps.renewals.readRecord(read.exception.key);
  if (!found.ok) {
    return refuse('RENEWAL.CANNOT_DECIDE', `Could not read whether ${read.exception.key} is a renewal; try again in a minute.`);
  }
  if (found.value === null) return ok({ kind: 'not-a-renewal' });
  const checked = renewalSubmissionCheck(found.value, read.exception);
  if (!checked.ok) return checked;
  return ok({ kind: 'renewal', chain: renewalChainOf(found.value, read.exception, deps.now(), deps.policy) });
};
