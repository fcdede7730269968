import { readFileSync } from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import { EXPORT_COLUMNS } from '../../src/contract/register';
import { CAST } from '../../src/sandbox/seed/cast';
import { parseCsv } from './support/csv';
import { startE2eSandbox, type E2eSandbox } from './support/e2e-sandbox';
import { appFrame } from './support/host-pages';

/**
 * The security lead works from the register: narrows it to one business unit's active exceptions, finds the view
 * still there after a reload (it lives in the page URL), and exports exactly the rows the view shows.
 */

const registerKeys = async (frame: FrameLocator): Promise<string[]> =>
  frame.locator('table.ser-table tbody tr th[scope="row"]').allInnerTexts();

const waitForRows = async (frame: FrameLocator): Promise<void> => {
  await frame.locator('table.ser-table tbody tr').first().waitFor();
};

describe('the register as the security lead uses it', () => {
  let e2e: E2eSandbox;
  let sam: Page;

  beforeAll(async () => {
    e2e = await startE2eSandbox();
    sam = await e2e.openAs(CAST.sam);
  });

  afterAll(async () => {
    await e2e.close();
  });

  it('filters by business unit and status, and keeps the view in the URL: back, forward and reload', async () => {
    await sam.goto(`${e2e.sandbox.url}/projects/SEC/register`);
    const register = appFrame(sam);
    await waitForRows(register);
    const filters = register.getByRole('form', { name: 'Filter exceptions' });
    await filters.getByLabel('Business unit').fill('Corporate IT');
    await filters.getByRole('checkbox', { name: 'Active', exact: true }).check();
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await sam.waitForURL(/bu=Corporate/);
    expect(new URL(sam.url()).searchParams.get('status')).toBe('active');

    await register.getByRole('button', { name: '100 per page' }).click();
    await waitForRows(register);
    const rows = await register.locator('table.ser-table tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toContain('Corporate IT');
      expect(row).toContain('Active');
    }
    const keys = await registerKeys(register);

    const otherUnits = register.locator('table.ser-table tbody tr').filter({ hasNotText: 'Corporate IT' }).first();
    await sam.goBack();
    await sam.goBack();
    await otherUnits.waitFor();
    await sam.goForward();
    await sam.goForward();
    await otherUnits.waitFor({ state: 'detached' });
    await register.getByText(`Showing 1–${keys.length} of ${keys.length}`).waitFor();
    expect(await registerKeys(register)).toEqual(keys);

    await sam.reload();
    await waitForRows(appFrame(sam));
    await expect(appFrame(sam).getByLabel('Business unit').inputValue()).resolves.toBe('Corporate IT');
    expect(await registerKeys(appFrame(sam))).toEqual(keys);
  });

  it("switches the person and the colour mode with the top bar's controls, for the host and the app's frame alike", async () => {
    const page = await e2e.openAs(CAST.sam);
    await page.goto(`${e2e.sandbox.url}/projects/SEC/register`);
    await waitForRows(appFrame(page));
    await Promise.all([page.waitForLoadState('load'), page.getByTestId('theme-toggle').click()]);
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    await waitForRows(appFrame(page));
    await expect(appFrame(page).locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');

    await Promise.all([page.waitForURL(/\/projects\/SEC\/register/), page.getByLabel('Signed in as').selectOption(CAST.raj.accountId)]);
    await expect(page.getByLabel('Signed in as').inputValue()).resolves.toBe(CAST.raj.accountId);
    const frameId = await page.locator('iframe.app-frame').getAttribute('data-frame-id');
    const context = (await (await page.request.get(`${e2e.sandbox.url}/sandbox/frames/${frameId ?? ''}`)).json()) as { context: { accountId: string } };
    expect(context.context.accountId).toBe(CAST.raj.accountId);
  });

  it('exports the filtered view as CSV: the header of the contract, and exactly the rows the view lists', async () => {
    const register = appFrame(sam);
    await waitForRows(register);
    const shown = await registerKeys(register);
    const [download] = await Promise.all([sam.waitForEvent('download'), register.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('security-exceptions-2026-11-23.csv');
    await register.getByText(`Exported ${shown.length} exceptions`).waitFor();

    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const column = (name: (typeof EXPORT_COLUMNS)[number]): number => EXPORT_COLUMNS.indexOf(name);
    expect(rows.map((row) => row[column('Key')]).sort()).toEqual([...shown].sort());
    for (const row of rows) {
      expect(row[column('Business unit')]).toBe('Corporate IT');
      expect(row[column('Status')]?.toLowerCase()).toBe('active');
      expect(row).toHaveLength(EXPORT_COLUMNS.length);
    }
  });
});
