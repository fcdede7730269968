import {
  securityExceptionSchema,
  exceptionRequestSchema,
  type Asset,
  type CompensatingControl,
  type ExceptionRequest,
  type ExceptionRequestInput,
  type SecurityException,
  type SecurityExceptionInput,
} from '../exception/security-exception';
import { systemActor, type Actor, type Approval } from '../approval/approval';
import { contentHash } from '../exception/content-hash';
import type { RiskInput } from '../risk/risk-assessment';

/** Test-data builders: sensible complete values, overridden per test. Imported by tests only. */

export const anAsset = (overrides: Partial<Asset> = {}): Asset => ({
  id: 'asset-web-01',
  name: 'Customer web portal',
  criticality: 'medium',
  dataClassification: 'internal',
  internetFacing: false,
  retired: false,
  ...overrides,
});

export const aControl = (overrides: Partial<CompensatingControl> = {}): CompensatingControl => ({
  id: 'ctl-1',
  type: 'network-segmentation',
  description: 'Host moved to an isolated VLAN reachable only from the admin bastion',
  status: 'implemented',
  evidence: ['Firewall change CHG-1042'],
  ...overrides,
});

/** The request behind every built exception: a built exception is this request, submitted and decided. */
const requestContent = () => ({
  kind: 'vulnerability-sla',
  title: 'OpenSSL upgrade blocked by vendor appliance',
  requester: 'acc-requester',
  assetOwner: 'acc-owner',
  businessUnit: 'Payments',
  assets: [anAsset()],
  controlReferences: [{ framework: 'SOC2', id: 'CC7.1' }],
  findings: [{ scannerId: 'nessus-12345', cve: 'CVE-2024-3094', cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N' }],
  justification: 'The vendor has not certified the patched library; upgrading voids support.',
  businessImpact: 'Payment reconciliation stops if the appliance is taken offline.',
  compensatingControls: [aControl()],
  threatVectors: ['network'],
  riskInputs: { method: 'cvss', vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N' },
  requestedExpiry: '2027-02-01',
  remediationPlan: { summary: 'Replace the appliance in the Q1 hardware refresh', targetDate: '2027-01-15', ticket: 'OPS-88' },
});

export const anExceptionRequest = (overrides: Partial<ExceptionRequestInput> = {}): ExceptionRequest =>
  exceptionRequestSchema.parse({ ...requestContent(), ...overrides });

export const anException = (overrides: Partial<SecurityExceptionInput> = {}): SecurityException =>
  securityExceptionSchema.parse({
    ...requestContent(),
    key: 'SEC-1',
    status: 'active',
    tier: 'low',
    createdAt: '2026-11-01T09:00:00Z',
    submittedAt: '2026-11-01T10:00:00Z',
    statusChangedAt: '2026-11-03T10:00:00Z',
    activatedAt: '2026-11-03T10:00:00Z',
    expiresOn: '2027-02-01',
    ...overrides,
  });

/* ---- Approval and lifecycle builders ---- */

export const anActor = (accountId: string, groups: readonly string[] = []): Actor => ({ accountId, groups });

/** An approval of `levelId` bound to the exception's current content, as the approval rules record it. */
export const anApproval = (exception: SecurityException, overrides: Partial<Approval> = {}): Approval => ({
  levelId: 'security-lead',
  approver: 'acc-lead',
  decision: 'approved',
  contentHash: contentHash(exception),
  decidedAt: '2026-11-02T10:00:00Z',
  ...overrides,
});

/** One person per role of the default policy's groups; the requester and asset owner match anException. */
export const ACTORS = {
  requester: anActor('acc-requester'),
  assetOwner: anActor('acc-owner'),
  securityLead: anActor('acc-lead', ['security-leads']),
  riskOwner: anActor('acc-risk', ['risk-owners']),
  complianceLead: anActor('acc-compliance', ['compliance-leads']),
  ciso: anActor('acc-ciso', ['ciso']),
  architect: anActor('acc-architect', ['security-architects']),
  outsider: anActor('acc-outsider', ['developers']),
  system: systemActor('daily'),
} as const;

/* ---- Risk builders ---- */

/** A rating input that nothing moves: one ordinary in-service asset, no findings or controls, matrix cell 3x3 (5.5). */
export const aRiskInput = (overrides: Partial<RiskInput> = {}): RiskInput => ({
  riskInputs: { method: 'matrix', likelihood: 3, impact: 3 },
  assets: [anAsset()],
  findings: [],
  compensatingControls: [],
  ...overrides,
});
