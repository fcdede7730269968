import { SETUP_NAMES } from '../../domain/provisioning/setup-names';

/**
 * A Security Exception issue as Jira returns it, reduced to what the register reads. The shape is a structural
 * subset of the Jira gateway's issue, so the composition root hands gateway results over unchanged; custom field
 * values stay raw here and are parsed by read-exception-issue.ts.
 */

/** The issue type set-up provisions; issues of any other type are never in the register. */
export const EXCEPTION_ISSUE_TYPE = SETUP_NAMES.issueType;

/** The exception's custom fields by logical name, each with the Forge module key that identifies it on a site. */
export const EXCEPTION_FIELD_MODULE_KEYS = {
  kind: 'exception-kind',
  assets: 'exception-assets',
  controlReferences: 'exception-control-refs',
  findings: 'exception-findings',
  riskInputs: 'exception-risk-inputs',
  compensatingControls: 'exception-compensating-controls',
  requestedExpiry: 'exception-requested-expiry',
  remediationPlan: 'exception-remediation-plan',
} as const;

export type ExceptionFieldName = keyof typeof EXCEPTION_FIELD_MODULE_KEYS;

/**
 * The read-only fields the app computes and writes itself, so that Jira (JQL, the issue view, filters) shows what
 * the register decided without the app's panel. Keys as in manifest.yml.
 */
export const COMPUTED_FIELD_MODULE_KEYS = {
  riskScore: 'exception-risk-score',
  riskTier: 'exception-risk-tier',
  approvalState: 'exception-approval-state',
} as const;

export type ComputedFieldName = keyof typeof COMPUTED_FIELD_MODULE_KEYS;

export type ExceptionIssue = {
  readonly id: string;
  readonly key: string;
  readonly summary: string;
  readonly status: { readonly name: string };
  readonly issueType: { readonly name: string };
  readonly project: { readonly key: string };
  readonly reporterAccountId: string | undefined;
  /** Jira's own format, e.g. `2026-03-02T09:00:00.000+0000`. */
  readonly created: string | undefined;
  readonly updated: string | undefined;
  /** Atlassian Document Format, as Jira stores it. */
  readonly description: unknown;
  /** The computed fields' values are present only when the reader asked for them and Jira holds a value. */
  readonly custom: Readonly<Partial<Record<ExceptionFieldName | ComputedFieldName, unknown>>>;
};

export const isExceptionIssueType = (issueTypeName: string | undefined): boolean => issueTypeName === EXCEPTION_ISSUE_TYPE;
