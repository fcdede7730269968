import { z } from 'zod';
import { fieldErrorSchema } from './envelope';
import { isoDateTimeSchema, personSchema, tierKeyedRecord } from './primitives';
import { requiredApproverSchema } from './risk';
import { CRITICALITIES, DATA_CLASSIFICATIONS, EXCEPTION_KINDS, TIERS } from './vocabulary';

/**
 * The approval policy as the admin page edits it. The contract fixes its shape only; every rule about the
 * values (ranges, rising thresholds, known level ids, ...) is the domain's and comes back from
 * `admin/policy/validate` as field errors with dotted paths relative to the policy, such as
 * `tiers.high.maxDurationDays`. One place decides what a valid policy is.
 */

const name = z.string().max(255);
const finite = z.number();
const whole = z.number().int();

export const tierPolicyDocumentSchema = z.object({
  levels: z.array(z.string().max(64)).max(20),
  maxDurationDays: whole,
  maxRenewals: whole,
  maxCumulativeDays: whole,
  reminderDays: z.array(whole).max(20),
});
export type TierPolicyDocument = z.infer<typeof tierPolicyDocumentSchema>;

const keyedNumbers = <K extends readonly [string, ...string[]]>(keys: K) => z.record(z.enum(keys), finite);

export const policyDocumentSchema = z.object({
  version: z.literal(1),
  timeZone: z.string().max(64),
  kinds: z.record(z.enum(EXCEPTION_KINDS), z.object({ eligible: z.boolean(), redirect: z.string().max(1000).optional() })),
  levels: z.array(z.object({ id: z.string().max(64), name, group: name })).max(20),
  tiers: tierKeyedRecord(tierPolicyDocumentSchema),
  peerReview: z.object({ group: name }),
  risk: z.object({
    matrix: z.object({ scores: z.array(z.array(finite).max(10)).max(10) }),
    modifiers: z.object({
      assetCriticality: keyedNumbers(CRITICALITIES),
      dataClassification: keyedNumbers(DATA_CLASSIFICATIONS),
      internetFacing: finite,
      knownExploited: finite,
    }),
    controls: z.object({
      effectiveness: z.record(z.string().max(64), finite),
      verifiedBonus: finite,
      maxReduction: finite,
      floorRatio: finite,
    }),
    thresholds: z.object({ medium: finite, high: finite, critical: finite }),
    overrides: z.object({
      knownExploitedMinTier: z.enum(TIERS),
      restrictedDataMinTier: z.enum(TIERS),
      internetFacingCriticalAssetMinTier: z.enum(TIERS),
    }),
  }),
  controlsRequiredFromTier: z.enum(TIERS),
  limits: z.object({ activePerAsset: whole, activePerBusinessUnit: whole }),
  approvalTimeouts: z.object({
    remindAfterDays: whole,
    escalateAfterDays: whole,
    autoRejectAfterDays: whole,
    escalationGroup: name,
  }),
  reminders: z.object({ approversFromDays: whole }),
  review: z.object({ group: name, graceDays: whole }),
  renewal: z.object({ originalExpiresWhileRenewalPending: z.boolean() }),
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

export const adminPolicyGetRequestSchema = z.object({});
export type AdminPolicyGetRequest = z.input<typeof adminPolicyGetRequestSchema>;

export const adminPolicyGetResponseSchema = z.object({
  policy: policyDocumentSchema,
  /** 0 while the installation still runs on the default policy. */
  revision: z.number().int().min(0),
  updatedAt: isoDateTimeSchema.nullable(),
  updatedBy: personSchema.nullable(),
});
export type PolicyEnvelope = z.infer<typeof adminPolicyGetResponseSchema>;

export const adminPolicyValidateRequestSchema = z.object({ policy: policyDocumentSchema });
export type AdminPolicyValidateRequest = z.input<typeof adminPolicyValidateRequestSchema>;

const count = z.number().int().min(0);

export const tierPreviewSchema = z.object({
  tier: z.enum(TIERS),
  approvers: z.array(requiredApproverSchema).max(10),
  maxDurationDays: count,
  maxRenewals: count,
  maxCumulativeDays: count,
  reminderDays: z.array(count).max(20),
  activeCount: count,
  /** Active exceptions of this tier approved for longer than the new maximum duration. */
  activeBeyondMaxDuration: count,
  /** Active exceptions of this tier whose renewal chain already exceeds the new renewal or cumulative caps. */
  activeBeyondRenewalCaps: count,
});
export type TierPreview = z.infer<typeof tierPreviewSchema>;

export const policyPreviewSchema = z.object({
  tiers: z.array(tierPreviewSchema).length(TIERS.length),
  limits: z.object({
    activePerAsset: count,
    /** Assets that already hold more active exceptions than the new limit allows. */
    assetsOverLimit: count,
    activePerBusinessUnit: count,
    businessUnitsOverLimit: count,
  }),
  /** What differs from the saved policy, one sentence each, such as "high: maximum duration 90 -> 60 days". */
  changes: z.array(z.string().min(1).max(500)).max(200),
});
export type PolicyPreview = z.infer<typeof policyPreviewSchema>;

/** A policy with problems is an answer, not a failure: `valid` is false, the field errors say where, no preview. */
export const adminPolicyValidateResponseSchema = z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(true), fieldErrors: z.array(z.never()).max(0), preview: policyPreviewSchema }),
  z.object({
    valid: z.literal(false),
    fieldErrors: z.array(fieldErrorSchema).min(1).max(500),
    preview: z.null(),
  }),
]);
export type PolicyValidation = z.infer<typeof adminPolicyValidateResponseSchema>;

/** Saving re-validates; an invalid policy fails with POLICY.INVALID and field errors, a stale revision with POLICY.REVISION_CONFLICT. */
export const adminPolicySaveRequestSchema = z.object({
  policy: policyDocumentSchema,
  expectedRevision: z.number().int().min(0),
});
export type AdminPolicySaveRequest = z.input<typeof adminPolicySaveRequestSchema>;

export const adminPolicySaveResponseSchema = z.object({
  revision: z.number().int().min(1),
  updatedAt: isoDateTimeSchema,
});
export type AdminPolicySaveResponse = z.infer<typeof adminPolicySaveResponseSchema>;

export const POLICY_ERROR_CODES = { invalid: 'POLICY.INVALID', revisionConflict: 'POLICY.REVISION_CONFLICT' } as const;
