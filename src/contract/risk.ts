import { z } from 'zod';
import { boundedText, levelIdSchema, scoreSchema } from './primitives';
import { CVSS_SEVERITIES, CVSS_VERSIONS, TIERS } from './vocabulary';

/** The explainable rating as users read it: every step with what it added and the score after it. */

export const RISK_STEP_IDS = [
  'inherent',
  'modifier.asset-criticality',
  'modifier.data-classification',
  'modifier.internet-facing',
  'modifier.known-exploited',
  'contextual',
  'control',
  'control.cap',
  'residual',
  'floor',
  'threshold',
  'override.known-exploited',
  'override.restricted-data',
  'override.internet-facing-critical-asset',
  'tier',
] as const;

export const riskStepSchema = z.object({
  step: z.enum(RISK_STEP_IDS),
  detail: z.string().min(1).max(2000),
  delta: z.number().min(-10).max(10).optional(),
  scoreAfter: scoreSchema.optional(),
});
export type RiskStep = z.infer<typeof riskStepSchema>;

export const cvssScoreSchema = z.object({
  version: z.enum(CVSS_VERSIONS),
  vector: boundedText(512),
  baseScore: scoreSchema,
  severity: z.enum(CVSS_SEVERITIES),
});

export const riskAssessmentSchema = z.object({
  method: z.enum(['cvss', 'matrix']),
  cvss: cvssScoreSchema.optional(),
  inherentScore: scoreSchema,
  contextualScore: scoreSchema,
  residualScore: scoreSchema,
  tier: z.enum(TIERS),
  steps: z.array(riskStepSchema).max(100),
});
export type RiskAssessmentView = z.infer<typeof riskAssessmentSchema>;

/** One approval level a request will need, in the order the levels must approve. */
export const requiredApproverSchema = z.object({
  levelId: levelIdSchema,
  name: boundedText(80),
  group: boundedText(255),
});
export type RequiredApprover = z.infer<typeof requiredApproverSchema>;
