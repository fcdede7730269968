import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { success, type ExceptionPanel } from '@contract';
import { SAMPLES } from '@contract/testing/samples';
import { auditorSession, renderPage } from '../../test/fake-services';
import { IssuePanel } from './IssuePanel';

const base = SAMPLES['exception/panel'].response;
const active: ExceptionPanel = {
  ...base,
  status: 'active',
  expiry: { expiresOn: '2026-11-20', daysLeft: 18, asOf: '2026-11-02' },
  renewal: { ...base.renewal, allowed: true, reason: null },
};

describe('the issue panel', () => {
  it('shows the risk explanation, the approval chain with who may not approve, and a verified audit trail', async () => {
    const { callsTo } = renderPage(<IssuePanel />, {
      context: { issueKey: 'SEC-12' },
      handlers: { 'exception/panel': () => success(base) },
    });
    const chain = await screen.findByRole('region', { name: 'Approval chain' });
    expect(callsTo('exception/panel')).toEqual([{ issueKey: 'SEC-12', auditLimit: 50 }]);
    expect(within(screen.getByRole('list', { name: 'How the tier was reached' })).getAllByRole('listitem')).toHaveLength(5);
    expect(within(chain).getByText('Waiting for approval')).toBeInTheDocument();
    expect(within(chain).getByText('Who may approve next: members of risk-owners.')).toBeInTheDocument();
    expect(within(chain).getByText(/a requester never approves their own exception/)).toBeInTheDocument();
    const audit = screen.getByRole('region', { name: /Audit trail/ });
    expect(within(audit).getByText('Chain verified')).toBeInTheDocument();
    expect(within(audit).getAllByText('verified')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Request renewal' })).not.toBeInTheDocument();
  });

  it('flags a broken chain and the entries after the break', async () => {
    const broken: ExceptionPanel = {
      ...base,
      audit: {
        ...base.audit,
        chain: { state: 'broken', brokenAtSequence: 3, message: 'Entry 3 was modified after it was sealed.' },
        entries: base.audit.entries.map((e) => (e.sequence === 3 ? { ...e, integrity: 'broken' as const } : e)),
      },
    };
    renderPage(<IssuePanel />, { context: { issueKey: 'SEC-12' }, handlers: { 'exception/panel': () => success(broken) } });
    expect(await screen.findByText('Chain broken at #3')).toBeInTheDocument();
    expect(screen.getByText('Entry 3 was modified after it was sealed.')).toBeInTheDocument();
    expect(screen.getByText('broken')).toBeInTheDocument();
  });

  it('raises a renewal and offers to open it', async () => {
    const renew = vi.fn(() => success(SAMPLES['exception/request-renewal'].response));
    const { user, host } = renderPage(<IssuePanel />, {
      context: { issueKey: 'SEC-12' },
      handlers: { 'exception/panel': () => success(active), 'exception/request-renewal': renew },
    });
    expect(await screen.findByLabelText('Time to expiry')).toHaveTextContent('Expires 2026-11-20 (18 days left)');
    await user.click(await screen.findByRole('button', { name: 'Request renewal' }));
    await user.type(screen.getByLabelText('Why is the exception still needed?'), 'too short');
    await user.click(screen.getByRole('button', { name: 'Raise renewal' }));
    expect(await screen.findByText('explain in at least 20 characters why the exception is still needed')).toBeInTheDocument();
    expect(renew).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Requested expiry'), '2027-02-18');
    await user.type(screen.getByLabelText('Why is the exception still needed?'), ': the vendor patch ships in January.');
    await user.click(screen.getByRole('button', { name: 'Raise renewal' }));
    await screen.findByText('Renewal SEC-31 raised');
    expect(renew).toHaveBeenCalledWith({ issueKey: 'SEC-12', requestedExpiry: '2027-02-18', reason: 'too short: the vendor patch ships in January.' });
    await user.click(screen.getByRole('button', { name: 'Open SEC-31' }));
    expect(host.navigated).toEqual(['/browse/SEC-31']);
  });

  it('offers no renewal to an auditor', async () => {
    renderPage(<IssuePanel />, {
      context: { issueKey: 'SEC-12' },
      handlers: { 'exception/panel': () => success(active), 'session/me': auditorSession },
    });
    await screen.findByRole('region', { name: 'Renewal' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Request renewal' })).not.toBeInTheDocument());
  });

  it('asks to be opened on an issue when the context has none', () => {
    renderPage(<IssuePanel />, { context: { issueKey: null } });
    expect(screen.getByText('Open this panel on a security exception issue.')).toBeInTheDocument();
  });
});
