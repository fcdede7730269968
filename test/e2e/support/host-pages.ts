import type { FrameLocator, Locator, Page } from 'playwright-core';

/**
 * What a person does on the host page (Jira's chrome around the app), written once for every test: open an issue,
 * take a workflow transition, read what Jira refused, edit a field with the app's editor, move the clock.
 */

const ISSUE_PATH = /\/browse\/([A-Z][A-Z0-9_]+-\d+)$/;

export const issueKeyOf = (page: Page): string => {
  const key = ISSUE_PATH.exec(new URL(page.url()).pathname)?.[1];
  if (key === undefined) throw new Error(`not on an issue page: ${page.url()}`);
  return key;
};

export const openIssue = async (page: Page, baseUrl: string, issueKey: string): Promise<void> => {
  await page.goto(`${baseUrl}/browse/${issueKey}`);
  await page.getByTestId('issue-status').first().waitFor();
};

/** The status as Jira names it (the lozenge shows it in capitals). */
export const issueStatus = async (page: Page): Promise<string> => (await page.getByTestId('issue-status').first().textContent()) ?? '';

/** Jira's refusal of the last action, shown above the workflow buttons. */
export const refusal = (page: Page): Locator => page.locator('main > .banner.error[role="alert"]');

export const takeTransition = async (page: Page, name: string, comment?: string): Promise<void> => {
  const form = page.getByRole('form', { name: 'Transitions' });
  if (comment !== undefined) await form.getByLabel('Comment for the transition').fill(comment);
  await Promise.all([page.waitForURL(ISSUE_PATH), form.getByRole('button', { name, exact: true }).click()]);
  await page.getByTestId('issue-status').first().waitFor();
};

export const transitionNames = async (page: Page): Promise<string[]> => {
  const form = page.getByRole('form', { name: 'Transitions' });
  return (await form.count()) === 0 ? [] : form.getByRole('button').allInnerTexts();
};

/** The app's frame on the page (each host page holds one). */
export const appFrame = (page: Page): FrameLocator => page.frameLocator('iframe.app-frame');

/** Opens the app's editor of one exception field from the issue view. */
export const editField = async (page: Page, fieldName: string): Promise<FrameLocator> => {
  await Promise.all([page.waitForURL(/\/fields\//), page.getByRole('link', { name: `Edit ${fieldName}` }).click()]);
  return appFrame(page);
};

/** Saves the field editor and waits for Jira to take the value and return to the issue. */
export const saveField = async (page: Page, frame: FrameLocator): Promise<void> => {
  await Promise.all([page.waitForURL(ISSUE_PATH), frame.getByRole('button', { name: 'Save' }).click()]);
  await page.getByTestId('issue-status').first().waitFor();
};

/** Presses one of the clock buttons (+1d, +7d, +30d), which runs the scheduled jobs of every day it skips. */
export const advanceClock = async (page: Page, days: 1 | 7 | 30): Promise<void> => {
  const clock = page.getByTestId('clock');
  await Promise.all([page.waitForLoadState('load'), clock.getByRole('button', { name: `+${days}d` }).click()]);
  await page.locator('main > .banner.success').waitFor();
};

/** An Atlaskit select (react-select) by its label: open it and pick the option. */
export const choose = async (frame: FrameLocator, label: string, option: string): Promise<void> => {
  await frame.getByLabel(label, { exact: true }).click();
  await frame.getByRole('option', { name: option, exact: true }).click();
};
