import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { success } from '@contract';
import { SAMPLES } from '@contract/testing/samples';
import { fakeHost, renderPage } from '../../test/fake-services';
import { RuleConfig } from './RuleConfig';

const policy = () => success(SAMPLES['admin/policy/get'].response);

describe('the workflow rule configuration', () => {
  it('starts from the saved configuration and gives Jira the latest choice as JSON', async () => {
    const host = fakeHost();
    const { user } = renderPage(<RuleConfig />, {
      host,
      context: { extension: { validatorConfig: '{"check":"approval","levelId":"risk-owner"}' } },
      handlers: { 'admin/policy/get': policy },
    });
    expect(await screen.findByLabelText('Approval by Risk / information owner')).toBeChecked();
    await waitFor(() => expect(host.configure).not.toBeNull());
    expect(host.configure?.()).toBe('{"check":"approval","levelId":"risk-owner"}');

    await user.click(screen.getByLabelText('Approval by CISO'));
    expect(host.configure?.()).toBe('{"check":"approval","levelId":"ciso"}');
    await user.click(screen.getByLabelText('Activation'));
    expect(host.configure?.()).toBe('{"check":"activation"}');
  });

  it.each([
    ['Rejection', '{"check":"rejection"}'],
    ['Withdrawal', '{"check":"withdrawal"}'],
  ])('offers the %s check, which ends a request without activation', async (label, saved) => {
    const host = fakeHost();
    const { user } = renderPage(<RuleConfig />, { host, context: { extension: { validatorConfig: '{"check":"submit"}' } }, handlers: { 'admin/policy/get': policy } });
    await user.click(await screen.findByLabelText(label));
    await waitFor(() => expect(host.configure?.()).toBe(saved));
  });

  it('starts from a saved rejection check', async () => {
    renderPage(<RuleConfig />, { context: { extension: { validatorConfig: { check: 'rejection' } } }, handlers: { 'admin/policy/get': policy } });
    expect(await screen.findByLabelText('Rejection')).toBeChecked();
  });

  it('defaults to the submit check when nothing valid was saved', async () => {
    const host = fakeHost();
    renderPage(<RuleConfig />, { host, context: { extension: { validatorConfig: 'not json' } }, handlers: { 'admin/policy/get': policy } });
    expect(screen.getByLabelText('Submit')).toBeChecked();
    await waitFor(() => expect(host.configure?.()).toBe('{"check":"submit"}'));
  });

  it('warns when the saved level is no longer in the policy', async () => {
    renderPage(<RuleConfig />, {
      context: { extension: { validatorConfig: { check: 'approval', levelId: 'board' } } },
      handlers: { 'admin/policy/get': policy },
    });
    expect(await screen.findByText(/approves level "board", which the policy no longer has/)).toBeInTheDocument();
  });
});
