import Lozenge from '@atlaskit/lozenge';
import type { RegisterFlag, RegisterRow, RegisterSort, RegisterSortField } from '@contract';
import { StatusLozenge, TierLozenge } from '../../shared/lozenges';
import { IssueLink } from '../../shared/issue-link';
import { PersonName } from '../../shared/person';
import { daysLeftText } from '../../shared/format';

const FLAG_LABELS: Readonly<Record<RegisterFlag, string>> = {
  'expiring-soon': 'Expiring soon',
  'review-overdue': 'Review overdue',
  'lacks-controls': 'Lacks controls',
  'approval-stalled': 'Approval stalled',
  renewal: 'Renewal',
  'known-exploited': 'Known exploited',
};

/** Higher risk first is what a reader wants from the score column; dates read earliest first. */
const FIRST_DIRECTION: Readonly<Record<RegisterSortField, RegisterSort['direction']>> = {
  riskScore: 'desc',
  expiresOn: 'asc',
  nextReviewDue: 'asc',
  updated: 'desc',
};

function SortableHeader({ field, label, sort, onSort }: { field: RegisterSortField; label: string; sort: RegisterSort; onSort: (s: RegisterSort) => void }) {
  const active = sort.field === field;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  const next: RegisterSort = active
    ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
    : { field, direction: FIRST_DIRECTION[field] };
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="ser-sort" onClick={() => onSort(next)}>
        {label}
        {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
}

export function RegisterTable({ rows, sort, onSort }: { rows: readonly RegisterRow[]; sort: RegisterSort; onSort: (s: RegisterSort) => void }) {
  return (
    <table className="ser-table">
      <caption className="ser-visually-hidden">Security exceptions</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Tier</th>
          <SortableHeader field="riskScore" label="Residual risk" sort={sort} onSort={onSort} />
          <th scope="col">Assets</th>
          <th scope="col">Owner</th>
          <th scope="col">Requester</th>
          <th scope="col">Business unit</th>
          <SortableHeader field="expiresOn" label="Expires" sort={sort} onSort={onSort} />
          <SortableHeader field="nextReviewDue" label="Next review" sort={sort} onSort={onSort} />
          <th scope="col">Flags</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              <IssueLink issueKey={row.key} />
            </th>
            <td>{row.title}</td>
            <td>
              <StatusLozenge status={row.status} />
            </td>
            <td>
              <TierLozenge tier={row.tier} />
            </td>
            <td>{row.residualScore.toFixed(1)}</td>
            <td>{row.assets.map((a) => a.name).join(', ')}</td>
            <td>
              <PersonName person={row.owner} />
            </td>
            <td>
              <PersonName person={row.requester} />
            </td>
            <td>{row.businessUnit}</td>
            <td>
              {row.expiresOn ?? '—'}
              {row.daysLeft !== null && <div className="ser-muted">{daysLeftText(row.daysLeft)}</div>}
            </td>
            <td>{row.nextReviewDue ?? '—'}</td>
            <td>
              <span className="ser-row">
                {row.flags.map((flag) => (
                  <Lozenge key={flag} appearance={flag === 'known-exploited' || flag === 'review-overdue' ? 'removed' : 'moved'}>
                    {FLAG_LABELS[flag]}
                  </Lozenge>
                ))}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
