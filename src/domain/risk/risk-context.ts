import { CRITICALITIES, DATA_CLASSIFICATIONS, type Asset, type Finding } from '../exception/security-exception';
import type { Policy } from '../policy/policy-config';
import type { RiskStep } from './risk-assessment';
import { describeDelta } from './risk-score';

/**
 * What the environment adds to the inherent score. Retired assets no longer carry the risk, so they are left out
 * everywhere; across the rest the worst case counts (the most critical asset, the most sensitive data).
 */
export type RiskContext = {
  readonly inService: readonly Asset[];
  readonly retiredCount: number;
  readonly mostCritical: Asset | undefined;
  readonly mostSensitive: Asset | undefined;
  readonly internetFacing: readonly Asset[];
  readonly knownExploited: readonly Finding[];
};

export function readRiskContext(assets: readonly Asset[], findings: readonly Finding[]): RiskContext {
  const inService = assets.filter((asset) => !asset.retired);
  return {
    inService,
    retiredCount: assets.length - inService.length,
    mostCritical: worstBy(inService, (asset) => CRITICALITIES.indexOf(asset.criticality)),
    mostSensitive: worstBy(inService, (asset) => DATA_CLASSIFICATIONS.indexOf(asset.dataClassification)),
    internetFacing: inService.filter((asset) => asset.internetFacing),
    knownExploited: findings.filter((finding) => finding.knownExploited),
  };
}

/** The first asset with the highest rank, so ties resolve to the order the requester listed them in. */
const worstBy = (assets: readonly Asset[], rank: (asset: Asset) => number): Asset | undefined =>
  assets.reduce<Asset | undefined>((worst, asset) => (worst === undefined || rank(asset) > rank(worst) ? asset : worst), undefined);

type Modifiers = Policy['risk']['modifiers'];

/** One step per context modifier, applied or not, so the explanation shows everything that was considered. */
export function contextModifierSteps(context: RiskContext, modifiers: Modifiers): readonly RiskStep[] {
  return [
    assetCriticalityStep(context, modifiers),
    dataClassificationStep(context, modifiers),
    internetFacingStep(context, modifiers),
    knownExploitedStep(context, modifiers),
  ];
}

function assetCriticalityStep(context: RiskContext, modifiers: Modifiers): RiskStep {
  const retired = context.retiredCount === 0 ? '' : ` (${plural(context.retiredCount, 'retired asset')} ignored)`;
  const asset = context.mostCritical;
  if (asset === undefined)
    return { step: 'modifier.asset-criticality', detail: `No in-service asset is listed${retired}: no asset criticality modifier.`, delta: 0 };
  const delta = modifiers.assetCriticality[asset.criticality];
  return {
    step: 'modifier.asset-criticality',
    detail: `Most critical in-service asset${retired}: ${describeAsset(asset)}, criticality ${asset.criticality}: ${describeDelta(delta)}.`,
    delta,
  };
}

function dataClassificationStep(context: RiskContext, modifiers: Modifiers): RiskStep {
  const asset = context.mostSensitive;
  if (asset === undefined)
    return { step: 'modifier.data-classification', detail: 'No in-service asset holds data: no data classification modifier.', delta: 0 };
  const delta = modifiers.dataClassification[asset.dataClassification];
  return {
    step: 'modifier.data-classification',
    detail: `Most sensitive data: ${describeAsset(asset)} holds ${asset.dataClassification} data: ${describeDelta(delta)}.`,
    delta,
  };
}

function internetFacingStep(context: RiskContext, modifiers: Modifiers): RiskStep {
  if (context.internetFacing.length === 0)
    return { step: 'modifier.internet-facing', detail: 'No in-service asset is internet-facing: no change.', delta: 0 };
  const delta = modifiers.internetFacing;
  return {
    step: 'modifier.internet-facing',
    detail: `Internet-facing: ${listOf(context.internetFacing.map(describeAsset))}: ${describeDelta(delta)}.`,
    delta,
  };
}

function knownExploitedStep(context: RiskContext, modifiers: Modifiers): RiskStep {
  if (context.knownExploited.length === 0)
    return { step: 'modifier.known-exploited', detail: 'No finding is known to be exploited: no change.', delta: 0 };
  const delta = modifiers.knownExploited;
  return {
    step: 'modifier.known-exploited',
    detail: `Known to be exploited: ${listOf(context.knownExploited.map(describeFinding))}: ${describeDelta(delta)}.`,
    delta,
  };
}

export const describeAsset = (asset: Asset): string => `"${asset.name}" (${asset.id})`;

export const describeFinding = (finding: Finding): string => finding.cve ?? finding.title ?? finding.scannerId ?? 'an unnamed finding';

const LISTED = 3;

/** Names a few and counts the rest, so one line stays readable with a hundred assets. */
export const listOf = (names: readonly string[]): string =>
  names.length <= LISTED ? names.join(', ') : `${names.slice(0, LISTED).join(', ')} and ${names.length - LISTED} more`;

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
