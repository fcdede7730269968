import { EXPORT_COLUMNS } from '../register';
import type { RequestOf, ResolverKey, ResponseOf } from '../resolvers';

/**
 * One realistic request and success answer per resolver key. The contract tests prove each one satisfies its
 * schemas; the UI tests and the resolver tests start from them so both sides agree on what a valid exchange is.
 */

const alice = { accountId: '557058:alice', displayName: 'Alice Owner' };
const bob = { accountId: '557058:bob', displayName: 'Bob Requester' };
const lead = { accountId: '557058:lead', displayName: 'Sam Security-Lead' };
const auditor = { accountId: '557058:auditor', displayName: 'Audra External-Auditor' };

const riskAssessment = {
  method: 'cvss' as const,
  cvss: { version: '3.1' as const, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, severity: 'critical' as const },
  inherentScore: 9.8,
  contextualScore: 10,
  residualScore: 8.5,
  tier: 'high' as const,
  steps: [
    { step: 'inherent' as const, detail: 'CVSS 3.1 base score 9.8', scoreAfter: 9.8 },
    { step: 'modifier.internet-facing' as const, detail: 'payments-api is internet facing', delta: 1, scoreAfter: 10 },
    { step: 'control' as const, detail: 'waf (implemented) reduces by 1.0', delta: -1, scoreAfter: 9 },
    { step: 'residual' as const, detail: 'Residual score 8.5 after controls', scoreAfter: 8.5 },
    { step: 'tier' as const, detail: 'Residual 8.5 is at or above the high threshold 7.0: high' },
  ],
};

const tierPolicy = (levels: string[], maxDurationDays: number, maxRenewals: number, reminderDays: number[]) => ({
  levels,
  maxDurationDays,
  maxRenewals,
  maxCumulativeDays: maxDurationDays * (maxRenewals + 1),
  reminderDays,
});

export const samplePolicy = {
  version: 1 as const,
  timeZone: 'UTC',
  kinds: {
    'vulnerability-sla': { eligible: true },
    policy: { eligible: true },
    'configuration-deviation': { eligible: false, redirect: 'Raise a change request instead.' },
    'temporary-workaround': { eligible: false, redirect: 'Record it on the incident it works around.' },
  },
  levels: [
    { id: 'security-lead', name: 'Security lead', group: 'security-leads' },
    { id: 'risk-owner', name: 'Risk / information owner', group: 'risk-owners' },
    { id: 'compliance-lead', name: 'Compliance lead', group: 'compliance-leads' },
    { id: 'ciso', name: 'CISO', group: 'ciso' },
  ],
  tiers: {
    low: tierPolicy(['security-lead'], 180, 2, [30, 14, 7, 1]),
    medium: tierPolicy(['security-lead', 'risk-owner'], 180, 2, [30, 14, 7, 1]),
    high: tierPolicy(['security-lead', 'risk-owner', 'compliance-lead'], 90, 1, [30, 14, 7, 1]),
    critical: tierPolicy(['security-lead', 'risk-owner', 'compliance-lead', 'ciso'], 30, 1, [14, 7, 3, 1]),
  },
  peerReview: { group: 'security-architects' },
  risk: {
    matrix: { scores: [[0.5, 1], [1, 2.5]] },
    modifiers: {
      assetCriticality: { low: -1, medium: 0, high: 0.5, critical: 1 },
      dataClassification: { public: -0.5, internal: 0, confidential: 0.5, restricted: 1 },
      internetFacing: 1,
      knownExploited: 1.5,
    },
    controls: { effectiveness: { waf: 1, other: 0.5 }, verifiedBonus: 0.25, maxReduction: 4, floorRatio: 0.4 },
    thresholds: { medium: 4, high: 7, critical: 9 },
    overrides: { knownExploitedMinTier: 'high' as const, restrictedDataMinTier: 'high' as const, internetFacingCriticalAssetMinTier: 'medium' as const },
  },
  controlsRequiredFromTier: 'medium' as const,
  limits: { activePerAsset: 3, activePerBusinessUnit: 50 },
  approvalTimeouts: { remindAfterDays: 3, escalateAfterDays: 7, autoRejectAfterDays: 14, escalationGroup: 'security-escalation' },
  reminders: { approversFromDays: 7 },
  review: { group: 'security-leads', graceDays: 14 },
  renewal: { originalExpiresWhileRenewalPending: true },
};

const approvers = samplePolicy.levels.map((l) => ({ levelId: l.id, name: l.name, group: l.group }));

const setupReport = {
  projectKey: 'SEC',
  startedAt: '2026-11-02T09:00:00.000Z',
  finishedAt: '2026-11-02T09:00:04.000Z',
  by: lead,
  steps: [
    { step: 'issue-type', name: 'Security Exception issue type', outcome: 'already-present' as const, detail: 'Issue type 10042 exists.' },
    { step: 'statuses', name: 'Workflow statuses', outcome: 'created' as const, detail: 'Created 3 of 11 statuses.' },
    { step: 'workflow-scheme', name: 'Workflow scheme', outcome: 'failed' as const, detail: 'The project has issues: switch the scheme from project settings.' },
    { step: 'screens', name: 'Screens', outcome: 'skipped' as const, detail: 'Waits for the workflow scheme.' },
  ],
};

const integration = {
  id: 'scanner-ingest' as const,
  name: 'Scanner findings',
  description: 'Scanners push findings; each request is signed with HMAC-SHA256.',
  enabled: true,
  url: 'https://example.invalid/x1/abc',
  secretConfigured: true,
  secretRotatedAt: '2026-10-01T08:00:00.000Z',
  lastRequestAt: '2026-11-01T23:10:00.000Z',
  lastRefusal: null,
};

const attestation = {
  quarter: '2026-Q4',
  reviewer: lead,
  attestedAt: '2026-11-02T10:00:00.000Z',
  outcome: 'still-required' as const,
  note: null,
};

const reportItem = {
  key: 'SEC-12',
  title: 'Legacy TLS on payments API',
  tier: 'high' as const,
  riskScore: 8.5,
  assetOwner: alice,
  expiresOn: '2026-11-20',
  nextReviewDue: '2026-11-14',
};

export type Sample<K extends ResolverKey> = { readonly request: RequestOf<K>; readonly response: ResponseOf<K> };

export const SAMPLES: { readonly [K in ResolverKey]: Sample<K> } = {
  'register/list': {
    request: {
      filter: { status: ['active'], tier: ['high', 'critical'], expiringWithinDays: 30, controlRef: { framework: 'SOC2', id: 'CC7.1' } },
      sort: { field: 'riskScore', direction: 'desc' },
      pageSize: 25,
    },
    response: {
      rows: [
        {
          key: 'SEC-12',
          title: 'Legacy TLS on payments API',
          status: 'active',
          tier: 'high',
          residualScore: 8.5,
          assets: [{ id: 'payments-api', name: 'Payments API' }],
          owner: alice,
          requester: bob,
          businessUnit: 'Payments',
          expiresOn: '2026-11-20',
          daysLeft: 18,
          nextReviewDue: '2026-11-14',
          flags: ['expiring-soon'],
        },
      ],
      total: 1,
      nextCursor: null,
      asOf: '2026-11-02',
    },
  },
  'register/export-page': {
    request: { filter: { tier: ['critical'] }, pageSize: 500 },
    response: {
      columns: [...EXPORT_COLUMNS],
      rows: [
        ['SEC-12', 'Legacy TLS on payments API', 'Active', 'high', '8.5', 'Payments API', 'Alice Owner', 'Bob Requester', 'Payments', 'SOC2 CC7.1', 'Sam Security-Lead', '2026-11-20', '18', '2026-11-14', 'expiring-soon'],
      ],
      total: 1,
      nextCursor: null,
      generatedAt: '2026-11-02T09:00:00.000Z',
    },
  },
  'dashboard/summary': {
    request: { months: 6 },
    response: {
      asOf: '2026-11-02',
      activeByTier: { low: 12, medium: 20, high: 7, critical: 2 },
      expiringWithin30Days: 5,
      averageLifespanDays: 96.5,
      decisionsByMonth: [
        { month: '2026-09', approved: 8, rejected: 1 },
        { month: '2026-10', approved: 9, rejected: 2 },
      ],
      topApprovers: [{ approver: lead, approvals: 17 }],
      meanTimeToDecisionDays: 3.2,
      overdueReviews: 2,
      renewals: { pending: 1, byMonth: [{ month: '2026-10', requested: 3, activated: 2 }] },
    },
  },
  'reviews/queue': {
    request: { quarter: '2026-Q4', pageSize: 25 },
    response: {
      quarter: '2026-Q4',
      items: [
        {
          key: 'SEC-12',
          title: 'Legacy TLS on payments API',
          tier: 'high',
          owner: alice,
          expiresOn: '2026-11-20',
          dueOn: '2026-10-15',
          overdue: true,
          attestation: null,
        },
      ],
      total: 1,
      nextCursor: null,
    },
  },
  'reviews/attest': {
    request: { issueKey: 'SEC-12', quarter: '2026-Q4', stillValid: true, stillNecessary: true, controlsInPlace: true },
    response: { issueKey: 'SEC-12', recorded: 'recorded', attestation, nextReviewDue: '2027-01-15' },
  },
  'reports/list': {
    request: { pageSize: 12 },
    response: {
      items: [
        {
          month: '2026-10',
          generatedAt: '2026-11-01T06:00:00.000Z',
          riskThreshold: 7,
          counts: { lackingControls: 0, aboveRiskThreshold: 1, overdueReviews: 1, expiringNextMonth: 1 },
          emailed: true,
          notEmailedBecause: null,
        },
      ],
      nextCursor: null,
    },
  },
  'reports/get': {
    request: { month: '2026-10' },
    response: {
      month: '2026-10',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      generatedAt: '2026-11-01T06:00:00.000Z',
      riskThreshold: 7,
      sections: {
        lackingControls: { count: 0, items: [] },
        aboveRiskThreshold: { count: 1, items: [reportItem] },
        overdueReviews: { count: 1, items: [reportItem] },
        expiringNextMonth: { count: 1, items: [reportItem] },
      },
      emailed: true,
      notEmailedBecause: null,
    },
  },
  'exception/panel': {
    request: { issueKey: 'SEC-12' },
    response: {
      key: 'SEC-12',
      title: 'Legacy TLS on payments API',
      status: 'awaiting-approval',
      tier: 'high',
      risk: riskAssessment,
      riskProblem: null,
      approval: {
        levels: [
          { levelId: 'security-lead', name: 'Security lead', group: 'security-leads', state: 'done', approver: lead, decidedAt: '2026-10-30T12:00:00.000Z' },
          { levelId: 'risk-owner', name: 'Risk / information owner', group: 'risk-owners', state: 'next', approver: null, decidedAt: null },
          { levelId: 'compliance-lead', name: 'Compliance lead', group: 'compliance-leads', state: 'pending', approver: null, decidedAt: null },
        ],
        complete: false,
        eligibleGroup: 'risk-owners',
        notAllowed: [
          { person: bob, code: 'APPROVAL.REQUESTER_CANNOT_APPROVE', reason: 'Bob Requester raised SEC-12: a requester never approves their own exception.' },
          { person: lead, code: 'APPROVAL.ALREADY_APPROVED_ANOTHER_LEVEL', reason: 'Sam Security-Lead approved the Security lead level: nobody approves two levels.' },
        ],
        voidedAt: null,
      },
      expiry: { expiresOn: null, daysLeft: null, asOf: '2026-11-02' },
      renewal: {
        allowed: false,
        reason: 'Only an active exception can be renewed.',
        renewalCount: 0,
        maxRenewals: 1,
        cumulativeDays: 0,
        maxCumulativeDays: 180,
        pendingRenewal: null,
        renewalOf: null,
      },
      audit: {
        chain: { state: 'verified', entries: 3 },
        entries: [
          {
            sequence: 3,
            at: '2026-10-30T12:00:00.000Z',
            actor: lead,
            action: 'exception.approved',
            summary: 'Security lead level approved',
            hashPrefix: '9f86d081884c7d65',
            integrity: 'verified',
          },
          {
            sequence: 1,
            at: '2026-10-28T08:00:00.000Z',
            actor: bob,
            action: 'exception.submitted',
            summary: 'Submitted for risk review',
            hashPrefix: '2c26b46b68ffc68f',
            integrity: 'verified',
          },
        ],
        hasMore: false,
      },
    },
  },
  'exception/request-renewal': {
    request: { issueKey: 'SEC-12', requestedExpiry: '2027-02-18', reason: 'The vendor patch ships in January; the WAF rule stays in place.' },
    response: { renewalKey: 'SEC-31', renewalOf: 'SEC-12', escalated: false, message: 'SEC-31 renews SEC-12: update its risk assessment, then submit it.' },
  },
  'intake/preflight': {
    request: {
      issueKey: 'SEC-12',
      draft: { riskInputs: { method: 'cvss', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', threatVectors: ['network'] } },
    },
    response: {
      ready: false,
      tier: 'high',
      risk: riskAssessment,
      requiredApprovers: approvers.slice(0, 3),
      maxExpiry: '2027-01-31',
      notices: [],
      problems: [
        { path: 'compensatingControls', code: 'PREFLIGHT.CONTROLS_REQUIRED', message: 'A high-tier exception needs at least one documented compensating control that is implemented or verified.' },
      ],
    },
  },
  'admin/policy/get': {
    request: {},
    response: { policy: samplePolicy, revision: 3, updatedAt: '2026-10-01T08:00:00.000Z', updatedBy: lead },
  },
  'admin/policy/validate': {
    request: { policy: samplePolicy },
    response: {
      valid: true,
      fieldErrors: [],
      preview: {
        tiers: (['low', 'medium', 'high', 'critical'] as const).map((tier) => ({
          tier,
          approvers: approvers.filter((a) => samplePolicy.tiers[tier].levels.includes(a.levelId)),
          maxDurationDays: samplePolicy.tiers[tier].maxDurationDays,
          maxRenewals: samplePolicy.tiers[tier].maxRenewals,
          maxCumulativeDays: samplePolicy.tiers[tier].maxCumulativeDays,
          reminderDays: samplePolicy.tiers[tier].reminderDays,
          activeCount: 5,
          activeBeyondMaxDuration: tier === 'high' ? 2 : 0,
          activeBeyondRenewalCaps: 0,
        })),
        limits: { activePerAsset: 3, assetsOverLimit: 0, activePerBusinessUnit: 50, businessUnitsOverLimit: 0 },
        changes: ['high: maximum duration 120 -> 90 days'],
      },
    },
  },
  'admin/policy/save': {
    request: { policy: samplePolicy, expectedRevision: 3 },
    response: { revision: 4, updatedAt: '2026-11-02T09:30:00.000Z' },
  },
  'admin/setup/run': { request: { projectKey: 'SEC' }, response: setupReport },
  'admin/setup/status': { request: { projectKey: 'SEC' }, response: { projectKey: 'SEC', lastRun: setupReport } },
  'admin/integrations/get': { request: {}, response: { integrations: [integration] } },
  'admin/integrations/save': {
    request: { id: 'scanner-ingest', enabled: true, rotateSecret: true },
    response: { integration, newSecret: 'c2VjcmV0LXNob3duLW9uY2UtdG8tdGhlLWFkbWluLW9ubHk' },
  },
  'admin/auditors/get': {
    request: {},
    response: {
      group: 'auditors',
      grants: [{ auditor, until: '2026-12-31T23:59:59.000Z', grantedBy: lead, grantedAt: '2026-11-02T09:00:00.000Z', active: true }],
    },
  },
  'admin/auditors/grant': {
    request: { accountId: auditor.accountId, until: '2026-12-31T23:59:59.000Z' },
    response: { grant: { auditor, until: '2026-12-31T23:59:59.000Z', grantedBy: lead, grantedAt: '2026-11-02T09:00:00.000Z', active: true } },
  },
  'session/me': {
    request: {},
    response: {
      user: lead,
      roles: { requester: true, approverLevels: ['security-lead'], peerReviewer: false, reviewer: true, securityLead: true, admin: true, auditor: false },
      auditorAccessUntil: null,
    },
  },
};
