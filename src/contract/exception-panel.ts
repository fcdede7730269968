import { z } from 'zod';
import { riskAssessmentSchema } from './risk';
import {
  boundedText,
  isoDateSchema,
  isoDateTimeSchema,
  issueKeySchema,
  levelIdSchema,
  personSchema,
} from './primitives';
import { STATUSES, TIERS } from './vocabulary';

/**
 * Everything the issue panel shows for one exception, in one call. The resolver checks that the caller may
 * browse the issue; the key in the payload selects, it never authorizes.
 */

export const exceptionPanelRequestSchema = z.object({
  issueKey: issueKeySchema,
  /** How many of the most recent audit entries to include. */
  auditLimit: z.number().int().min(1).max(200).default(50),
});
export type ExceptionPanelRequest = z.input<typeof exceptionPanelRequestSchema>;

export const LEVEL_STATES = ['done', 'next', 'pending'] as const;
export type LevelState = (typeof LEVEL_STATES)[number];

export const approvalLevelViewSchema = z.object({
  levelId: levelIdSchema,
  name: boundedText(80),
  group: boundedText(255),
  /** done: approved for the current content; next: the level that may approve now; pending: waits for earlier levels. */
  state: z.enum(LEVEL_STATES),
  approver: personSchema.nullable(),
  decidedAt: isoDateTimeSchema.nullable(),
});
export type ApprovalLevelView = z.infer<typeof approvalLevelViewSchema>;

export const notAllowedSchema = z.object({
  person: personSchema,
  /** Stable code of the rule, such as APPROVAL.REQUESTER_CANNOT_APPROVE. */
  code: z.string().min(1).max(128),
  reason: boundedText(1000),
});
export type NotAllowed = z.infer<typeof notAllowedSchema>;

export const AUDIT_INTEGRITY = ['verified', 'broken'] as const;

export const auditEntryViewSchema = z.object({
  sequence: z.number().int().min(1),
  at: isoDateTimeSchema,
  /** A person, or a scheduled job of the register itself (accountId `system:<job>`). */
  actor: personSchema,
  action: boundedText(128),
  summary: boundedText(1000),
  /** First characters of the entry hash, for matching against an exported audit package. */
  hashPrefix: z.string().regex(/^[0-9a-f]{8,64}$/),
  integrity: z.enum(AUDIT_INTEGRITY),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

export const exceptionPanelResponseSchema = z.object({
  key: issueKeySchema,
  title: boundedText(255),
  status: z.enum(STATUSES),
  tier: z.enum(TIERS),
  /** Null while the risk inputs cannot be rated (missing or invalid); `riskProblem` says why. */
  risk: riskAssessmentSchema.nullable(),
  riskProblem: z.string().max(2000).nullable(),
  approval: z.object({
    levels: z.array(approvalLevelViewSchema).max(10),
    complete: z.boolean(),
    /** The Jira group whose members may approve the next level; null when nothing waits for approval. */
    eligibleGroup: boundedText(255).nullable(),
    /** People who must not approve the next level, and the rule that stops each. */
    notAllowed: z.array(notAllowedSchema).max(50),
    /** Set when approvals were voided because risk-relevant fields changed after approval. */
    voidedAt: isoDateTimeSchema.nullable(),
  }),
  expiry: z.object({
    expiresOn: isoDateSchema.nullable(),
    /** Whole days from today (policy time zone) to the last day in force; negative once past. */
    daysLeft: z.number().int().nullable(),
    asOf: isoDateSchema,
  }),
  renewal: z.object({
    allowed: z.boolean(),
    /** Why not, or what renewing implies (for instance escalation to the highest level); null when plain. */
    reason: z.string().max(2000).nullable(),
    renewalCount: z.number().int().min(0),
    maxRenewals: z.number().int().min(0),
    cumulativeDays: z.number().int().min(0),
    maxCumulativeDays: z.number().int().min(0),
    /** A renewal already raised for this exception. */
    pendingRenewal: issueKeySchema.nullable(),
    renewalOf: issueKeySchema.nullable(),
  }),
  audit: z.object({
    chain: z.discriminatedUnion('state', [
      z.object({ state: z.literal('verified'), entries: z.number().int().min(0) }),
      z.object({ state: z.literal('broken'), brokenAtSequence: z.number().int().min(1), message: boundedText(2000) }),
    ]),
    /** Most recent first. */
    entries: z.array(auditEntryViewSchema).max(200),
    hasMore: z.boolean(),
  }),
});
export type ExceptionPanel = z.infer<typeof exceptionPanelResponseSchema>;

/** Raises the linked renewal issue; it copies the fields and must carry a fresh risk assessment before it is submitted. */
export const requestRenewalRequestSchema = z.object({
  issueKey: issueKeySchema,
  requestedExpiry: isoDateSchema,
  reason: z.string().trim().min(20, 'explain in at least 20 characters why the exception is still needed').max(4000),
});
export type RequestRenewalRequest = z.input<typeof requestRenewalRequestSchema>;

export const requestRenewalResponseSchema = z.object({
  renewalKey: issueKeySchema,
  renewalOf: issueKeySchema,
  /** True when the renewal exceeds the tier's renewal cap and must also be approved by the highest level. */
  escalated: z.boolean(),
  message: boundedText(1000),
});
export type RequestRenewalResponse = z.infer<typeof requestRenewalResponseSchema>;
