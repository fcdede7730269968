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
    ['Revocation', '{"check":"revocation"}'],
    ['Remediation', '{"check":"remediation"}'],
  ])('offers the %s check, which ends a request or an active exception', async (label, saved) => {
    const host = fakeHost();
    const { user } = renderPage(<RuleConfig />, { host, context: { extension: { validatorConfig: '{"check":"submit"}' } }, handlers: { 'admin/policy/get': policy } });
    await user.click(await screen.findByLabelText(label));
    await waitFor(() => expect(host.configure?.()).toBe(saved));
  });

  it.each([
    ['Rejection', { check: 'rejection' }],
    ['Revocation', '{"check":"revocation"}'],
    ['Remediation', { check: 'remediation' }],
  ])('starts from a saved %s check', async (label, validatorConfig) => {
    renderPage(<RuleConfig />, { context: { extension: { validatorConfig } }, handlers: { 'admin/policy/get': policy } });
    expect(await screen.findByLabelText(label)).toBeChecked();
  });

  it('says who may revoke and that a revocation needs a reason', async () => {
    renderPage(<RuleConfig />, { context: { extension: { validatorConfig: { check: 'revocation' } } }, handlers: { 'admin/policy/get': policy } });
    expect(await screen.findByLabelText('Revocation')).toHaveAccessibleDescription(
      'Only a member of the security lead group revokes an active exception, and always with a reason in the comment.',
    );
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
