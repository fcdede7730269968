import { maxTier, type Tier } from '../exception/security-exception';
import type { Policy } from '../policy/policy-config';
import { tierRaised } from './re-rating';
import type { RiskStep, RiskStepId } from './risk-assessment';
import { describeAsset, describeFinding, listOf, type RiskContext } from './risk-context';
import { formatScore } from './risk-score';

type RiskPolicy = Policy['risk'];
type Thresholds = RiskPolicy['thresholds'];

/** The tier the residual score alone reaches: each threshold is the lowest score of its tier. */
export function tierForScore(score: number, thresholds: Thresholds): Tier {
  if (score >= thresholds.critical) return 'critical';
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}

export type TierDecision = { readonly tier: Tier; readonly scoreTier: Tier; readonly steps: readonly RiskStep[] };

/** The tier from the residual score, then raised (never lowered) by every override that applies. */
export function decideTier(residualScore: number, context: RiskContext, policy: RiskPolicy): TierDecision {
  const scoreTier = tierForScore(residualScore, policy.thresholds);
  const steps: RiskStep[] = [thresholdStep(residualScore, scoreTier, policy.thresholds)];
  let tier = scoreTier;
  for (const override of applicableOverrides(context, policy.overrides)) {
    const raised = maxTier(tier, override.minTier);
    steps.push(overrideStep(override, tier, raised));
    tier = raised;
  }
  steps.push({ step: 'tier', detail: `Tier: ${tier} (residual score ${formatScore(residualScore)}).` });
  return { tier, scoreTier, steps };
}

function thresholdStep(score: number, tier: Tier, thresholds: Thresholds): RiskStep {
  const shown = formatScore(score);
  const at = (name: Tier, value: number) => `at least the ${name} threshold ${formatScore(value)}`;
  const below = (name: Tier, value: number) => `below the ${name} threshold ${formatScore(value)}`;
  const position: Record<Tier, string> = {
    critical: at('critical', thresholds.critical),
    high: `${at('high', thresholds.high)} and ${below('critical', thresholds.critical)}`,
    medium: `${at('medium', thresholds.medium)} and ${below('high', thresholds.high)}`,
    low: below('medium', thresholds.medium),
  };
  return { step: 'threshold', detail: `Residual score ${shown} is ${position[tier]}: tier ${tier}.` };
}

type Override = { readonly step: RiskStepId; readonly reason: string; readonly minTier: Tier };

function applicableOverrides(context: RiskContext, overrides: RiskPolicy['overrides']): readonly Override[] {
  const restricted = context.inService.filter((asset) => asset.dataClassification === 'restricted');
  const exposedCritical = context.internetFacing.filter((asset) => asset.criticality === 'critical');
  const candidates: readonly (Override & { readonly applies: boolean })[] = [
    {
      step: 'override.known-exploited',
      applies: context.knownExploited.length > 0,
      reason: `Known to be exploited: ${listOf(context.knownExploited.map(describeFinding))}`,
      minTier: overrides.knownExploitedMinTier,
    },
    {
      step: 'override.restricted-data',
      applies: restricted.length > 0,
      reason: `Restricted data on ${listOf(restricted.map(describeAsset))}`,
      minTier: overrides.restrictedDataMinTier,
    },
    {
      step: 'override.internet-facing-critical-asset',
      applies: exposedCritical.length > 0,
      reason: `Critical internet-facing asset ${listOf(exposedCritical.map(describeAsset))}`,
      minTier: overrides.internetFacingCriticalAssetMinTier,
    },
  ];
  return candidates.filter((candidate) => candidate.applies);
}

function overrideStep(override: Override, before: Tier, after: Tier): RiskStep {
  const outcome = tierRaised(before, after) ? `raised from ${before} to ${after}` : `${before} already meets it`;
  return { step: override.step, detail: `${override.reason}: the policy sets a tier of at least ${override.minTier}; ${outcome}.` };
}
