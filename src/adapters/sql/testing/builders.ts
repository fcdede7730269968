import type { IngestedFinding } from '../../../app/ports/finding-repository';
import type { RegisterEntry } from '../../../app/ports/register-repository';
import type { RecordedReviewAttestation } from '../../../app/ports/review-attestation-repository';
import type { Approval } from '../../../domain/approval/approval';

/** Test-data builders for the persistence suites: complete values, overridden per test. */

export const aRegisterEntry = (overrides: Partial<RegisterEntry> = {}): RegisterEntry => ({
  issueKey: 'SEC-1',
  projectKey: 'SEC',
  title: 'OpenSSL upgrade blocked by vendor appliance',
  kind: 'vulnerability-sla',
  status: 'active',
  tier: 'medium',
  riskScore: 6.5,
  requester: 'acc-requester',
  assetOwner: 'acc-owner',
  businessUnit: 'Payments',
  assetIds: ['asset-web-01'],
  controlReferences: [{ framework: 'SOC2', id: 'CC7.1' }],
  approvers: ['acc-security-lead'],
  expiresOn: '2027-02-01',
  activatedAt: '2026-11-03T10:00:00.000Z',
  statusChangedAt: '2026-11-03T10:00:00.000Z',
  nextReviewDue: '2027-01-15',
  lacksControls: false,
  renewalCount: 0,
  contentHash: 'a'.repeat(64),
  jiraUpdatedAt: '2026-11-03T10:00:00.000Z',
  ...overrides,
});

export const anApproval = (overrides: Partial<Approval> = {}): Approval => ({
  levelId: 'security-lead',
  approver: 'acc-security-lead',
  decision: 'approved',
  contentHash: 'a'.repeat(64),
  decidedAt: '2026-11-02T09:00:00.000Z',
  ...overrides,
});

export const anAttestation = (overrides: Partial<RecordedReviewAttestation> = {}): RecordedReviewAttestation => ({
  issueKey: 'SEC-1',
  quarter: '2027-Q1',
  reviewer: 'acc-security-lead',
  attestedAt: '2027-01-10T09:00:00.000Z',
  outcome: 'still-required',
  ...overrides,
});

export const aFinding = (overrides: Partial<IngestedFinding> = {}): IngestedFinding => ({
  source: 'nessus',
  externalId: 'nessus-12345',
  assetId: 'asset-web-01',
  title: 'OpenSSL vulnerable version',
  severity: 'high',
  cve: 'CVE-2024-3094',
  cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N',
  knownExploited: false,
  status: 'open',
  firstSeenAt: '2026-11-01T08:00:00.000Z',
  lastSeenAt: '2026-11-01T08:00:00.000Z',
  ...overrides,
});
