import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CUSTOM_FIELD_KEYS, success, type ParsedRequestOf, type PreflightView } from '@contract';
import { SAMPLES } from '@contract/testing/samples';
import { fakeHost, renderPage } from '../../test/fake-services';
import { IntakeApp } from './IntakeApp';

const VECTOR = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';

const preflightAnswer = (problems: PreflightView['problems']) => success({ ...SAMPLES['intake/preflight'].response, problems, ready: problems.length === 0 });

describe('the risk inputs editor', () => {
  it('checks the request live as the user types and lists what is missing, here and elsewhere', async () => {
    const preflight = vi.fn((_request: ParsedRequestOf<'intake/preflight'>) =>
      preflightAnswer([
        { path: 'riskInputs.vector', code: 'CVSS.UNSCORED', message: 'The vector has threat metrics that are not scored.' },
        { path: 'compensatingControls', code: 'PREFLIGHT.CONTROLS_REQUIRED', message: 'A high-tier exception needs an implemented control.' },
      ]),
    );
    const { user } = renderPage(<IntakeApp />, {
      context: { moduleKey: CUSTOM_FIELD_KEYS.riskInputs, issueKey: 'SEC-12', extension: {} },
      handlers: { 'intake/preflight': preflight },
    });
    await user.type(screen.getByLabelText('CVSS vector', { selector: 'input[type="text"], input:not([type])' }), VECTOR);
    await user.click(screen.getByLabelText('network'));

    await waitFor(() => expect(preflight).toHaveBeenCalled());
    expect(preflight.mock.calls.at(-1)?.[0]).toEqual({
      issueKey: 'SEC-12',
      draft: { riskInputs: { method: 'cvss', vector: VECTOR, threatVectors: ['network'] } },
    });
    const check = await screen.findByRole('region', { name: 'Pre-flight check' });
    expect(within(check).getByText('2 thing(s) to fix before submitting')).toBeInTheDocument();
    expect(within(within(check).getByRole('region', { name: 'In this field' })).getByText(/threat metrics/)).toBeInTheDocument();
    expect(within(within(check).getByRole('region', { name: 'Elsewhere in the request' })).getByText(/implemented control/)).toBeInTheDocument();
    expect(within(check).getByText('Latest expiry allowed: 2027-01-31')).toBeInTheDocument();
    expect(within(within(check).getByRole('region', { name: 'Required approvers' })).getAllByRole('listitem')).toHaveLength(3);
  });

  it('shows a local error and does not ask the server while the value is invalid', async () => {
    const preflight = vi.fn(() => preflightAnswer([]));
    const { user, host } = renderPage(<IntakeApp />, {
      context: { moduleKey: CUSTOM_FIELD_KEYS.riskInputs, issueKey: null, extension: {} },
      handlers: { 'intake/preflight': preflight },
    });
    await user.click(screen.getByLabelText('Likelihood and impact'));
    await user.type(screen.getByLabelText('Likelihood (1–10)'), '11');
    await user.type(screen.getByLabelText('Impact (1–10)'), '4');
    expect((await screen.findAllByText('enter a whole number from 1 to 10')).length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(preflight).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();

    await user.clear(screen.getByLabelText('Likelihood (1–10)'));
    await user.type(screen.getByLabelText('Likelihood (1–10)'), '3');
    await screen.findByText('Ready to submit');
    expect(preflight).toHaveBeenCalledWith({ draft: { riskInputs: { method: 'matrix', likelihood: 3, impact: 4 } } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(host.submitted).toEqual([{ method: 'matrix', likelihood: 3, impact: 4 }]);
  });
});

describe('the assets editor', () => {
  it('starts from the stored value and submits it with its derived index', async () => {
    const stored = { businessUnit: 'Payments', assetIds: ['payments-api'], items: [{ id: 'payments-api', name: 'Payments API', criticality: 'high', dataClassification: 'confidential', internetFacing: true }] };
    const host = fakeHost();
    const { user } = renderPage(<IntakeApp />, {
      host,
      context: { moduleKey: CUSTOM_FIELD_KEYS.assets, issueKey: 'SEC-12', extension: { fieldValue: stored } },
      handlers: { 'intake/preflight': () => preflightAnswer([]) },
    });
    expect(screen.getByLabelText('Name')).toHaveValue('Payments API');
    await user.click(screen.getByRole('button', { name: 'Add asset' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getAllByText('must not be empty').length).toBeGreaterThan(0);
    expect(host.submitted).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Remove asset 2' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(host.submitted).toEqual([stored]);
  });
});

describe('the compensating controls editor', () => {
  it('numbers new controls and derives the statuses index', async () => {
    const host = fakeHost();
    const { user } = renderPage(<IntakeApp />, {
      host,
      context: { moduleKey: CUSTOM_FIELD_KEYS.compensatingControls, issueKey: null, extension: {} },
      handlers: { 'intake/preflight': () => preflightAnswer([]) },
    });
    await user.click(screen.getByRole('button', { name: 'Add control' }));
    await user.type(screen.getByLabelText('Type'), 'waf');
    await user.type(screen.getByLabelText('Description'), 'Block TLS 1.0 handshakes at the edge');
    await user.type(screen.getByLabelText('Evidence'), 'WAF-rule-88{Enter}{Enter}change CHG-1');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(host.submitted).toEqual([
      {
        items: [{ id: 'ctl-1', type: 'waf', description: 'Block TLS 1.0 handshakes at the edge', status: 'implemented', evidence: ['WAF-rule-88', 'change CHG-1'] }],
        statuses: ['implemented'],
      },
    ]);
  });
});

describe('a field this editor does not handle', () => {
  it('says so instead of editing it', () => {
    renderPage(<IntakeApp />, { context: { moduleKey: 'exception-risk-tier', extension: {} } });
    expect(screen.getByText(/exception-risk-tier is not one of them/)).toBeInTheDocument();
  });
});
