import SectionMessage from '@atlaskit/section-message';
import type { PreflightProblem, PreflightView } from '@contract';
import { RiskExplanation } from '../../shared/risk-explanation';

function Problems({ title, problems }: { title: string; problems: readonly PreflightProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3 className="ser-label">{title}</h3>
      <ul>
        {problems.map((p) => (
          <li key={`${p.path}:${p.code}`}>{p.message}</li>
        ))}
      </ul>
    </section>
  );
}

/** The request as the Submit validator will judge it: tier and why, who must approve, until when, what is missing. */
export function PreflightPanel({ result, draftKey }: { result: PreflightView; draftKey: string }) {
  const here = result.problems.filter((p) => p.path === draftKey || p.path.startsWith(`${draftKey}.`));
  const elsewhere = result.problems.filter((p) => !here.includes(p));
  return (
    <section aria-label="Pre-flight check" className="ser-stack">
      {result.ready ? (
        <SectionMessage appearance="success" title="Ready to submit">
          <p>Nothing is missing: the request passes the Submit checks.</p>
        </SectionMessage>
      ) : (
        <SectionMessage appearance="warning" title={`${result.problems.length} thing(s) to fix before submitting`}>
          <Problems title="In this field" problems={here} />
          <Problems title="Elsewhere in the request" problems={elsewhere} />
        </SectionMessage>
      )}
      {result.risk !== null ? <RiskExplanation risk={result.risk} /> : <p>The tier is known once the risk inputs and assets are given.</p>}
      {result.requiredApprovers.length > 0 && (
        <section aria-label="Required approvers">
          <h3 className="ser-label">Required approvers, in order</h3>
          <ol className="ser-steps">
            {result.requiredApprovers.map((a) => (
              <li key={a.levelId}>{`${a.name} (group ${a.group})`}</li>
            ))}
          </ol>
        </section>
      )}
      {result.maxExpiry !== null && <p>{`Latest expiry allowed: ${result.maxExpiry}`}</p>}
      {result.notices.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </section>
  );
}
