import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { USER_COOKIE } from '../../src/sandbox/host/host-kit';
import { CAST } from '../../src/sandbox/seed/cast';
import { defaultSandboxOptions, REPO_ROOT, startSandbox } from '../../src/sandbox/server/start-sandbox';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/e2e-sandbox';
import { emit, round, summary } from './figures';

/**
 * Custom UI benchmark: the JavaScript each page loads before it can render (gzip, from the UI package's own measure
 * script over the build), and the time from opening the register page to its first table row in headless Chromium,
 * with a register of 10,000 exceptions in the sandbox (imported and projected by the app's reconcile). Prints one
 * JSON line per figure. Builds the UI first, so the figures are those of the sources as they are (its output goes
 * to stderr); needs the UI's packages (`npm --prefix static ci`) and /usr/bin/chromium. Run with
 * `npx tsx test/bench/ui.ts` (BENCH_UI_EXCEPTIONS changes the register's size).
 */

const EXCEPTIONS = Number(process.env['BENCH_UI_EXCEPTIONS'] ?? 10_000);
const RUNS = 10;
const TODAY = new Date('2026-11-23T09:00:00.000Z');

/** `register     initial   123.4 KB gzip in 5 chunks; lazy   45.6 KB ...`, as static/scripts/measure-bundles.mjs prints. */
const BUNDLE_LINE = /^(\S+)\s+initial\s+([\d.]+) KB gzip in (\d+) chunks; lazy\s+([\d.]+) KB/;

const buildUi = (): void => {
  const built = spawnSync('npm', ['--prefix', join(REPO_ROOT, 'static'), 'run', 'build'], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0) throw new Error(`the UI build failed (exit ${String(built.status)}); its output is above`);
};

const measureBundles = (): void => {
  const measured = spawnSync(process.execPath, [join(REPO_ROOT, 'static', 'scripts', 'measure-bundles.mjs')], { encoding: 'utf8' });
  if (measured.status !== 0) throw new Error(`measure-bundles failed: ${measured.stderr}`);
  for (const line of measured.stdout.split('\n')) {
    const match = BUNDLE_LINE.exec(line.trim());
    if (match === null) continue;
    emit({ bench: 'ui-bundle', page: match[1], initialKbGzip: Number(match[2]), initialChunks: Number(match[3]), lazyKbGzip: Number(match[4]) });
  }
};

/** The figure is only worth having if the page listed the whole register: its count must be every exception. */
const expectWholeRegister = async (page: Page): Promise<void> => {
  const shown = await page.frameLocator('iframe.app-frame').getByText(/^Showing 1–\d+ of \d+/).innerText();
  const total = Number(/of (\d+)/.exec(shown)?.[1]);
  if (total !== EXCEPTIONS) throw new Error(`the register lists ${total} exceptions, not the ${EXCEPTIONS} seeded: "${shown}"`);
};

const measureFirstRow = async (): Promise<void> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-ui-'));
  const seeding = performance.now();
  const sandbox = await startSandbox({
    ...defaultSandboxOptions(),
    dataDir,
    today: TODAY,
    seed: { mode: 'import', size: EXCEPTIONS, seed: 7, historyDays: 180 },
  });
  emit({ bench: 'ui-sandbox-import', exceptions: EXCEPTIONS, seconds: round((performance.now() - seeding) / 1000) });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const samples: number[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name: USER_COOKIE, value: CAST.sam.accountId, url: sandbox.url }]);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${sandbox.url}/projects/SEC/register`, { waitUntil: 'commit' });
      await page.frameLocator('iframe.app-frame').locator('table.ser-table tbody tr').first().waitFor();
      samples.push(performance.now() - started);
      if (run === 0) await expectWholeRegister(page);
      await context.close();
    }
    const [cold = Number.NaN, ...warm] = samples;
    emit({ bench: 'ui-first-row', page: 'register', exceptions: EXCEPTIONS, runs: warm.length, coldMs: round(cold), ...summary(warm) });
  } finally {
    await browser.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

const main = async (): Promise<void> => {
  buildUi();
  measureBundles();
  await measureFirstRow();
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
