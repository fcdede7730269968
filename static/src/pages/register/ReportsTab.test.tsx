import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { failure, success, type EnvelopeOf, type MonthlyReportView, type ParsedRequestOf, type ReportItem, type ReportSummary } from '@contract';
import { SAMPLES } from '@contract/testing/samples';
import { fakeHost, renderPage } from '../../test/fake-services';
import { RegisterApp } from './RegisterApp';
import ReportsTab from './ReportsTab';

const sampleSummary = SAMPLES['reports/list'].response.items[0] as ReportSummary;
const sampleReport: MonthlyReportView = SAMPLES['reports/get'].response;
const sampleItem = sampleReport.sections.overdueReviews.items[0] as ReportItem;

/** Months from 2026-10 back, newest first: `monthsBack(0)` is 2026-10, `monthsBack(10)` is 2025-12. */
const monthsBack = (n: number): string => {
  const index = 2026 * 12 + 9 - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** `total` closed months served `pageSize` at a time, with cursors `m1`, `m2`, ... */
const pagedMonths = (total: number) => (request: ParsedRequestOf<'reports/list'>): EnvelopeOf<'reports/list'> => {
  const page = request.cursor === undefined ? 0 : Number(request.cursor.slice(1));
  const start = page * request.pageSize;
  const end = Math.min(start + request.pageSize, total);
  return success({
    items: Array.from({ length: end - start }, (_, i) => ({ ...sampleSummary, month: monthsBack(start + i) })),
    nextCursor: end < total ? `m${page + 1}` : null,
  });
};

const reportFor = (request: ParsedRequestOf<'reports/get'>): EnvelopeOf<'reports/get'> => success({ ...sampleReport, month: request.month });

const monthButtons = () => within(screen.getByRole('table', { name: 'Closed months, newest first' })).getAllByRole('button').map((b) => b.textContent);

describe('the monthly reports tab', () => {
  it('opens from the register tabs on the newest month’s report', async () => {
    const { callsTo } = renderPage(<RegisterApp />, {
      host: fakeHost('?tab=reports'),
      handlers: { 'reports/list': pagedMonths(3), 'reports/get': reportFor },
    });
    expect(await screen.findByRole('heading', { name: 'Report for 2026-10' })).toBeInTheDocument();
    expect(monthButtons()).toEqual(['2026-10', '2026-09', '2026-08']);
    expect(callsTo('reports/get')).toEqual([{ month: '2026-10' }]);
  });

  it('loads earlier months with the cursor of the last page until there are no more', async () => {
    const { user, callsTo } = renderPage(<ReportsTab />, { handlers: { 'reports/list': pagedMonths(14), 'reports/get': reportFor } });
    await screen.findByRole('heading', { name: 'Report for 2026-10' });
    expect(monthButtons()).toHaveLength(12);

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(monthButtons()).toHaveLength(14));
    expect(monthButtons().slice(-3)).toEqual(['2025-11', '2025-10', '2025-09']);
    expect(callsTo('reports/list')).toEqual([{ pageSize: 12 }, { pageSize: 12, cursor: 'm1' }]);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('shows a chosen month’s report: period, generation, threshold, e-mail and one table per section', async () => {
    const { user, callsTo } = renderPage(<ReportsTab />, { handlers: { 'reports/list': pagedMonths(3), 'reports/get': reportFor } });
    await screen.findByRole('heading', { name: 'Report for 2026-10' });
    await user.click(screen.getByRole('button', { name: '2026-09' }));

    const report = await screen.findByRole('article', { name: 'Report for 2026-09' });
    expect(callsTo('reports/get').at(-1)).toEqual({ month: '2026-09' });
    expect(within(report).getByText('2026-10-01 to 2026-10-31, generated 2026-11-01 06:00 UTC. Residual risk threshold 7.0.')).toBeInTheDocument();
    expect(within(report).getByText('E-mailed to the review group.')).toBeInTheDocument();
    expect(within(report).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Lacking compensating controls',
      'At or above residual risk 7.0',
      'Quarterly reviews overdue',
      'Expiring next month',
    ]);
    const lacking = within(report).getByRole('region', { name: 'Lacking compensating controls' });
    expect(within(lacking).getByText('None when the report was generated.')).toBeInTheDocument();
    expect(within(lacking).queryByRole('table')).not.toBeInTheDocument();

    const overdue = within(report).getByRole('table', { name: 'Quarterly reviews overdue' });
    const [row] = within(overdue).getAllByRole('row').slice(1);
    expect(within(row as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'Legacy TLS on payments API',
      'high',
      '8.5',
      'Alice Owner',
      '2026-11-20',
      '2026-11-14',
    ]);
    expect(within(overdue).getByRole('rowheader', { name: 'SEC-12' })).toBeInTheDocument();
    expect(within(overdue).getByRole('columnheader', { name: 'Residual risk' })).toHaveAttribute('scope', 'col');
  });

  it('opens an exception in Jira from its key', async () => {
    const host = fakeHost();
    const { user } = renderPage(<ReportsTab />, { host, handlers: { 'reports/list': pagedMonths(1), 'reports/get': reportFor } });
    const table = await screen.findByRole('table', { name: 'Expiring next month' });
    await user.click(within(table).getByRole('link', { name: 'SEC-12' }));
    expect(host.navigated).toEqual(['/browse/SEC-12']);
  });

  it.each([
    [1, 1, '1 exception.'],
    [3, 3, '3 exceptions.'],
    [250, 100, '250 exceptions. Showing the first 100 of 250.'],
  ])('says a section counting %i and listing %i holds: %s', async (count, listed, text) => {
    const items = Array.from({ length: listed }, (_, i) => ({ ...sampleItem, key: `SEC-${i + 1}` }));
    const report = { ...sampleReport, sections: { ...sampleReport.sections, aboveRiskThreshold: { count, items } } };
    renderPage(<ReportsTab />, { handlers: { 'reports/list': pagedMonths(1), 'reports/get': () => success(report) } });
    const section = await screen.findByRole('region', { name: 'At or above residual risk 7.0' });
    expect(within(section).getByText(text)).toBeInTheDocument();
    expect(within(section).getAllByRole('row')).toHaveLength(listed + 1);
  });

  it('says why a report was not e-mailed, in the list and in the report', async () => {
    const reason = 'Not e-mailed: no register home issue has been set up. Run "Set up project" on the admin page.';
    renderPage(<ReportsTab />, {
      handlers: {
        'reports/list': () => success({ items: [{ ...sampleSummary, emailed: false, notEmailedBecause: reason }], nextCursor: null }),
        'reports/get': () => success({ ...sampleReport, emailed: false, notEmailedBecause: reason }),
      },
    });
    expect(await screen.findByText(reason)).toBeInTheDocument();
    const months = screen.getByRole('table', { name: 'Closed months, newest first' });
    expect(within(months).getAllByRole('cell').at(-1)).toHaveTextContent('No');
    expect(screen.queryByText('E-mailed to the review group.')).not.toBeInTheDocument();
  });

  it('does not call a report e-mailed while its e-mail has not gone out', async () => {
    renderPage(<ReportsTab />, {
      handlers: {
        'reports/list': () => success({ items: [{ ...sampleSummary, emailed: false }], nextCursor: null }),
        'reports/get': () => success({ ...sampleReport, emailed: false, notEmailedBecause: null }),
      },
    });
    expect(await screen.findByText('Not e-mailed yet: sending it failed, and the daily job tries again on its next run.')).toBeInTheDocument();
    const months = screen.getByRole('table', { name: 'Closed months, newest first' });
    expect(within(months).getAllByRole('cell').at(-1)).toHaveTextContent('No');
  });

  it('says when no month has closed yet', async () => {
    const { callsTo } = renderPage(<ReportsTab />, { handlers: { 'reports/list': pagedMonths(0) } });
    expect(await screen.findByText('No monthly report yet: the first is generated when the current month closes.')).toBeInTheDocument();
    expect(callsTo('reports/get')).toEqual([]);
  });

  it('shows the server’s message for a month without a report', async () => {
    const message = 'There is no report for 2026-10. A month’s report is generated by the daily job once that month has closed.';
    renderPage(<ReportsTab />, { handlers: { 'reports/list': pagedMonths(1), 'reports/get': () => failure('NOT_FOUND', message) } });
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.getByText('The report for 2026-10 could not be loaded')).toBeInTheDocument();
  });

  it('offers to try again when the months could not be loaded', async () => {
    let failing = true;
    const list = (request: ParsedRequestOf<'reports/list'>) =>
      failing ? failure('STORAGE.UNAVAILABLE', 'The register’s database did not answer in time.') : pagedMonths(2)(request);
    const { user } = renderPage(<ReportsTab />, { handlers: { 'reports/list': list, 'reports/get': reportFor } });
    expect(await screen.findByText('The register’s database did not answer in time.')).toBeInTheDocument();
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Report for 2026-10' })).toBeInTheDocument();
    expect(monthButtons()).toEqual(['2026-10', '2026-09']);
  });
});
