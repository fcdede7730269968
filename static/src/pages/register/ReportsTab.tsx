import Button from '@atlaskit/button/new';
import { useState } from 'react';
import { TIERS, type MonthTotals } from '@contract';
import { ErrorMessage, Loading } from '../../shared/feedback';
import { formatDays, formatInstant } from '../../shared/format';
import { TierLozenge } from '../../shared/lozenges';
import { useResolver } from '../../shared/use-resolver';

const LIST_REQUEST = { pageSize: 24 };

const TOTAL_LABELS: Readonly<Record<keyof MonthTotals, string>> = {
  opened: 'Opened',
  approved: 'Approved',
  rejected: 'Rejected',
  expired: 'Expired',
  revoked: 'Revoked',
  remediated: 'Remediated',
  renewed: 'Renewed',
  activeAtEnd: 'Active at month end',
};

function Totals({ totals }: { totals: MonthTotals }) {
  return (
    <dl className="ser-tiles">
      {(Object.keys(TOTAL_LABELS) as (keyof MonthTotals)[]).map((k) => (
        <div key={k} className="ser-tile">
          <dt className="ser-label">{TOTAL_LABELS[k]}</dt>
          <dd className="ser-tile-value">{totals[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

function Report({ month }: { month: string }) {
  const { state } = useResolver('reports/get', { month });
  if (state.status === 'loading') return <Loading label={`Loading the report for ${month}`} />;
  if (state.status === 'failure') return <ErrorMessage error={state.error} title={`The report for ${month} could not be loaded`} />;
  const r = state.data;
  return (
    <article aria-label={`Report for ${r.month}`} className="ser-stack">
      <h2>{`Report for ${r.month}`}</h2>
      <p className="ser-muted">{`${r.periodStart} to ${r.periodEnd}, generated ${formatInstant(r.generatedAt)}`}</p>
      <Totals totals={r.totals} />
      <p>{`Mean time to decision: ${formatDays(r.meanTimeToDecisionDays)}. Overdue reviews at month end: ${r.overdueReviewsAtEnd}.`}</p>
      <p>
        {`Audit chain: ${r.auditChain.verified ? 'verified' : 'BROKEN'} over ${r.auditChain.entries} entries (head #${r.auditChain.headSequence}).`}
      </p>
      <table className="ser-table">
        <caption className="ser-label">Active at month end by tier</caption>
        <tbody>
          {TIERS.map((tier) => (
            <tr key={tier}>
              <th scope="row">
                <TierLozenge tier={tier} />
              </th>
              <td>{r.activeAtEndByTier[tier]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="ser-table">
        <caption className="ser-label">By business unit</caption>
        <thead>
          <tr>
            <th scope="col">Business unit</th>
            <th scope="col">Active</th>
            <th scope="col">Opened</th>
          </tr>
        </thead>
        <tbody>
          {r.byBusinessUnit.map((b) => (
            <tr key={b.businessUnit}>
              <th scope="row">{b.businessUnit}</th>
              <td>{b.active}</td>
              <td>{b.opened}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.notable.length > 0 && (
        <section aria-label="Notable exceptions">
          <h3 className="ser-label">Notable</h3>
          <ul>
            {r.notable.map((n) => (
              <li key={n.key}>
                <strong>{n.key}</strong> {n.title} <TierLozenge tier={n.tier} />: {n.note}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

/** Monthly reports, written by the daily job when a month closes. */
export default function ReportsTab() {
  const { state } = useResolver('reports/list', LIST_REQUEST);
  const [month, setMonth] = useState<string | null>(null);
  if (state.status === 'loading') return <Loading label="Loading monthly reports" />;
  if (state.status === 'failure') return <ErrorMessage error={state.error} title="The reports could not be loaded" />;
  if (state.data.items.length === 0) return <p>No monthly report yet: the first is written when the first month closes.</p>;
  return (
    <div className="ser-stack">
      <nav aria-label="Months" className="ser-row">
        {state.data.items.map((item) => (
          <Button key={item.month} isSelected={item.month === month} onClick={() => setMonth(item.month)}>
            {item.month}
          </Button>
        ))}
      </nav>
      {month === null ? <p className="ser-muted">Choose a month to read its report.</p> : <Report key={month} month={month} />}
    </div>
  );
}
