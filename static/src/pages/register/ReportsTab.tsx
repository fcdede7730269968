import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useId, useState } from 'react';
import { REPORT_SECTIONS, type ContractError, type MonthlyReportView, type ReportSection, type ReportSectionName, type ReportSummary } from '@contract';
import { ErrorMessage, Loading } from '../../shared/feedback';
import { formatInstant } from '../../shared/format';
import { IssueLink } from '../../shared/issue-link';
import { TierLozenge } from '../../shared/lozenges';
import { PersonName } from '../../shared/person';
import { useServices } from '../../shared/services';
import { useResolver } from '../../shared/use-resolver';

const PAGE_SIZE = 12;

const SECTION_TITLES: Readonly<Record<ReportSectionName, (riskThreshold: number) => string>> = {
  lackingControls: () => 'Lacking compensating controls',
  aboveRiskThreshold: (riskThreshold) => `At or above residual risk ${riskThreshold.toFixed(1)}`,
  overdueReviews: () => 'Quarterly reviews overdue',
  expiringNextMonth: () => 'Expiring next month',
};

const SHORT_SECTION_TITLES: Readonly<Record<ReportSectionName, string>> = {
  lackingControls: 'Lacking controls',
  aboveRiskThreshold: 'At or above threshold',
  overdueReviews: 'Reviews overdue',
  expiringNextMonth: 'Expiring next month',
};

/** How many exceptions a section holds, and whether the report lists them all. */
const sectionCountText = (section: ReportSection): string => {
  const shown = section.items.length;
  if (section.count === 0) return 'None when the report was generated.';
  if (shown < section.count) return `${section.count} exceptions. Showing the first ${shown} of ${section.count}.`;
  return `${section.count} exception${section.count === 1 ? '' : 's'}.`;
};

type Months = {
  readonly months: readonly ReportSummary[];
  readonly nextCursor: string | null;
  readonly loading: boolean;
  readonly error: ContractError | null;
};

/** The closed months, newest first, one page at a time: each page is appended to those already shown. */
function useReportMonths() {
  const { api } = useServices();
  const [cursor, setCursor] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Months>({ months: [], nextCursor: null, loading: true, error: null });

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    void api.call('reports/list', cursor === null ? { pageSize: PAGE_SIZE } : { pageSize: PAGE_SIZE, cursor }).then((envelope) => {
      if (!current) return;
      setState((s) =>
        envelope.ok
          ? { months: [...s.months, ...envelope.data.items], nextCursor: envelope.data.nextCursor, loading: false, error: null }
          : { ...s, loading: false, error: envelope.error },
      );
    });
    return () => {
      current = false;
    };
  }, [api, cursor, attempt]);

  const next = state.loading || state.error !== null ? null : state.nextCursor;
  return {
    ...state,
    loadMore: next === null ? null : () => setCursor(next),
    retry: () => setAttempt((a) => a + 1),
  };
}

function LoadFailure({ error, title, onRetry }: { error: ContractError; title: string; onRetry: () => void }) {
  return (
    <div className="ser-stack">
      <ErrorMessage error={error} title={title} />
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}

function MonthsTable({ months, chosen, onChoose }: { months: readonly ReportSummary[]; chosen: string | null; onChoose: (month: string) => void }) {
  return (
    <table className="ser-table">
      <caption className="ser-label">Closed months, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Generated</th>
          {REPORT_SECTIONS.map((name) => (
            <th key={name} scope="col">
              {SHORT_SECTION_TITLES[name]}
            </th>
          ))}
          <th scope="col">E-mailed</th>
        </tr>
      </thead>
      <tbody>
        {months.map((summary) => (
          <tr key={summary.month}>
            <th scope="row">
              <Button appearance="subtle" isSelected={summary.month === chosen} onClick={() => onChoose(summary.month)}>
                {summary.month}
              </Button>
            </th>
            <td>{formatInstant(summary.generatedAt)}</td>
            {REPORT_SECTIONS.map((name) => (
              <td key={name}>{summary.counts[name]}</td>
            ))}
            <td>{summary.emailed ? 'Yes' : 'No'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SectionTable({ title, section }: { title: string; section: ReportSection }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="ser-stack">
      <h3 id={headingId}>{title}</h3>
      <p className="ser-muted">{sectionCountText(section)}</p>
      {section.items.length > 0 && (
        <table className="ser-table">
          <caption className="ser-visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Title</th>
              <th scope="col">Tier</th>
              <th scope="col">Residual risk</th>
              <th scope="col">Asset owner</th>
              <th scope="col">Expires</th>
              <th scope="col">Next review</th>
            </tr>
          </thead>
          <tbody>
            {section.items.map((item) => (
              <tr key={item.key}>
                <th scope="row">
                  <IssueLink issueKey={item.key} />
                </th>
                <td>{item.title}</td>
                <td>
                  <TierLozenge tier={item.tier} />
                </td>
                <td>{item.riskScore.toFixed(1)}</td>
                <td>
                  <PersonName person={item.assetOwner} />
                </td>
                <td>{item.expiresOn ?? '—'}</td>
                <td>{item.nextReviewDue ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Emailing({ report }: { report: MonthlyReportView }) {
  if (report.emailed) return <p>E-mailed to the review group.</p>;
  return (
    <SectionMessage appearance="warning">
      <p>{report.notEmailedBecause ?? 'Not e-mailed yet: sending it failed, and the daily job tries again on its next run.'}</p>
    </SectionMessage>
  );
}

function ReportBody({ report }: { report: MonthlyReportView }) {
  const headingId = useId();
  return (
    <article aria-labelledby={headingId} className="ser-stack">
      <h2 id={headingId}>{`Report for ${report.month}`}</h2>
      <p className="ser-muted">
        {`${report.periodStart} to ${report.periodEnd}, generated ${formatInstant(report.generatedAt)}. `}
        {`Residual risk threshold ${report.riskThreshold.toFixed(1)}.`}
      </p>
      <Emailing report={report} />
      {REPORT_SECTIONS.map((name) => (
        <SectionTable key={name} title={SECTION_TITLES[name](report.riskThreshold)} section={report.sections[name]} />
      ))}
    </article>
  );
}

function Report({ month }: { month: string }) {
  const { state } = useResolver('reports/get', { month });
  if (state.status === 'loading') return <Loading label={`Loading the report for ${month}`} />;
  if (state.status === 'failure') return <ErrorMessage error={state.error} title={`The report for ${month} could not be loaded`} />;
  return <ReportBody report={state.data} />;
}

/** Monthly reports, stored by the daily job when a month closes and shown as they were generated. */
export default function ReportsTab() {
  const { months, loading, error, loadMore, retry } = useReportMonths();
  const [chosen, setChosen] = useState<string | null>(null);
  const month = chosen ?? months[0]?.month ?? null;

  if (months.length === 0) {
    if (loading) return <Loading label="Loading monthly reports" />;
    if (error !== null) return <LoadFailure error={error} title="The reports could not be loaded" onRetry={retry} />;
    return <p>No monthly report yet: the first is generated when the current month closes.</p>;
  }
  return (
    <div className="ser-stack">
      <MonthsTable months={months} chosen={month} onChoose={setChosen} />
      {loading && <Loading label="Loading earlier months" />}
      {error !== null && <LoadFailure error={error} title="Earlier months could not be loaded" onRetry={retry} />}
      {loadMore !== null && <Button onClick={loadMore}>Load more</Button>}
      {month !== null && <Report key={month} month={month} />}
    </div>
  );
}
