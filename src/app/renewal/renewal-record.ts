import { z } from 'zod';
import { policyDay } from '../../domain/approval/policy-day';
import { contentHash } from '../../domain/exception/content-hash';
import { accountIdSchema, issueKeySchema, renewalChainSchema, type RenewalChain, type SecurityException } from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';
import { daysBetween } from '../../domain/shared/dates';
import { ok, refuse, type Result } from '../../domain/shared/result';

/**
 * What a renewal issue carries about its chain, as an issue property written in the same request that creates
 * the issue: which exception it renews, where the chain stood before it, and the requester's re-validation of the
 * risk assessment and controls, bound to the content it was given for.
 */
export const RENEWAL_PROPERTY = 'security-exception-register.renewal';

export const reassessmentSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  by: accountIdSchema,
  /** The risk-relevant content the requester re-validated; any later change needs a new re-validation. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Reassessment = z.infer<typeof reassessmentSchema>;

export const renewalRecordSchema = z.object({
  renewalOf: issueKeySchema,
  /** The first exception of the chain. */
  originKey: issueKeySchema,
  /** The chain before this renewal: renewals so far and the days the chain has been in force. */
  chainBefore: renewalChainSchema.pick({ renewalCount: true, cumulativeDays: true }),
  requestedAt: z.iso.datetime({ offset: true }),
  reassessment: reassessmentSchema.nullable(),
});
export type RenewalRecord = z.infer<typeof renewalRecordSchema>;

/** Days an exception was (or is) in force: from the day it was activated to its last day. */
export const daysInForce = (exception: Pick<SecurityException, 'activatedAt' | 'expiresOn'>, policy: Policy): number =>
  exception.activatedAt === undefined || exception.expiresOn === undefined
    ? 0
    : Math.max(0, daysBetween(policyDay(exception.activatedAt, policy), exception.expiresOn));

/** Where the chain stands before a renewal of `original`: its own renewals and days, on top of its chain's. */
export const chainBeforeRenewalOf = (
  original: Pick<SecurityException, 'key' | 'activatedAt' | 'expiresOn'>,
  originalRecord: RenewalRecord | null,
  policy: Policy,
): RenewalRecord['chainBefore'] & { readonly originKey: string } => ({
  renewalCount: originalRecord === null ? 0 : originalRecord.chainBefore.renewalCount + 1,
  cumulativeDays: (originalRecord?.chainBefore.cumulativeDays ?? 0) + daysInForce(original, policy),
  originKey: originalRecord?.originKey ?? original.key,
});

/**
 * The renewal's own chain, as the approval rules read it: this renewal counted, and the days it asks for from
 * today added. Over the tier's cap, requiredLevels adds the highest approval level with a notice saying why.
 */
export const renewalChainOf = (record: RenewalRecord, exception: Pick<SecurityException, 'requestedExpiry'>, now: string, policy: Policy): RenewalChain => ({
  renewalCount: record.chainBefore.renewalCount + 1,
  cumulativeDays: record.chainBefore.cumulativeDays + Math.max(0, daysBetween(policyDay(now, policy), exception.requestedExpiry)),
  originKey: record.originKey,
});

export type RenewalSubmissionCode = 'RENEWAL.REASSESSMENT_REQUIRED' | 'RENEWAL.REASSESSMENT_STALE';

/**
 * A renewal may be submitted only once its requester has re-validated the risk assessment and the compensating
 * controls as they now stand: a renewal that merely repeats last period's assessment is how exceptions quietly
 * become permanent. Any change to the risk-relevant content after the re-validation needs a new one.
 */
export const renewalSubmissionCheck = (record: RenewalRecord, exception: SecurityException): Result<Reassessment, RenewalSubmissionCode> => {
  const { reassessment } = record;
  if (reassessment === null) {
    return refuse(
      'RENEWAL.REASSESSMENT_REQUIRED',
      `${exception.key} renews ${record.renewalOf} and copies its fields: before it can be submitted, its requester ` +
        'must update the risk assessment and re-validate each compensating control (status and evidence), then confirm the re-assessment with the "Confirm re-assessment" action.',
    );
  }
  if (reassessment.contentHash !== contentHash(exception)) {
    return refuse(
      'RENEWAL.REASSESSMENT_STALE',
      `The risk-relevant fields of ${exception.key} changed after its re-assessment was confirmed on ${reassessment.at.slice(0, 10)}: ` +
        'confirm the re-assessment again for the content as it is now, then submit.',
    );
  }
  return ok(reassessment);
};
