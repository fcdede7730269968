/**
 * The closed vocabularies that cross the bridge. The contract is shared with the browser bundle and may not
 * import the domain, so these lists restate the domain's; the resolvers map domain values onto them one to one.
 * A value outside a list is a contract violation, never silently mapped to a default.
 */

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

/** The Jira status names, as provisioned in the workflow: what users read. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
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

export const TIERS = ['low', 'medium', 'high', 'critical'] as const;
export type Tier = (typeof TIERS)[number];

export const EXCEPTION_KINDS = ['vulnerability-sla', 'policy', 'configuration-deviation', 'temporary-workaround'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

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

export const CVSS_VERSIONS = ['3.1', '4.0'] as const;
export const CVSS_SEVERITIES = ['none', 'low', 'medium', 'high', 'critical'] as const;

/** Why a register row deserves attention; the UI shows one badge per flag. */
export const REGISTER_FLAGS = [
  /** Active and expiring within the tier's first reminder window. */
  'expiring-soon',
  /** Active and its quarterly review attestation is past due. */
  'review-overdue',
  /** Medium tier or above without implemented or verified compensating controls. */
  'lacks-controls',
  /** Waiting for a decision longer than the policy's reminder threshold. */
  'approval-stalled',
  /** This exception renews an earlier one. */
  'renewal',
  /** A covered finding is on a known-exploited list. */
  'known-exploited',
] as const;
export type RegisterFlag = (typeof REGISTER_FLAGS)[number];
