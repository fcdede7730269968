import { z } from 'zod';
import {
  assetsFieldSchema,
  compensatingControlsFieldSchema,
  remediationPlanFieldSchema,
  riskInputsFieldSchema,
} from './custom-fields';
import { boundedText, controlReferenceSchema, isoDateSchema, issueKeySchema } from './primitives';
import { requiredApproverSchema, riskAssessmentSchema } from './risk';
import { EXCEPTION_KINDS, TIERS } from './vocabulary';

/**
 * Pre-flight while a request is being written. The draft holds what the editor knows (often one field); for an
 * existing issue the server fills every field the draft leaves out from the issue, then runs the same pre-flight
 * the Submit validator runs, so what the requester sees here is what the workflow will enforce.
 * Each field value is already valid on its own (the editor checks it against the field schema as the user types);
 * pre-flight reports what is missing or wrong for the request as a whole.
 */

export const exceptionDraftSchema = z
  .object({
    kind: z.enum(EXCEPTION_KINDS).optional(),
    title: boundedText(255).optional(),
    justification: z.string().trim().max(32000).optional(),
    businessImpact: z.string().trim().max(8000).optional(),
    assets: assetsFieldSchema.optional(),
    controlReferences: z.array(controlReferenceSchema).max(50).optional(),
    riskInputs: riskInputsFieldSchema.optional(),
    compensatingControls: compensatingControlsFieldSchema.optional(),
    requestedExpiry: isoDateSchema.optional(),
    remediationPlan: remediationPlanFieldSchema.optional(),
    renewalOf: issueKeySchema.optional(),
  })
  .strict();
export type ExceptionDraft = z.infer<typeof exceptionDraftSchema>;

export const intakePreflightRequestSchema = z.object({
  /** Absent while the issue is being created. */
  issueKey: issueKeySchema.optional(),
  draft: exceptionDraftSchema,
});
export type IntakePreflightRequest = z.input<typeof intakePreflightRequestSchema>;

export const preflightProblemSchema = z.object({
  /** Dotted path in the request, such as `riskInputs.vector` or `compensatingControls.0.evidence`. */
  path: z.string().min(1).max(256),
  code: z.string().min(1).max(128),
  message: boundedText(2000),
});
export type PreflightProblem = z.infer<typeof preflightProblemSchema>;

export const intakePreflightResponseSchema = z.object({
  /** True when nothing is missing or invalid: the request may be submitted. */
  ready: z.boolean(),
  tier: z.enum(TIERS).nullable(),
  risk: riskAssessmentSchema.nullable(),
  requiredApprovers: z.array(requiredApproverSchema).max(10),
  /** Latest expiry the tier (and for a renewal the chain's remaining allowance) permits. */
  maxExpiry: isoDateSchema.nullable(),
  notices: z.array(boundedText(2000)).max(20),
  problems: z.array(preflightProblemSchema).max(200),
});
export type PreflightView = z.infer<typeof intakePreflightResponseSchema>;
