import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { canRequestRenewal, type ExceptionPanel, type LevelState } from '@contract';
import { ErrorMessage, Loading } from '../../shared/feedback';
import { daysLeftText, formatInstant } from '../../shared/format';
import { StatusLozenge, TierLozenge } from '../../shared/lozenges';
import { PersonName } from '../../shared/person';
import { RiskExplanation } from '../../shared/risk-explanation';
import { useServices } from '../../shared/services';
import { SessionProvider, useSession } from '../../shared/session';
import { useResolver } from '../../shared/use-resolver';
import { RenewalForm } from './RenewalForm';

const LEVEL_LABEL: Readonly<Record<LevelState, string>> = { done: 'Approved', next: 'Waiting for approval', pending: 'Not yet' };
const LEVEL_APPEARANCE = { done: 'success', next: 'inprogress', pending: 'default' } as const;

function ApprovalChain({ approval }: { approval: ExceptionPanel['approval'] }) {
  return (
    <section aria-labelledby="approval-heading" className="ser-stack">
      <h2 id="approval-heading">Approval chain</h2>
      {approval.voidedAt !== null && (
        <SectionMessage appearance="warning">
          <p>{`Earlier approvals were voided on ${formatInstant(approval.voidedAt)}: risk-relevant fields changed after approval.`}</p>
        </SectionMessage>
      )}
      <ol className="ser-steps">
        {approval.levels.map((level) => (
          <li key={level.levelId}>
            <span className="ser-row">
              <strong>{level.name}</strong>
              <Lozenge appearance={LEVEL_APPEARANCE[level.state]}>{LEVEL_LABEL[level.state]}</Lozenge>
              <span className="ser-muted">{`group ${level.group}`}</span>
              {level.approver !== null && (
                <span>
                  by <PersonName person={level.approver} />
                  {level.decidedAt !== null && ` on ${formatInstant(level.decidedAt)}`}
                </span>
              )}
            </span>
          </li>
        ))}
      </ol>
      {approval.complete ? (
        <p>Every required level has approved the current content.</p>
      ) : (
        approval.eligibleGroup !== null && <p>{`Who may approve next: members of ${approval.eligibleGroup}.`}</p>
      )}
      {approval.notAllowed.length > 0 && (
        <>
          <h3 className="ser-label">Not allowed to approve next</h3>
          <ul>
            {approval.notAllowed.map((n) => (
              <li key={`${n.person.accountId}:${n.code}`}>
                <PersonName person={n.person} />: {n.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AuditTrail({ audit }: { audit: ExceptionPanel['audit'] }) {
  const { chain } = audit;
  return (
    <section aria-labelledby="audit-heading" className="ser-stack">
      <h2 id="audit-heading" className="ser-row">
        Audit trail{' '}
        {chain.state === 'verified' ? (
          <Lozenge appearance="success">Chain verified</Lozenge>
        ) : (
          <Lozenge appearance="removed" isBold>{`Chain broken at #${chain.brokenAtSequence}`}</Lozenge>
        )}
      </h2>
      {chain.state === 'broken' && (
        <SectionMessage appearance="error" title="The audit trail failed verification">
          <p>{chain.message}</p>
        </SectionMessage>
      )}
      <table className="ser-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Hash</th>
            <th scope="col">Integrity</th>
          </tr>
        </thead>
        <tbody>
          {audit.entries.map((e) => (
            <tr key={e.sequence}>
              <th scope="row">{e.sequence}</th>
              <td>{formatInstant(e.at)}</td>
              <td>
                <PersonName person={e.actor} />
              </td>
              <td>
                <code>{e.action}</code> {e.summary}
              </td>
              <td>
                <code>{e.hashPrefix}</code>
              </td>
              <td>
                <Lozenge appearance={e.integrity === 'verified' ? 'success' : 'removed'}>{e.integrity}</Lozenge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {audit.hasMore && <p className="ser-muted">Older entries are in the audit package export.</p>}
    </section>
  );
}

function Renewal({ panel, onRenewed }: { panel: ExceptionPanel; onRenewed: () => void }) {
  const session = useSession();
  const { renewal } = panel;
  return (
    <section aria-labelledby="renewal-heading" className="ser-stack">
      <h2 id="renewal-heading">Renewal</h2>
      <p>{`Renewals used: ${renewal.renewalCount} of ${renewal.maxRenewals}; days used in the chain: ${renewal.cumulativeDays} of ${renewal.maxCumulativeDays}.`}</p>
      {renewal.renewalOf !== null && <p>{`This exception renews ${renewal.renewalOf}.`}</p>}
      {renewal.pendingRenewal !== null && <p>{`Renewal ${renewal.pendingRenewal} is in progress.`}</p>}
      {renewal.reason !== null && <p>{renewal.reason}</p>}
      {renewal.allowed && session !== null && canRequestRenewal(session) && (
        <RenewalForm issueKey={panel.key} onRenewed={onRenewed} />
      )}
    </section>
  );
}

function PanelBody({ issueKey }: { issueKey: string }) {
  const { state, reload } = useResolver('exception/panel', { issueKey });
  if (state.status === 'loading') return <Loading label={`Loading ${issueKey}`} />;
  if (state.status === 'failure') return <ErrorMessage error={state.error} title={`${issueKey} could not be loaded`} />;
  const panel = state.data;
  return (
    <div className="ser-stack">
      <div className="ser-row">
        <StatusLozenge status={panel.status} />
        <TierLozenge tier={panel.tier} />
        {panel.risk !== null && <span>{`Residual risk ${panel.risk.residualScore.toFixed(1)}`}</span>}
        <span aria-label="Time to expiry">
          {panel.expiry.expiresOn === null
            ? 'No expiry yet'
            : `Expires ${panel.expiry.expiresOn}${panel.expiry.daysLeft === null ? '' : ` (${daysLeftText(panel.expiry.daysLeft)})`}`}
        </span>
      </div>
      <section aria-labelledby="risk-heading" className="ser-stack">
        <h2 id="risk-heading">Risk</h2>
        {panel.risk !== null ? <RiskExplanation risk={panel.risk} /> : <p>{panel.riskProblem ?? 'The risk has not been rated yet.'}</p>}
      </section>
      <ApprovalChain approval={panel.approval} />
      <Renewal panel={panel} onRenewed={reload} />
      <AuditTrail audit={panel.audit} />
    </div>
  );
}

/** The issue panel of one exception: its risk, approvals, expiry, renewal and audit trail. */
export function IssuePanel() {
  const { context } = useServices();
  if (context.issueKey === null) return <p>Open this panel on a security exception issue.</p>;
  return (
    <SessionProvider>
      <PanelBody issueKey={context.issueKey} />
    </SessionProvider>
  );
}
