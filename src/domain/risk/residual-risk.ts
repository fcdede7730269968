import type { CompensatingControl } from '../exception/security-exception';
import type { Policy } from '../policy/policy-config';
import type { RiskStep } from './risk-assessment';
import { formatDelta, formatNumber, formatScore, roundScore, sumDeltas } from './risk-score';

type ControlPolicy = Policy['risk']['controls'];

export type ResidualRisk = { readonly score: number; readonly reduction: number; readonly steps: readonly RiskStep[] };

/**
 * Residual risk: the contextual score less what compensating controls that are in place take off. Only implemented
 * or verified controls count; the total is capped, and the floor keeps a share of the risk that no control removes.
 */
export function residualRisk(contextualScore: number, controls: readonly CompensatingControl[], policy: ControlPolicy): ResidualRisk {
  const controlSteps = controls.length === 0 ? [noControlsStep] : controls.map((control) => controlStep(control, policy));
  const claimed = sumDeltas(controlSteps.map((step) => -(step.delta ?? 0)));
  const reduction = Math.min(claimed, policy.maxReduction);
  const reduced = contextualScore - reduction;
  const floor = contextualScore * policy.floorRatio;
  const floorBinds = floor > reduced;
  const score = roundScore(floorBinds ? floor : reduced);
  return {
    score,
    reduction,
    steps: [
      ...controlSteps,
      ...(claimed > policy.maxReduction ? [capStep(claimed, policy.maxReduction)] : []),
      residualStep(contextualScore, reduction, reduced, floorBinds ? undefined : score),
      ...(floorBinds ? [floorStep(contextualScore, policy.floorRatio, reduced, score)] : []),
    ],
  };
}

/** What one control takes off the score; planned controls take off nothing. */
function controlReductionOf(control: CompensatingControl, policy: ControlPolicy): number {
  if (control.status === 'planned') return 0;
  const rate = rateFor(control.type, policy).rate;
  return control.status === 'verified' ? rate + policy.verifiedBonus : rate;
}

const OTHER = 'other';

/** The configured rate for a control type, falling back to "other"; own keys only, so "constructor" is no type. */
function rateFor(type: string, policy: ControlPolicy): { readonly rate: number; readonly source: 'type' | 'other' | 'none' } {
  const { effectiveness } = policy;
  if (Object.hasOwn(effectiveness, type)) return { rate: effectiveness[type] ?? 0, source: 'type' };
  if (Object.hasOwn(effectiveness, OTHER)) return { rate: effectiveness[OTHER] ?? 0, source: 'other' };
  return { rate: 0, source: 'none' };
}

const noControlsStep: RiskStep = { step: 'control', detail: 'No compensating controls are listed: no reduction.', delta: 0 };

function controlStep(control: CompensatingControl, policy: ControlPolicy): RiskStep {
  const name = `Control ${control.id} (${control.type})`;
  const reduction = controlReductionOf(control, policy);
  const delta = reduction === 0 ? 0 : -reduction;
  if (control.status === 'planned')
    return { step: 'control', detail: `${name} is only planned, so it is ignored: planned controls never reduce risk.`, delta };
  const { rate, source } = rateFor(control.type, policy);
  const rateNote =
    source === 'type'
      ? ''
      : source === 'other'
        ? `; the policy has no rate for "${control.type}" controls, so the "${OTHER}" rate applies`
        : `; the policy rates neither "${control.type}" nor "${OTHER}" controls`;
  const breakdown =
    control.status === 'verified' ? ` (${formatDelta(-rate)} for the control, ${formatDelta(-policy.verifiedBonus)} for verification)` : '';
  const effect = reduction === 0 ? 'no reduction' : formatDelta(-reduction);
  return { step: 'control', detail: `${name} is ${control.status}${rateNote}: ${effect}${breakdown}.`, delta };
}

function capStep(claimed: number, cap: number): RiskStep {
  return {
    step: 'control.cap',
    detail: `Controls add up to ${formatNumber(claimed)}, but the policy caps the total reduction at ${formatNumber(cap)}: ${formatDelta(claimed - cap)} given back.`,
    delta: sumDeltas([claimed, -cap]),
  };
}

function residualStep(contextual: number, reduction: number, reduced: number, score: number | undefined): RiskStep {
  const sum = `${formatScore(contextual)} - ${formatNumber(reduction)} = ${formatNumber(reduced)}`;
  const delta = reduction === 0 ? 0 : -reduction;
  if (score === undefined) return { step: 'residual', detail: `Residual score before the floor: ${sum}.`, delta };
  const rounded = Math.abs(score - reduced) > ROUNDING_NOISE ? `, rounded to ${formatScore(score)}` : '';
  return { step: 'residual', detail: `Residual score: ${sum}${rounded}.`, delta, scoreAfter: score };
}

const ROUNDING_NOISE = 1e-9;

function floorStep(contextual: number, ratio: number, reduced: number, score: number): RiskStep {
  const percent = String(Math.round(ratio * 1000) / 10);
  return {
    step: 'floor',
    detail: `The policy keeps residual risk at no less than ${percent}% of the contextual score (${formatScore(contextual)} x ${formatNumber(ratio)} = ${formatNumber(contextual * ratio)}), so the residual score is raised from ${formatNumber(reduced)} to ${formatScore(score)}.`,
    delta: sumDeltas([score, -reduced]),
    scoreAfter: score,
  };
}
