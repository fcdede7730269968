import type { Page } from 'playwright-core';
import { findIssue } from '../../src/sandbox/jira/jira-state';
import { CAST } from '../../src/sandbox/seed/cast';
import { anIssueIn, startE2eSandbox, type E2eSandbox } from './support/e2e-sandbox';
import { appFrame, issueStatus, openIssue, refusal, transitionNames } from './support/host-pages';

/**
 * The administrator edits the approval policy and is told, at the field, what is wrong with an edit before anything is
 * saved; the auditor reads everything and can change nothing, neither through the page nor by calling the app's
 * resolver or Jira directly.
 */

describe('the administrator and the auditor', () => {
  let e2e: E2eSandbox;

  beforeAll(async () => {
    e2e = await startE2eSandbox();
  });

  afterAll(async () => {
    await e2e.close();
  });

  it('shows the administrator a policy edit the rules refuse at its field, keeps it from being saved, and saves a valid one', async () => {
    const ada = await e2e.openAs(CAST.ada);
    await ada.goto(`${e2e.sandbox.url}/admin`);
    const admin = appFrame(ada);
    const policy = admin.getByRole('region', { name: 'Approval policy' });
    await policy.getByText('The default policy is in force.').waitFor();
    const cumulative = policy.getByLabel('low: maximum days across renewals');
    await cumulative.fill('100');
    await policy.getByText('must be at least maxDurationDays').waitFor();
    await expect(policy.getByRole('button', { name: 'Save policy' }).isDisabled()).resolves.toBe(true);

    await cumulative.fill('540');
    await policy.getByLabel('Active exceptions per business unit').fill('60');
    const save = policy.getByRole('button', { name: 'Save policy' });
    await admin.getByRole('table').first().waitFor();
    await save.click();
    await policy.getByText(/Revision 1/).waitFor();
    await expect(policy.getByLabel('Active exceptions per business unit').inputValue()).resolves.toBe('60');
  });

  describe('the auditor', () => {
    let aude: Page;

    beforeAll(async () => {
      aude = await e2e.openAs(CAST.aude);
    });

    it('reads the register and the issue, with no workflow transition, edit or renewal offered', async () => {
      await aude.goto(`${e2e.sandbox.url}/projects/SEC/register`);
      await appFrame(aude).locator('table.ser-table tbody tr').first().waitFor();

      const issueKey = anIssueIn(e2e, 'active');
      await openIssue(aude, e2e.sandbox.url, issueKey);
      expect(await transitionNames(aude)).toEqual([]);
      await expect(aude.getByRole('link', { name: /^Edit / }).count()).resolves.toBe(0);
      await expect(aude.getByRole('link', { name: 'Edit details' }).count()).resolves.toBe(0);
      const panel = appFrame(aude);
      await panel.getByRole('heading', { name: 'Audit trail' }).waitFor();
      await expect(panel.getByRole('button', { name: 'Request renewal' }).count()).resolves.toBe(0);
    });

    it('cannot take a transition even by posting it to Jira', async () => {
      const issueKey = anIssueIn(e2e, 'active');
      const before = findIssue(e2e.sandbox.world.jira.state, issueKey)?.statusId;
      await openIssue(aude, e2e.sandbox.url, issueKey);
      const revoke = [...e2e.sandbox.world.jira.state.workflows.values()].flatMap((workflow) => workflow.transitions).find((transition) => transition.name === 'Revoke');
      const posted = await aude.request.post(`${e2e.sandbox.url}/browse/${issueKey}/transitions`, {
        form: { transitionId: revoke?.id ?? '', comment: 'Auditor tries' },
        maxRedirects: 0,
      });
      expect(posted.status()).toBe(303);
      await openIssue(aude, e2e.sandbox.url, issueKey);
      await expect(refusal(aude).innerText()).resolves.toContain('You do not have permission to transition this issue.');
      expect(await issueStatus(aude)).toBe('Active');
      expect(findIssue(e2e.sandbox.world.jira.state, issueKey)?.statusId).toBe(before);
    });

    it("cannot change a field even in the app's field editor opened by its address: Jira refuses the value, and says so", async () => {
      const issueKey = anIssueIn(e2e, 'active');
      const before = JSON.stringify(e2e.sandbox.world.jira.issue(issueKey)?.values.get(e2e.sandbox.world.fieldIds['exception-remediation-plan'] ?? ''));
      await aude.goto(`${e2e.sandbox.url}/browse/${issueKey}/fields/exception-remediation-plan`);
      const editor = appFrame(aude);
      await editor.getByLabel('Tracking ticket').fill('AUDIT-1');
      await editor.getByRole('button', { name: 'Save' }).click();
      const refused = aude.locator('[data-frame-error]');
      await refused.waitFor();
      await expect(refused.innerText()).resolves.toMatch(/permission/i);
      expect(JSON.stringify(e2e.sandbox.world.jira.issue(issueKey)?.values.get(e2e.sandbox.world.fieldIds['exception-remediation-plan'] ?? ''))).toBe(before);
    });

    it('reads the policy without being offered a save, and the resolver refuses a save sent anyway', async () => {
      await aude.goto(`${e2e.sandbox.url}/admin`);
      const admin = appFrame(aude);
      const policy = admin.getByRole('region', { name: 'Approval policy' });
      await policy.getByText('You can read the policy; only register administrators change it.').waitFor();
      await expect(policy.getByRole('button', { name: 'Save policy' }).count()).resolves.toBe(0);

      const frameId = await aude.locator('iframe.app-frame').getAttribute('data-frame-id');
      const answer = await aude.request.post(`${e2e.sandbox.url}/sandbox/frames/${frameId ?? ''}/invoke`, {
        data: { functionKey: 'admin/policy/get', payload: {} },
      });
      const current = (await answer.json()) as { ok: boolean; data: { policy: unknown; revision: number } };
      expect(current.ok).toBe(true);
      const refused = await aude.request.post(`${e2e.sandbox.url}/sandbox/frames/${frameId ?? ''}/invoke`, {
        data: { functionKey: 'admin/policy/save', payload: { policy: current.data.policy, expectedRevision: current.data.revision } },
      });
      const envelope = (await refused.json()) as { ok: boolean; error?: { code: string; message: string } };
      expect(envelope).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
      expect(envelope.error?.message).toMatch(/read-only/i);
    });

    it('sees the quarterly review queue without being offered an attestation', async () => {
      await aude.goto(`${e2e.sandbox.url}/projects/SEC/register?tab=reviews`);
      const register = appFrame(aude);
      await register.getByRole('region', { name: /^Quarterly review / }).waitFor();
      await expect(register.getByRole('button', { name: /^Attest / }).count()).resolves.toBe(0);
    });
  });
});
