import type { Asset, CompensatingControl, Finding, RiskInputs, Tier } from '../exception/security-exception';
import type { CvssErrorCode, CvssScore } from './cvss';
import type { MatrixErrorCode } from './risk-matrix';

/** Everything the rating reads; retired assets may be included and are ignored. */
export type RiskInput = {
  readonly riskInputs: RiskInputs;
  readonly assets: readonly Asset[];
  readonly findings: readonly Finding[];
  readonly compensatingControls: readonly CompensatingControl[];
};

export type RiskErrorCode = CvssErrorCode | MatrixErrorCode;

export type RiskStepId =
  | 'inherent'
  | 'modifier.asset-criticality'
  | 'modifier.data-classification'
  | 'modifier.internet-facing'
  | 'modifier.known-exploited'
  | 'contextual'
  | 'control'
  | 'control.cap'
  | 'residual'
  | 'floor'
  | 'threshold'
  | 'override.known-exploited'
  | 'override.restricted-data'
  | 'override.internet-facing-critical-asset'
  | 'tier';

/**
 * One line of the user-facing explanation. `delta` is what the step adds to (or, negative, takes from) the score;
 * `scoreAfter` is the score once the step is applied. Together they let a reader redo the arithmetic.
 */
export type RiskStep = {
  readonly step: RiskStepId;
  readonly detail: string;
  readonly delta?: number;
  readonly scoreAfter?: number;
};

export type RiskAssessment = {
  readonly method: RiskInputs['method'];
  readonly cvss?: CvssScore;
  readonly inherentScore: number;
  readonly contextualScore: number;
  readonly residualScore: number;
  readonly tier: Tier;
  readonly steps: readonly RiskStep[];
};
