import type { RiskAssessmentView } from '@contract';
import { TierLozenge } from './lozenges';

const signed = (delta: number): string => `${delta > 0 ? '+' : ''}${delta.toFixed(2)}`;

/** The rating step by step, so a reader can redo the arithmetic that led to the tier. */
export function RiskExplanation({ risk }: { risk: RiskAssessmentView }) {
  return (
    <div className="ser-stack">
      <p className="ser-row">
        <TierLozenge tier={risk.tier} />
        <span>{`Inherent ${risk.inherentScore.toFixed(1)}, with context ${risk.contextualScore.toFixed(1)}, residual ${risk.residualScore.toFixed(1)}`}</span>
        {risk.cvss !== undefined && <span className="ser-muted">{`CVSS ${risk.cvss.version} base ${risk.cvss.baseScore.toFixed(1)} (${risk.cvss.severity})`}</span>}
      </p>
      <ol className="ser-steps" aria-label="How the tier was reached">
        {risk.steps.map((step, i) => (
          <li key={`${step.step}-${i}`}>
            {step.detail}
            {step.delta !== undefined && <span className="ser-muted">{` (${signed(step.delta)})`}</span>}
            {step.scoreAfter !== undefined && <span className="ser-muted">{` → ${step.scoreAfter.toFixed(1)}`}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
