import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { success, type EnvelopeOf, type ParsedRequestOf, type RegisterRow } from '@contract';
import { SAMPLES } from '@contract/testing/samples';
import { auditorSession, fakeHost, renderPage } from '../../test/fake-services';
import { RegisterApp } from './RegisterApp';
import { parseRegisterQuery } from './register-query';

const readBlob = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsText(blob);
  });

const sampleRow = SAMPLES['register/list'].response.rows[0] as RegisterRow;
const row = (n: number): RegisterRow => ({ ...sampleRow, key: `SEC-${n}`, title: `Exception number ${n}` });

/** A register of `total` rows served `pageSize` at a time, with cursors `p1`, `p2`, ... */
const pagedRegister = (total: number) => (request: ParsedRequestOf<'register/list'>): EnvelopeOf<'register/list'> => {
  const start = request.cursor === undefined ? 0 : Number(request.cursor.slice(1)) * request.pageSize;
  const end = Math.min(start + request.pageSize, total);
  const page = start / request.pageSize;
  return success({
    rows: Array.from({ length: end - start }, (_, i) => row(start + i + 1)),
    total,
    nextCursor: end < total ? `p${page + 1}` : null,
    asOf: '2026-11-02',
  });
};

describe('the register page', () => {
  it('opens the view the URL describes and writes changed filters back to the URL', async () => {
    const host = fakeHost('?status=active&tier=high&q=tls');
    const { user, callsTo } = renderPage(<RegisterApp />, { host, handlers: { 'register/list': pagedRegister(3) } });

    await screen.findByText('Showing 1–3 of 3 (as of 2026-11-02)');
    expect(callsTo('register/list')[0]).toMatchObject({ filter: { status: ['active'], tier: ['high'], text: 'tls' } });
    const form = screen.getByRole('form', { name: 'Filter exceptions' });
    expect(within(form).getByLabelText('Active')).toBeChecked();
    expect(within(form).getByLabelText('Search key or title')).toHaveValue('tls');

    await user.click(within(form).getByLabelText('critical'));
    await user.type(within(form).getByLabelText('Business unit'), 'Payments');
    await user.type(within(form).getByLabelText('Control reference'), 'SOC2:CC7.1');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const expected = {
      status: ['active'],
      tier: ['high', 'critical'],
      text: 'tls',
      businessUnit: 'Payments',
      controlRef: { framework: 'SOC2', id: 'CC7.1' },
    };
    expect(parseRegisterQuery(host.history.location.search).filter).toEqual(expected);
    await waitFor(() => expect(callsTo('register/list').at(-1)).toMatchObject({ filter: expected }));
  });

  it('follows the URL when the user goes back to an earlier view', async () => {
    const host = fakeHost('?tier=low');
    const { callsTo } = renderPage(<RegisterApp />, { host, handlers: { 'register/list': pagedRegister(2) } });
    await screen.findByText(/Showing 1–2 of 2/);
    host.history.push({ pathname: '/', search: '?tier=critical&expiring=30' });
    await waitFor(() => expect(callsTo('register/list').at(-1)).toMatchObject({ filter: { tier: ['critical'], expiringWithinDays: 30 } }));
    expect(screen.getByLabelText('Expiring within (days)')).toHaveValue('30');
  });

  it('refuses a malformed filter in the form without calling the register', async () => {
    const { user, callsTo } = renderPage(<RegisterApp />, { handlers: { 'register/list': pagedRegister(1) } });
    await screen.findByText(/Showing 1–1 of 1/);
    await user.type(screen.getByLabelText('Control reference'), 'CC7.1');
    await user.type(screen.getByLabelText('Expiring within (days)'), 'soon');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByText(/Framework and control id/)).toBeInTheDocument();
    expect(callsTo('register/list')).toHaveLength(1);
  });

  it('requests the next cursor for the next page and goes back without one', async () => {
    const { user, callsTo } = renderPage(<RegisterApp />, { handlers: { 'register/list': pagedRegister(60) } });
    await screen.findByText('Showing 1–25 of 60 (as of 2026-11-02)');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Showing 26–50 of 60 (as of 2026-11-02)');
    expect(callsTo('register/list').at(-1)).toMatchObject({ cursor: 'p1' });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Showing 51–60 of 60 (as of 2026-11-02)');
    expect(callsTo('register/list').at(-1)).toMatchObject({ cursor: 'p2' });
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await screen.findByText('Showing 26–50 of 60 (as of 2026-11-02)');
    expect(callsTo('register/list').at(-1)).toMatchObject({ cursor: 'p1' });
  });

  it('sorts by a column header and keeps the sort in the URL', async () => {
    const host = fakeHost();
    const { user, callsTo } = renderPage(<RegisterApp />, { host, handlers: { 'register/list': pagedRegister(2) } });
    await screen.findByText(/Showing 1–2 of 2/);
    await user.click(screen.getByRole('button', { name: 'Residual risk' }));
    await waitFor(() => expect(callsTo('register/list').at(-1)).toMatchObject({ sort: { field: 'riskScore', direction: 'desc' } }));
    expect(host.history.location.search).toBe('?sort=riskScore%3Adesc');
    expect(screen.getByRole('columnheader', { name: /Residual risk/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('changes the page size and starts again at the first page', async () => {
    const host = fakeHost();
    const { user, callsTo } = renderPage(<RegisterApp />, { host, handlers: { 'register/list': pagedRegister(120) } });
    await screen.findByText(/Showing 1–25 of 120/);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText(/Showing 26–50 of 120/);
    await user.click(screen.getByRole('button', { name: '100 per page' }));
    await screen.findByText(/Showing 1–100 of 120/);
    expect(callsTo('register/list').at(-1)).toEqual({ filter: {}, sort: { field: 'expiresOn', direction: 'asc' }, pageSize: 100 });
    expect(host.history.location.search).toBe('?size=100');
  });

  it('opens an exception in Jira from its key', async () => {
    const host = fakeHost();
    const { user } = renderPage(<RegisterApp />, { host, handlers: { 'register/list': pagedRegister(1) } });
    await user.click(await screen.findByRole('link', { name: 'SEC-1' }));
    expect(host.navigated).toEqual(['/browse/SEC-1']);
  });
});

describe('the CSV export', () => {
  const blobs: Blob[] = [];

  beforeEach(() => {
    blobs.length = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return 'blob:export';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('fetches every page with the view filter, reports progress and builds one file', async () => {
    const pending: (() => void)[] = [];
    const exportPage = (request: ParsedRequestOf<'register/export-page'>): Promise<EnvelopeOf<'register/export-page'>> => {
      const page = request.cursor === undefined ? 0 : Number(request.cursor);
      const template = SAMPLES['register/export-page'].response;
      const cells = (n: number) => (template.rows[0] ?? []).map((cell, i) => (i === 0 ? `SEC-${n}` : i === 1 ? `=cmd|${n}` : cell));
      const answer = success({
        ...template,
        rows: page < 2 ? [cells(page * 2 + 1), cells(page * 2 + 2)] : [cells(5)],
        total: 5,
        nextCursor: page < 2 ? String(page + 1) : null,
      });
      return new Promise((resolve) => pending.push(() => resolve(answer)));
    };
    const host = fakeHost('?tier=critical');
    const { user, callsTo } = renderPage(<RegisterApp />, {
      host,
      handlers: { 'register/list': pagedRegister(5), 'register/export-page': exportPage },
    });
    await screen.findByText(/Showing 1–5 of 5/);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    const release = async (expected: number) => {
      await waitFor(() => expect(pending).toHaveLength(expected));
      pending[expected - 1]?.();
    };
    await release(1);
    await screen.findByText('Exported 2 of 5 exceptions');
    expect(screen.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('aria-valuenow', '0.4');
    await release(2);
    await screen.findByText('Exported 4 of 5 exceptions');
    await release(3);
    await screen.findByText('Exported 5 exceptions to security-exceptions-2026-11-02.csv');

    expect(callsTo('register/export-page')).toEqual([
      { filter: { tier: ['critical'] }, sort: { field: 'expiresOn', direction: 'asc' }, pageSize: 500 },
      { filter: { tier: ['critical'] }, sort: { field: 'expiresOn', direction: 'asc' }, pageSize: 500, cursor: '1' },
      { filter: { tier: ['critical'] }, sort: { field: 'expiresOn', direction: 'asc' }, pageSize: 500, cursor: '2' },
    ]);
    expect(blobs).toHaveLength(1);
    const text = await readBlob(blobs[0] as Blob);
    const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l.length > 0);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^Key,Title,Status,Tier,Residual score/);
    expect(lines[5]).toMatch(/^SEC-5,'=cmd\|5,/);
  });

  it('stops with the resolver message when a page fails', async () => {
    const { user } = renderPage(<RegisterApp />, {
      handlers: {
        'register/list': pagedRegister(1),
        'register/export-page': () => ({ ok: false, error: { code: 'CONTRACT.INVALID_CURSOR', message: 'The register changed shape: start the export again.' } }),
      },
    });
    await screen.findByText(/Showing 1–1 of 1/);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText('The register changed shape: start the export again.');
    expect(blobs).toHaveLength(0);
  });
});

describe('the quarterly review tab', () => {
  const queue = () => success(SAMPLES['reviews/queue'].response);

  it('lets a reviewer attest, sending the three answers and the note', async () => {
    const attest = vi.fn((request: ParsedRequestOf<'reviews/attest'>) =>
      success({ ...SAMPLES['reviews/attest'].response, issueKey: request.issueKey }),
    );
    const { user } = renderPage(<RegisterApp />, {
      host: fakeHost('?tab=reviews'),
      handlers: { 'reviews/queue': queue, 'reviews/attest': attest },
    });
    await user.click(await screen.findByRole('button', { name: 'Attest SEC-12' }));
    await user.click(screen.getByLabelText('The exception is still valid'));
    await user.click(screen.getByLabelText('The exception is still necessary'));
    await user.click(screen.getByRole('button', { name: 'Record attestation' }));
    expect(screen.getByText('Required: say what the review found.')).toBeInTheDocument();
    expect(attest).not.toHaveBeenCalled();
    expect(screen.getByText('say what the review found: a note is required when any answer is no')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Note'), 'Firewall rule FW-12 was removed.');
    await user.click(screen.getByRole('button', { name: 'Record attestation' }));
    await waitFor(() =>
      expect(attest).toHaveBeenCalledWith({
        issueKey: 'SEC-12',
        quarter: '2026-Q4',
        stillValid: true,
        stillNecessary: true,
        controlsInPlace: false,
        note: 'Firewall rule FW-12 was removed.',
      }),
    );
  });

  it('is read-only for an auditor: no attestation controls', async () => {
    renderPage(<RegisterApp />, {
      host: fakeHost('?tab=reviews'),
      handlers: { 'reviews/queue': queue, 'session/me': auditorSession },
    });
    await screen.findByText('1 active exception(s) to review in 2026-Q4.');
    await screen.findByText(/attesting is for members of the review group/);
    expect(screen.queryByRole('button', { name: /^Attest/ })).not.toBeInTheDocument();
  });
});
