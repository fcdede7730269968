import { z } from 'zod';
import { isIsoDate } from '../shared/dates';

/**
 * The security exception as the domain sees it. Jira holds the request (issue + custom fields); this is the
 * parsed, validated shape every rule works on. Enumerations are closed on purpose: an unknown value is a
 * validation error, never silently mapped to a default (a security register must fail closed).
 */

export const EXCEPTION_KINDS = [
  'vulnerability-sla',
  'policy',
  'configuration-deviation',
  'temporary-workaround',
] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export const STATUSES = [
  'draft',
  'submitted',
  'risk-review',
  'awaiting-approval',
  'active',
  'expired',
  'revoked',
  'remediated',
  'rejected',
  'withdrawn',
  'superseded',
] as const;
export type Status = (typeof STATUSES)[number];

/** Jira status names, as provisioned in the workflow. */
export const STATUS_NAMES: Readonly<Record<Status, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  'risk-review': 'Risk Review',
  'awaiting-approval': 'Awaiting Approval',
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
  remediated: 'Remediated',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  superseded: 'Superseded',
};

export const TERMINAL_STATUSES: readonly Status[] = [
  'expired',
  'revoked',
  'remediated',
  'rejected',
  'withdrawn',
  'superseded',
];

export const TIERS = ['low', 'medium', 'high', 'critical'] as const;
export type Tier = (typeof TIERS)[number];
export const tierRank = (tier: Tier): number => TIERS.indexOf(tier);
export const maxTier = (a: Tier, b: Tier): Tier => (tierRank(a) >= tierRank(b) ? a : b);

export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const DATA_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

export const FRAMEWORKS = ['SOC2', 'ISO27001', 'NIST-800-53', 'SOX', 'internal'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const CONTROL_STATUSES = ['planned', 'implemented', 'verified'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export const THREAT_VECTORS = [
  'network',
  'adjacent-network',
  'local',
  'physical',
  'web-application',
  'supply-chain',
  'insider',
  'social-engineering',
  'credential-misuse',
] as const;
export type ThreatVector = (typeof THREAT_VECTORS)[number];

const trimmed = (max: number) => z.string().trim().min(1).max(max);
export const accountIdSchema = trimmed(128);
export const isoDateSchema = z.string().refine(isIsoDate, { message: 'must be a calendar date YYYY-MM-DD' });
export const issueKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]+-[1-9]\d*$/, 'must be a Jira issue key such as SEC-12');

export const assetSchema = z.object({
  id: trimmed(128),
  name: trimmed(255),
  criticality: z.enum(CRITICALITIES),
  dataClassification: z.enum(DATA_CLASSIFICATIONS),
  internetFacing: z.boolean(),
  retired: z.boolean().default(false),
});
export type Asset = z.infer<typeof assetSchema>;

export const controlReferenceSchema = z.object({
  framework: z.enum(FRAMEWORKS),
  id: trimmed(64),
});
export type ControlReference = z.infer<typeof controlReferenceSchema>;

const CVE = /^CVE-\d{4}-\d{4,}$/;
export const findingSchema = z.object({
  scannerId: trimmed(128).optional(),
  cve: z.string().regex(CVE, 'must be a CVE id such as CVE-2024-3094').optional(),
  cvssVector: trimmed(512).optional(),
  title: trimmed(255).optional(),
  knownExploited: z.boolean().default(false),
});
export type Finding = z.infer<typeof findingSchema>;

export const compensatingControlSchema = z.object({
  id: trimmed(64),
  type: trimmed(64),
  description: trimmed(2000),
  status: z.enum(CONTROL_STATUSES),
  evidence: z.array(trimmed(2000)).max(20).default([]),
});
export type CompensatingControl = z.infer<typeof compensatingControlSchema>;

/** Inherent risk comes from a CVSS vector (v3.1 or v4.0) or from the configured likelihood x impact matrix. */
export const riskInputsSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('cvss'), vector: trimmed(512) }),
  z.object({
    method: z.literal('matrix'),
    likelihood: z.number().int().min(1).max(10),
    impact: z.number().int().min(1).max(10),
  }),
]);
export type RiskInputs = z.infer<typeof riskInputsSchema>;

export const remediationPlanSchema = z.object({
  summary: trimmed(4000),
  targetDate: isoDateSchema.optional(),
  ticket: trimmed(255).optional(),
});
export type RemediationPlan = z.infer<typeof remediationPlanSchema>;

/**
 * The request as typed by a requester. Everything is optional here so that pre-flight can report every
 * missing item at once instead of failing on the first one.
 */
export const exceptionRequestSchema = z.object({
  kind: z.enum(EXCEPTION_KINDS).optional(),
  title: trimmed(255).optional(),
  requester: accountIdSchema.optional(),
  assetOwner: accountIdSchema.optional(),
  businessUnit: trimmed(128).optional(),
  assets: z.array(assetSchema).max(100).default([]),
  controlReferences: z.array(controlReferenceSchema).max(50).default([]),
  findings: z.array(findingSchema).max(100).default([]),
  justification: z.string().trim().max(32000).optional(),
  businessImpact: z.string().trim().max(8000).optional(),
  compensatingControls: z.array(compensatingControlSchema).max(50).default([]),
  threatVectors: z.array(z.enum(THREAT_VECTORS)).max(THREAT_VECTORS.length).default([]),
  riskInputs: riskInputsSchema.optional(),
  requestedExpiry: isoDateSchema.optional(),
  remediationPlan: remediationPlanSchema.optional(),
  renewalOf: issueKeySchema.optional(),
});
export type ExceptionRequest = z.infer<typeof exceptionRequestSchema>;
export type ExceptionRequestInput = z.input<typeof exceptionRequestSchema>;

/** Where a renewal chain stands: how many renewals and how many days of exception the chain has used. */
export const renewalChainSchema = z.object({
  renewalCount: z.number().int().min(0),
  cumulativeDays: z.number().int().min(0),
  originKey: issueKeySchema.optional(),
});
export type RenewalChain = z.infer<typeof renewalChainSchema>;

/** A complete exception on record: the request fields are all present, plus its lifecycle state. */
export const securityExceptionSchema = z.object({
  key: issueKeySchema,
  kind: z.enum(EXCEPTION_KINDS),
  title: trimmed(255),
  status: z.enum(STATUSES),
  tier: z.enum(TIERS),
  requester: accountIdSchema,
  assetOwner: accountIdSchema,
  businessUnit: trimmed(128),
  assets: z.array(assetSchema).min(1).max(100),
  controlReferences: z.array(controlReferenceSchema).max(50),
  findings: z.array(findingSchema).max(100),
  justification: z.string().trim().min(1).max(32000),
  businessImpact: z.string().trim().min(1).max(8000),
  compensatingControls: z.array(compensatingControlSchema).max(50),
  threatVectors: z.array(z.enum(THREAT_VECTORS)),
  riskInputs: riskInputsSchema,
  requestedExpiry: isoDateSchema,
  remediationPlan: remediationPlanSchema,
  renewalOf: issueKeySchema.optional(),
  renewal: renewalChainSchema.default({ renewalCount: 0, cumulativeDays: 0 }),
  peerReviewer: accountIdSchema.optional(),
  createdAt: z.iso.datetime({ offset: true }),
  submittedAt: z.iso.datetime({ offset: true }).optional(),
  /** When the exception entered its current status: the clock for stalled approvals. */
  statusChangedAt: z.iso.datetime({ offset: true }),
  activatedAt: z.iso.datetime({ offset: true }).optional(),
  /** The last day the exception is in force; it expires when that day ends in the policy's time zone. */
  expiresOn: isoDateSchema.optional(),
});
export type SecurityException = z.infer<typeof securityExceptionSchema>;
export type SecurityExceptionInput = z.input<typeof securityExceptionSchema>;

export const isTerminal = (status: Status): boolean => TERMINAL_STATUSES.includes(status);
export const isInApproval = (status: Status): boolean =>
  status === 'submitted' || status === 'risk-review' || status === 'awaiting-approval';
