export { assessRisk } from './assess-risk';
export { CVSS_SEVERITIES, CVSS_VERSIONS, scoreCvssVector, severityOf } from './cvss';
export type { CvssErrorCode, CvssScore, CvssSeverity, CvssVersion } from './cvss';
export { explainRisk } from './explain-risk';
export { compareTiers, requiresReapproval, tierRaised } from './re-rating';
export type { RiskAssessment, RiskErrorCode, RiskInput, RiskStep, RiskStepId } from './risk-assessment';
export { lookupMatrixScore, matrixSize } from './risk-matrix';
export type { MatrixErrorCode, RiskMatrix } from './risk-matrix';
export { tierForScore } from './risk-tier';
