import type { Page } from 'playwright-core';
import { CAST } from '../../src/sandbox/seed/cast';
import { E2E_TODAY, screenshot, startE2eSandbox, type E2eSandbox } from './support/e2e-sandbox';
import {
  advanceClock,
  appFrame,
  editField,
  issueKeyOf,
  issueStatus,
  openIssue,
  refusal,
  saveField,
  takeTransition,
  transitionNames,
} from './support/host-pages';

/**
 * One exception from request to expiry, driven like the people would: the requester raises it and sees its tier and
 * approvers before submitting, the peer reviewer reviews it, the wrong people are refused with the validator's reason,
 * the right ones approve level by level, the register shows it active, and as the days pass the reminders go out and
 * the exception expires.
 */

const DAY_MS = 86_400_000;
const isoDay = (offsetDays: number): string => new Date(E2E_TODAY.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);

/** Medium tier by construction: CVSS 5.9 on a medium, internal, internal-only asset, less an implemented WAF rule. */
const REQUEST = {
  summary: 'E2E: partner SFTP keeps CBC ciphers until the partner upgrades',
  justification: 'The logistics partner only negotiates CBC ciphers; their client upgrade ships next month.',
  businessImpact: 'Delivery manifests from the partner would stop arriving.',
  expiresInDays: 20,
  vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N',
};

describe('an exception from request to expiry', () => {
  let e2e: E2eSandbox;
  let rita: Page;
  let issueKey: string;

  beforeAll(async () => {
    e2e = await startE2eSandbox();
    rita = await e2e.openAs(CAST.rita);
  });

  afterAll(async () => {
    await e2e.close();
  });

  it('is raised by the requester, who sees its tier and required approvers before submitting', async () => {
    await rita.goto(`${e2e.sandbox.url}/projects/SEC/create`);
    const form = rita.getByRole('form', { name: 'Exception details' });
    await form.getByLabel('Summary').fill(REQUEST.summary);
    await form.getByLabel('Justification').fill(REQUEST.justification);
    await form.getByLabel('Business impact').fill(REQUEST.businessImpact);
    await form.getByLabel('Requested expiry').fill(isoDay(REQUEST.expiresInDays));
    await form.getByLabel('Control references').fill('SOC2 CC6.7, internal SEC-STD-014');
    await form.getByLabel('Findings').fill('CVE-2016-2183');
    await Promise.all([rita.waitForURL(/\/browse\//), form.getByRole('button', { name: 'Create' }).click()]);
    issueKey = issueKeyOf(rita);
    expect(await issueStatus(rita)).toBe('Draft');

    const assets = await editField(rita, 'Exception assets');
    await assets.getByLabel('Business unit').fill('Mobile');
    await assets.getByLabel('Asset owner (account id)').fill(CAST.rita.accountId);
    await assets.getByRole('button', { name: 'Add asset' }).click();
    await assets.getByLabel('Asset id').fill('mob-sftp-e2e');
    await assets.getByLabel('Name').fill('Partner SFTP endpoint (e2e)');
    await saveField(rita, assets);

    const controls = await editField(rita, 'Exception compensating controls');
    await controls.getByRole('button', { name: 'Add control' }).click();
    await controls.getByLabel('Type').fill('waf');
    await controls.getByLabel('Description').fill('Connections accepted only from the partner address range');
    await controls.getByLabel('Evidence').fill('Firewall change CHG-4711');
    await saveField(rita, controls);

    const remediation = await editField(rita, 'Exception remediation plan');
    await remediation.getByLabel('How will the issue be fixed?').fill('Remove the CBC ciphers once the partner upgrades');
    await remediation.getByLabel('Target date').fill(isoDay(REQUEST.expiresInDays - 1));
    await remediation.getByLabel('Tracking ticket').fill('OPS-4711');
    await saveField(rita, remediation);

    const risk = await editField(rita, 'Exception risk inputs');
    await risk.getByRole('textbox', { name: 'CVSS vector' }).fill(REQUEST.vector);
    await risk.getByRole('checkbox', { name: 'network', exact: true }).check();
    const preflight = risk.getByRole('region', { name: 'Pre-flight check' });
    await preflight.getByText('Ready to submit').waitFor();
    await expect(preflight.innerText()).resolves.toMatch(/medium/i);
    const approvers = preflight.getByRole('region', { name: 'Required approvers' });
    await expect(approvers.innerText()).resolves.toMatch(/Security lead[\s\S]*Risk \/ information owner/);
    await screenshot(rita, 'intake-preflight-light');
    await saveField(rita, risk);

    await takeTransition(rita, 'Submit');
    expect(await issueStatus(rita)).toBe('Submitted');
  });

  it('goes through peer review by the security architect', async () => {
    const ana = await e2e.openAs(CAST.ana);
    await openIssue(ana, e2e.sandbox.url, issueKey);
    await takeTransition(ana, 'Start review');
    await takeTransition(ana, 'Complete review');
    expect(await issueStatus(ana)).toBe('Awaiting Approval');
  });

  it('refuses the wrong approvers with the validator’s reason, on the issue itself', async () => {
    await openIssue(rita, e2e.sandbox.url, issueKey);
    await takeTransition(rita, 'Approve as Security lead');
    await expect(refusal(rita).innerText()).resolves.toContain('a requester never approves their own exception');
    expect(await issueStatus(rita)).toBe('Awaiting Approval');

    const raj = await e2e.openAs(CAST.raj);
    await openIssue(raj, e2e.sandbox.url, issueKey);
    await takeTransition(raj, 'Approve as Risk / information owner');
    await expect(refusal(raj).innerText()).resolves.toContain(`Security lead approval (group security-leads) must come before Risk / information owner approval on ${issueKey}`);
    expect(await issueStatus(raj)).toBe('Awaiting Approval');
    await screenshot(raj, 'issue-refused-approval-light');
  });

  it('is approved level by level by the right people and becomes active', async () => {
    const sam = await e2e.openAs(CAST.sam);
    await openIssue(sam, e2e.sandbox.url, issueKey);
    await takeTransition(sam, 'Approve as Security lead');
    await expect(refusal(sam).count()).resolves.toBe(0);

    const raj = await e2e.openAs(CAST.raj);
    await openIssue(raj, e2e.sandbox.url, issueKey);
    await takeTransition(raj, 'Approve as Risk / information owner');
    await expect(refusal(raj).count()).resolves.toBe(0);
    await takeTransition(raj, 'Activate');
    expect(await issueStatus(raj)).toBe('Active');

    const panel = appFrame(raj);
    await panel.getByRole('heading', { name: 'Approval chain' }).waitFor();
    await expect(panel.getByRole('region', { name: 'Approval chain' }).innerText()).resolves.toMatch(
      new RegExp(`Security lead[\\s\\S]*${CAST.sam.displayName}[\\s\\S]*Risk / information owner[\\s\\S]*${CAST.raj.displayName}`),
    );
    await screenshot(raj, 'issue-active-light');
  });

  it('shows as active in the register', async () => {
    const sam = await e2e.openAs(CAST.sam);
    await sam.goto(`${e2e.sandbox.url}/projects/SEC/register?q=${encodeURIComponent(issueKey)}`);
    const register = appFrame(sam);
    const row = register.getByRole('row').filter({ hasText: issueKey });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Active/);
    await expect(row.innerText()).resolves.toContain(CAST.rita.displayName);
    await expect(row.innerText()).resolves.not.toContain(CAST.rita.accountId);
  });

  it('reminds the requester as the expiry nears, and expires when the day has passed', async () => {
    const sam = await e2e.openAs(CAST.sam);
    await openIssue(sam, e2e.sandbox.url, issueKey);
    await advanceClock(sam, 7);
    await openIssue(sam, e2e.sandbox.url, issueKey);
    const sent = sam.getByTestId('issue-notifications');
    await expect(sent.innerText()).resolves.toContain(`${issueKey} expires in 14 days`);
    expect(await issueStatus(sam)).toBe('Active');

    await advanceClock(sam, 7);
    await advanceClock(sam, 7);
    await openIssue(sam, e2e.sandbox.url, issueKey);
    expect(await issueStatus(sam)).toBe('Expired');
    await expect(sam.getByTestId('issue-notifications').innerText()).resolves.toContain(`${issueKey} has expired and no longer covers the risk`);
    expect(await transitionNames(sam)).not.toContain('Activate');
  });
});
