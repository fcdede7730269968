import type { RiskInputs } from '../exception/security-exception';
import type { Policy } from '../policy/policy-config';
import { ok, type Result } from '../shared/result';
import { scoreCvssVector, type CvssScore } from './cvss';
import type { RiskAssessment, RiskErrorCode, RiskInput, RiskStep } from './risk-assessment';
import { contextModifierSteps, readRiskContext } from './risk-context';
import { lookupMatrixScore, matrixSize, type RiskMatrix } from './risk-matrix';
import { decideTier } from './risk-tier';
import { residualRisk } from './residual-risk';
import { clampScore, formatDelta, formatNumber, formatScore, roundScore, sumDeltas } from './risk-score';

/**
 * Rates an exception: inherent score (CVSS base score or the policy matrix), plus context modifiers, less what
 * compensating controls in place take off, then the tier from thresholds and overrides. Every step is recorded so
 * the person reading the tier can see, and redo, how it was reached.
 */
export function assessRisk(input: RiskInput, policy: Policy): Result<RiskAssessment, RiskErrorCode> {
  const inherent = rateInherent(input.riskInputs, policy.risk.matrix);
  if (!inherent.ok) return inherent;
  const { score: inherentScore, cvss, step: inherentStep } = inherent.value;

  const context = readRiskContext(input.assets, input.findings);
  const modifierSteps = contextModifierSteps(context, policy.risk.modifiers);
  const contextual = contextualStep(inherentScore, modifierSteps);
  const residual = residualRisk(contextual.scoreAfter, input.compensatingControls, policy.risk.controls);
  const decision = decideTier(residual.score, context, policy.risk);

  return ok({
    method: input.riskInputs.method,
    ...(cvss === undefined ? {} : { cvss }),
    inherentScore,
    contextualScore: contextual.scoreAfter,
    residualScore: residual.score,
    tier: decision.tier,
    steps: [inherentStep, ...modifierSteps, contextual, ...residual.steps, ...decision.steps],
  });
}

type Inherent = { readonly score: number; readonly cvss?: CvssScore; readonly step: RiskStep };

function rateInherent(riskInputs: RiskInputs, matrix: RiskMatrix): Result<Inherent, RiskErrorCode> {
  if (riskInputs.method === 'cvss') {
    const scored = scoreCvssVector(riskInputs.vector);
    if (!scored.ok) return scored;
    return ok({ score: scored.value.baseScore, cvss: scored.value, step: cvssStep(scored.value) });
  }
  const looked = lookupMatrixScore(matrix, riskInputs.likelihood, riskInputs.impact);
  if (!looked.ok) return looked;
  const score = roundScore(looked.value);
  const { likelihoodLevels, impactLevels } = matrixSize(matrix);
  return ok({
    score,
    step: {
      step: 'inherent',
      detail: `Inherent score from the policy's risk matrix: likelihood ${riskInputs.likelihood} of ${likelihoodLevels}, impact ${riskInputs.impact} of ${impactLevels}: ${formatScore(score)}.`,
      scoreAfter: score,
    },
  });
}

function cvssStep(cvss: CvssScore): RiskStep {
  const unscored =
    cvss.unscoredMetrics.length === 0
      ? ''
      : ` The vector's ${cvss.unscoredMetrics.join(', ')} metric(s) are not part of the base score; the context steps below rate exposure instead.`;
  return {
    step: 'inherent',
    detail: `Inherent score: CVSS ${cvss.version} base score ${formatScore(cvss.baseScore)} (${cvss.severity}) for ${cvss.vector}.${unscored}`,
    scoreAfter: cvss.baseScore,
  };
}

function contextualStep(inherentScore: number, modifierSteps: readonly RiskStep[]): RiskStep & { readonly scoreAfter: number } {
  const adjustment = sumDeltas(modifierSteps.map((step) => step.delta ?? 0));
  const raw = sumDeltas([inherentScore, adjustment]);
  const clamped = clampScore(raw);
  const score = roundScore(clamped);
  const kept =
    clamped !== raw ? `, kept within the 0-10 scale: ${formatScore(score)}` : score !== raw ? `, rounded to ${formatScore(score)}` : '';
  return {
    step: 'contextual',
    detail: `Contextual score: ${formatScore(inherentScore)} ${formatDelta(adjustment)} from context = ${formatNumber(raw)}${kept}.`,
    delta: adjustment,
    scoreAfter: score,
  };
}
