import { parsePolicy, type Policy, type PolicyInput } from './policy-config';

/**
 * Defaults from the design's policy table. Cumulative caps follow from duration x (renewals + 1); the
 * critical matrix row and the KEV override make a known-exploited issue at least high, as CISA BOD 22-01
 * expects such findings to be treated.
 */
export const DEFAULT_POLICY_INPUT: PolicyInput = {
  version: 1,
  timeZone: 'UTC',
  kinds: {
    'vulnerability-sla': { eligible: true },
    policy: { eligible: true },
    'configuration-deviation': {
      eligible: false,
      redirect: 'A configuration deviation is a change: raise a change request so it is assessed by change management.',
    },
    'temporary-workaround': {
      eligible: false,
      redirect: 'A temporary workaround belongs to the incident or problem record it works around: record it there with its end date.',
    },
  },
  levels: [
    { id: 'security-lead', name: 'Security lead', group: 'security-leads' },
    { id: 'risk-owner', name: 'Risk / information owner', group: 'risk-owners' },
    { id: 'compliance-lead', name: 'Compliance lead', group: 'compliance-leads' },
    { id: 'ciso', name: 'CISO', group: 'ciso' },
  ],
  tiers: {
    low: { levels: ['security-lead'], maxDurationDays: 180, maxRenewals: 2, maxCumulativeDays: 540, reminderDays: [30, 14, 7, 1] },
    medium: { levels: ['security-lead', 'risk-owner'], maxDurationDays: 180, maxRenewals: 2, maxCumulativeDays: 540, reminderDays: [30, 14, 7, 1] },
    high: {
      levels: ['security-lead', 'risk-owner', 'compliance-lead'],
      maxDurationDays: 90,
      maxRenewals: 1,
      maxCumulativeDays: 180,
      reminderDays: [30, 14, 7, 1],
    },
    critical: {
      levels: ['security-lead', 'risk-owner', 'compliance-lead', 'ciso'],
      maxDurationDays: 30,
      maxRenewals: 1,
      maxCumulativeDays: 60,
      reminderDays: [14, 7, 3, 1],
    },
  },
  peerReview: { group: 'security-architects' },
  risk: {
    // Likelihood (rows, 1 rare .. 5 almost certain) x impact (columns, 1 negligible .. 5 severe), 0-10 scale.
    matrix: {
      scores: [
        [0.5, 1.0, 2.0, 3.0, 4.0],
        [1.0, 2.5, 4.0, 5.0, 6.0],
        [2.0, 4.0, 5.5, 6.5, 7.5],
        [3.0, 5.0, 6.5, 8.0, 9.0],
        [4.0, 6.0, 7.5, 9.0, 10.0],
      ],
    },
    modifiers: {
      assetCriticality: { low: -1.0, medium: 0, high: 0.5, critical: 1.0 },
      dataClassification: { public: -0.5, internal: 0, confidential: 0.5, restricted: 1.0 },
      internetFacing: 1.0,
      knownExploited: 1.5,
    },
    controls: {
      effectiveness: {
        'network-segmentation': 1.5,
        'access-restriction': 1.0,
        'enhanced-monitoring': 0.75,
        waf: 1.0,
        'virtual-patching': 1.25,
        'feature-disabled': 2.0,
        other: 0.5,
      },
      verifiedBonus: 0.25,
      maxReduction: 4.0,
      floorRatio: 0.4,
    },
    thresholds: { medium: 4.0, high: 7.0, critical: 9.0 },
    overrides: { knownExploitedMinTier: 'high', restrictedDataMinTier: 'high', internetFacingCriticalAssetMinTier: 'medium' },
  },
  controlsRequiredFromTier: 'medium',
  limits: { activePerAsset: 3, activePerBusinessUnit: 50 },
  approvalTimeouts: { remindAfterDays: 3, escalateAfterDays: 7, autoRejectAfterDays: 14, escalationGroup: 'security-escalation' },
  reminders: { approversFromDays: 7 },
  review: { group: 'security-leads', graceDays: 14 },
  renewal: { originalExpiresWhileRenewalPending: true },
};

const parsed = parsePolicy(DEFAULT_POLICY_INPUT);
if (!parsed.ok) throw new Error(`default policy is invalid: ${parsed.error.message}`);

export const DEFAULT_POLICY: Policy = parsed.value;
