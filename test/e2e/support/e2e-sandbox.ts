import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { STATUS_NAMES, type Status } from '../../../src/domain/exception/security-exception';
import type { Person } from '../../../src/sandbox/seed/cast';
import { THEME_COOKIE, USER_COOKIE } from '../../../src/sandbox/host/host-kit';
import { defaultSandboxOptions, REPO_ROOT, startSandbox, type Sandbox, type SeedOptions } from '../../../src/sandbox/server/start-sandbox';

/**
 * One sandbox and one browser per test file: the sandbox in this process on a free port with SQLite in a fresh
 * temporary directory, Debian's Chromium driven by playwright-core. People are signed in by the host page's own
 * cookie, as its user switcher does; each person gets a browser context of their own.
 */

export const ARTIFACTS_DIR = join(REPO_ROOT, 'test', 'e2e', 'artifacts');
export const SCREENSHOTS_DIR = join(REPO_ROOT, 'docs', 'screenshots');

/** A fixed "today", so the demo register and every date the tests read are the same on every run. */
export const E2E_TODAY = new Date('2026-11-23T09:00:00.000Z');

/** A small register (about two months of history) that still has every status and tier in it. */
export const E2E_SEED: SeedOptions = { mode: 'workflow', size: 60, seed: 4242, historyDays: 60 };

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export type E2eSandbox = {
  readonly sandbox: Sandbox;
  readonly browser: Browser;
  /** A page signed in as `person`, in a context of its own. */
  openAs(person: Person, options?: { readonly colorMode?: 'light' | 'dark' }): Promise<Page>;
  close(): Promise<void>;
};

export const startE2eSandbox = async (seed: SeedOptions | null = E2E_SEED): Promise<E2eSandbox> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-e2e-'));
  const sandbox = await startSandbox({ ...defaultSandboxOptions(), dataDir, today: E2E_TODAY, seed, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    sandbox,
    browser,
    async openAs(person, options = {}) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      contexts.push(context);
      await context.addCookies([
        { name: USER_COOKIE, value: person.accountId, url: sandbox.url },
        { name: THEME_COOKIE, value: options.colorMode ?? 'light', url: sandbox.url },
      ]);
      return context.newPage();
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export const anIssueIn = (e2e: E2eSandbox, status: Status): string => {
  const { jira } = e2e.sandbox.world;
  const issue = [...jira.state.issues.values()].find((candidate) => jira.state.statuses.get(candidate.statusId)?.name === STATUS_NAMES[status]);
  if (issue === undefined) throw new Error(`the demo register has no ${status} exception`);
  return issue.key;
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = join(ARTIFACTS_DIR, `${name}.png`);
  // A full-page shot of a scrolled page draws the sticky top bar where the viewport was.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: file, fullPage: true });
  return file;
};
