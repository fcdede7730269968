import { CONTROL_STATUSES, type ExceptionRequest } from '../../../domain/exception/security-exception';
import { anExceptionRequest } from '../../../domain/testing/builders';
import type { ComputedFieldName, ExceptionFieldName, ExceptionIssue } from '../exception-issue';

/**
 * Test data in Jira's shape: the custom field values as the manifest's JSON schemas store them (items plus their
 * derived JQL index arrays) and the Description as ADF, built from a domain request so expectations can be stated
 * in domain terms.
 */

export const fieldValuesOf = (request: ExceptionRequest): Partial<Record<ExceptionFieldName, unknown>> => ({
  ...(request.kind === undefined ? {} : { kind: request.kind }),
  assets: {
    ...(request.businessUnit === undefined ? {} : { businessUnit: request.businessUnit }),
    ...(request.assetOwner === undefined ? {} : { owner: request.assetOwner }),
    assetIds: request.assets.map((asset) => asset.id),
    items: request.assets,
  },
  controlReferences: {
    references: request.controlReferences,
    frameworks: [...new Set(request.controlReferences.map((ref) => ref.framework))],
    controlIds: request.controlReferences.map((ref) => ref.id),
  },
  findings: {
    items: request.findings,
    cves: request.findings.flatMap((finding) => (finding.cve === undefined ? [] : [finding.cve])),
    knownExploited: request.findings.some((finding) => finding.knownExploited),
  },
  ...(request.riskInputs === undefined ? {} : { riskInputs: { ...request.riskInputs, threatVectors: request.threatVectors } }),
  compensatingControls: {
    items: request.compensatingControls,
    statuses: CONTROL_STATUSES.filter((status) => request.compensatingControls.some((control) => control.status === status)),
  },
  ...(request.requestedExpiry === undefined ? {} : { requestedExpiry: request.requestedExpiry }),
  ...(request.remediationPlan === undefined ? {} : { remediationPlan: request.remediationPlan }),
});

const paragraphOf = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

export const descriptionOf = (request: Pick<ExceptionRequest, 'justification' | 'businessImpact'>) => ({
  type: 'doc',
  version: 1,
  content: [
    ...(request.justification === undefined ? [] : [paragraphOf(request.justification)]),
    ...(request.businessImpact === undefined
      ? []
      : [{ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Business impact' }] }, paragraphOf(request.businessImpact)]),
  ],
});

export type ExceptionIssueOverrides = Partial<Omit<ExceptionIssue, 'custom'>> & {
  readonly request?: ExceptionRequest;
  readonly custom?: Partial<Record<ExceptionFieldName | ComputedFieldName, unknown>>;
};

/** A complete Security Exception issue in Submitted, as the gateway returns it. */
export const anExceptionIssue = (overrides: ExceptionIssueOverrides = {}): ExceptionIssue => {
  const { request = anExceptionRequest(), custom, ...rest } = overrides;
  return {
    id: '10001',
    key: 'SEC-1',
    summary: request.title ?? '',
    status: { name: 'Submitted' },
    issueType: { name: 'Security Exception' },
    project: { key: 'SEC' },
    reporterAccountId: request.requester,
    created: '2026-11-01T09:00:00.000+0000',
    updated: '2026-11-01T10:00:00.000+0000',
    description: descriptionOf(request),
    ...rest,
    custom: { ...fieldValuesOf(request), ...custom },
  };
};
