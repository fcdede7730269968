import type { RiskAssessment } from './risk-assessment';

/** The explanation as numbered lines, one per step, for the CLI and the issue panel. */
export const explainRisk = (assessment: RiskAssessment): string[] =>
  assessment.steps.map((step, index) => `${index + 1}. ${step.detail}`);
