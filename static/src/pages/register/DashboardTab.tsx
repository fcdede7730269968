import { TIERS, type DashboardSummary } from '@contract';
import { ErrorMessage, Loading } from '../../shared/feedback';
import { formatDays } from '../../shared/format';
import { TierLozenge } from '../../shared/lozenges';
import { PersonName } from '../../shared/person';
import { useResolver } from '../../shared/use-resolver';

const REQUEST = { months: 12 };

function Tile({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="ser-tile">
      <div className="ser-label">{label}</div>
      <div className="ser-tile-value">{value}</div>
    </div>
  );
}

/** Decisions per month as a table a screen reader can read, with bars scaled to the busiest month. */
function Decisions({ months }: { months: DashboardSummary['decisionsByMonth'] }) {
  const peak = Math.max(1, ...months.map((m) => m.approved + m.rejected));
  return (
    <table className="ser-table">
      <caption className="ser-label">Approvals and rejections per month</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Approved</th>
          <th scope="col">Rejected</th>
          <th scope="col" aria-hidden="true" />
        </tr>
      </thead>
      <tbody>
        {months.map((m) => (
          <tr key={m.month}>
            <th scope="row">{m.month}</th>
            <td>{m.approved}</td>
            <td>{m.rejected}</td>
            <td aria-hidden="true">
              <span className="ser-bar" style={{ width: `${(m.approved / peak) * 12}rem` }} />
              <span className="ser-bar ser-bar-rejected" style={{ width: `${(m.rejected / peak) * 12}rem` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function DashboardTab() {
  const { state } = useResolver('dashboard/summary', REQUEST);
  if (state.status === 'loading') return <Loading label="Loading the dashboard" />;
  if (state.status === 'failure') return <ErrorMessage error={state.error} title="The dashboard could not be loaded" />;
  const d = state.data;
  return (
    <section aria-label="Dashboard" className="ser-stack">
      <p className="ser-muted">As of {d.asOf}</p>
      <div className="ser-tiles">
        {TIERS.map((tier) => (
          <div className="ser-tile" key={tier}>
            <div className="ser-label">
              Active <TierLozenge tier={tier} />
            </div>
            <div className="ser-tile-value">{d.activeByTier[tier]}</div>
          </div>
        ))}
        <Tile label="Expiring in 30 days" value={d.expiringWithin30Days} />
        <Tile label="Overdue quarterly reviews" value={d.overdueReviews} />
        <Tile label="Average lifespan" value={formatDays(d.averageLifespanDays)} />
        <Tile label="Mean time to decision" value={formatDays(d.meanTimeToDecisionDays)} />
        <Tile label="Renewals pending" value={d.renewals.pending} />
      </div>
      <Decisions months={d.decisionsByMonth} />
      <table className="ser-table">
        <caption className="ser-label">Renewals per month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Requested</th>
            <th scope="col">Activated</th>
          </tr>
        </thead>
        <tbody>
          {d.renewals.byMonth.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.month}</th>
              <td>{m.requested}</td>
              <td>{m.activated}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-label="Top approvers">
        <h2 className="ser-label">Top approvers</h2>
        <ol>
          {d.topApprovers.map((a) => (
            <li key={a.approver.accountId}>
              <PersonName person={a.approver} />: {a.approvals} approvals
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
