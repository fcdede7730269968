import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { failure, success, type ParsedRequestOf } from '@contract';
import { SAMPLES } from '@contract/testing/samples';
import { auditorSession, renderPage } from '../../test/fake-services';
import { AdminApp } from './AdminApp';

const policyGet = () => success(SAMPLES['admin/policy/get'].response);

describe('the policy editor', () => {
  it('shows the server’s field errors next to their fields and the rest in a summary', async () => {
    const validate = vi.fn((_request: ParsedRequestOf<'admin/policy/validate'>) =>
      success({
        valid: false as const,
        fieldErrors: [
          { path: 'tiers.high.maxDurationDays', message: 'must be at least 1' },
          { path: 'approvalTimeouts', message: 'must satisfy remindAfterDays < escalateAfterDays < autoRejectAfterDays' },
        ],
        preview: null,
      }),
    );
    const { user } = renderPage(<AdminApp />, { handlers: { 'admin/policy/get': policyGet, 'admin/policy/validate': validate } });
    const duration = await screen.findByLabelText('high: maximum duration (days)');
    await user.clear(duration);
    await user.type(duration, '0');

    await waitFor(() => expect(validate).toHaveBeenCalled());
    expect(validate.mock.calls.at(-1)?.[0].policy.tiers.high.maxDurationDays).toBe(0);
    const message = await screen.findByText('must be at least 1');
    expect(duration).toHaveAttribute('aria-invalid', 'true');
    expect(duration.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByText(/must satisfy remindAfterDays/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save policy' })).toBeDisabled();
  });

  it('shows the preview of a valid policy and saves it against the revision it was read at', async () => {
    const save = vi.fn(() => success(SAMPLES['admin/policy/save'].response));
    const { user } = renderPage(<AdminApp />, {
      handlers: {
        'admin/policy/get': policyGet,
        'admin/policy/validate': () => success(SAMPLES['admin/policy/validate'].response),
        'admin/policy/save': save,
      },
    });
    const reminders = await screen.findByLabelText('critical: expiry reminders (days before)');
    await user.clear(reminders);
    await user.type(reminders, '21, 7, 1');
    const preview = await screen.findByRole('region', { name: 'Effect of the new policy' });
    expect(within(preview).getByText('high: maximum duration 120 -> 90 days')).toBeInTheDocument();
    expect(within(preview).getByText('2 over the duration, 0 over the renewal caps')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const [request] = save.mock.calls[0] as unknown as [ParsedRequestOf<'admin/policy/save'>];
    expect(request.expectedRevision).toBe(3);
    expect(request.policy.tiers.critical.reminderDays).toEqual([21, 7, 1]);
  });

  it('says what to type when a field is not a number, without asking the server', async () => {
    const validate = vi.fn(() => success(SAMPLES['admin/policy/validate'].response));
    const { user } = renderPage(<AdminApp />, { handlers: { 'admin/policy/get': policyGet, 'admin/policy/validate': validate } });
    const perAsset = await screen.findByLabelText('Active exceptions per asset');
    await user.clear(perAsset);
    await user.type(perAsset, 'three');
    expect(await screen.findByText('Enter a whole number.')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(validate).not.toHaveBeenCalled();
  });

  it('shows a refused save’s field errors in place', async () => {
    const { user } = renderPage(<AdminApp />, {
      handlers: {
        'admin/policy/get': policyGet,
        'admin/policy/validate': () => success(SAMPLES['admin/policy/validate'].response),
        'admin/policy/save': () =>
          failure('POLICY.INVALID', 'The policy configuration has 1 problem(s)', [{ path: 'review.group', message: 'unknown Jira group "sec-leads"' }]),
      },
    });
    const group = await screen.findByLabelText('Quarterly review group');
    await user.clear(group);
    await user.type(group, 'sec-leads');
    await screen.findByRole('region', { name: 'Effect of the new policy' });
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('unknown Jira group "sec-leads"')).toBeInTheDocument();
  });
});

describe('the admin page for an auditor', () => {
  it('is read-only: no save, no set-up run, no integration controls', async () => {
    const { user } = renderPage(<AdminApp />, {
      handlers: {
        'session/me': auditorSession,
        'admin/policy/get': policyGet,
        'admin/integrations/get': () => success(SAMPLES['admin/integrations/get'].response),
      },
    });
    const duration = await screen.findByLabelText('high: maximum duration (days)');
    await screen.findByText('You can read the policy; only register administrators change it.');
    expect(duration).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Save policy' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Project set-up' }));
    expect(await screen.findByRole('button', { name: 'Show set-up status' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Run set-up' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Integrations' }));
    await screen.findByText('Scanner findings');
    expect(screen.queryByRole('button', { name: /Rotate secret/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});

describe('project set-up', () => {
  it('runs set-up for the project and reports every step with its outcome', async () => {
    const run = vi.fn(() => success(SAMPLES['admin/setup/run'].response));
    const { user } = renderPage(<AdminApp />, { handlers: { 'admin/policy/get': policyGet, 'admin/setup/run': run } });
    await user.click(await screen.findByRole('tab', { name: 'Project set-up' }));
    await user.type(screen.getByLabelText('Project key'), 'sec');
    await user.click(screen.getByRole('button', { name: 'Run set-up' }));
    const report = await screen.findByRole('region', { name: 'Set-up report for SEC' });
    expect(run).toHaveBeenCalledWith({ projectKey: 'SEC' });
    expect(within(report).getByText('Set-up of SEC is incomplete')).toBeInTheDocument();
    const failed = within(report).getByRole('row', { name: /Workflow scheme/ });
    expect(within(failed).getByText('Failed')).toBeInTheDocument();
    expect(within(failed).getByText(/switch the scheme from project settings/)).toBeInTheDocument();
  });

  it('refuses a project key that is not one', async () => {
    const { user, callsTo } = renderPage(<AdminApp />, { handlers: { 'admin/policy/get': policyGet } });
    await user.click(await screen.findByRole('tab', { name: 'Project set-up' }));
    await user.type(screen.getByLabelText('Project key'), 'my project');
    await user.click(screen.getByRole('button', { name: 'Show set-up status' }));
    expect(screen.getByText('Enter a project key such as SEC.')).toBeInTheDocument();
    expect(callsTo('admin/setup/status')).toHaveLength(0);
  });
});

describe('integrations', () => {
  it('rotates a secret and shows the new one once', async () => {
    const { user } = renderPage(<AdminApp />, {
      handlers: {
        'admin/policy/get': policyGet,
        'admin/integrations/get': () => success(SAMPLES['admin/integrations/get'].response),
        'admin/integrations/save': () => success(SAMPLES['admin/integrations/save'].response),
      },
    });
    await user.click(await screen.findByRole('tab', { name: 'Integrations' }));
    await user.click(await screen.findByRole('button', { name: 'Rotate secret of Scanner findings' }));
    expect(await screen.findByText('Copy the new secret now')).toBeInTheDocument();
    expect(screen.getByText(SAMPLES['admin/integrations/save'].response.newSecret ?? '')).toBeInTheDocument();
  });
});
