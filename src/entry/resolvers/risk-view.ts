import type { RiskAssessmentView } from '../../contract';
import type { RiskAssessment } from '../../domain/risk';

/** The rating as the contract carries it: every step, and the CVSS score without the metrics that do not score. */
export const riskViewOf = (risk: RiskAssessment): RiskAssessmentView => ({
  method: risk.method,
  ...(risk.cvss === undefined
    ? {}
    : { cvss: { version: risk.cvss.version, vector: risk.cvss.vector, baseScore: risk.cvss.baseScore, severity: risk.cvss.severity } }),
  inherentScore: risk.inherentScore,
  contextualScore: risk.contextualScore,
  residualScore: risk.residualScore,
  tier: risk.tier,
  steps: risk.steps.map((step) => ({
    step: step.step,
    detail: step.detail,
    ...(step.delta === undefined ? {} : { delta: step.delta }),
    ...(step.scoreAfter === undefined ? {} : { scoreAfter: step.scoreAfter }),
  })),
});
