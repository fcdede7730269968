import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CAST } from '../../src/sandbox/seed/cast';
import { anIssueIn, ARTIFACTS_DIR, SCREENSHOTS_DIR, screenshot, startE2eSandbox, type E2eSandbox } from './support/e2e-sandbox';
import { appFrame, openIssue } from './support/host-pages';

/**
 * Every page of the sandbox in both colour modes, saved as test artifacts (test/e2e/artifacts/), each taken once the
 * app's frame has rendered its content; the register, an issue with the app's panel and the admin page also go to
 * docs/screenshots/ for the README.
 */

const MODES = ['light', 'dark'] as const;
type Mode = (typeof MODES)[number];

/** For the README: the register and the admin page as most people see them, the issue view in dark mode. */
const README_SHOTS = ['register-light', 'issue-panel-dark', 'admin-light'] as const;

describe('screenshots of every page, light and dark', () => {
  let e2e: E2eSandbox;
  const pages = new Map<Mode, Page>();

  beforeAll(async () => {
    e2e = await startE2eSandbox();
    for (const mode of MODES) pages.set(mode, await e2e.openAs(CAST.sam, { colorMode: mode }));
  });

  afterAll(async () => {
    await e2e.close();
  });

  const each = (name: string, shoot: (page: Page, mode: Mode) => Promise<void>) =>
    it.each(MODES)(`${name} (%s)`, async (mode) => {
      const page = pages.get(mode);
      if (page === undefined) throw new Error(`no page for ${mode}`);
      await shoot(page, mode);
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe(mode);
      await screenshot(page, `${name}-${mode}`);
    });

  each('register', async (page) => {
    await page.goto(`${e2e.sandbox.url}/projects/SEC/register`);
    await appFrame(page).locator('table.ser-table tbody tr').first().waitFor();
  });

  each('dashboard', async (page) => {
    await page.goto(`${e2e.sandbox.url}/projects/SEC/register?tab=dashboard`);
    await appFrame(page).getByRole('region', { name: 'Dashboard' }).waitFor();
  });

  each('issue-panel', async (page) => {
    await openIssue(page, e2e.sandbox.url, anIssueIn(e2e, 'active'));
    await appFrame(page).getByRole('heading', { name: 'Audit trail' }).waitFor();
  });

  each('intake', async (page) => {
    await page.goto(`${e2e.sandbox.url}/browse/${anIssueIn(e2e, 'draft')}/fields/exception-risk-inputs`);
    await appFrame(page).getByRole('region', { name: 'Pre-flight check' }).waitFor();
  });

  each('admin', async (page) => {
    await page.goto(`${e2e.sandbox.url}/admin`);
    await appFrame(page).getByRole('region', { name: 'Approval policy' }).waitFor();
  });

  each('rule-config', async (page) => {
    await page.goto(`${e2e.sandbox.url}/admin/workflow-rules`);
    await Promise.all([page.waitForURL(/rule=/), page.getByRole('row', { name: /Approve as Security lead/ }).getByRole('link').click()]);
    const config = appFrame(page);
    await expect(config.getByRole('radio', { name: 'Approval by Security lead' }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Update' }).click();
    // The frame answers the host's callback asynchronously; the output stays hidden until its answer arrives.
    const saved = page.locator('pre.configuration');
    await saved.waitFor({ state: 'visible' });
    await expect(saved.textContent()).resolves.toBe('{"check":"approval","levelId":"security-lead"}');
  });

  each('create', async (page) => {
    await page.goto(`${e2e.sandbox.url}/projects/SEC/create`);
    await page.getByRole('form', { name: 'Exception details' }).waitFor();
  });

  each('notifications', async (page) => {
    await page.goto(`${e2e.sandbox.url}/notifications`);
    await page.getByTestId('notifications').waitFor();
  });

  it('puts the register, the issue with its panel and the admin page in docs/screenshots for the README', () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    for (const name of README_SHOTS) {
      copyFileSync(join(ARTIFACTS_DIR, `${name}.png`), join(SCREENSHOTS_DIR, `${name}.png`));
      expect(existsSync(join(SCREENSHOTS_DIR, `${name}.png`))).toBe(true);
    }
  });
});
