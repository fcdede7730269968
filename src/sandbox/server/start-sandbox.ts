import { join } from 'node:path';
import { createHostApp } from '../host/host-app';
import { planDemoRegister, type DemoRegister } from '../seed/demo-register';
import { importRegister } from '../seed/import-register';
import { attestQuarter } from '../seed/quarterly-reviews';
import { seedRegister, type SeedReport } from '../seed/seed-register';
import { MAX_AUDITOR_GRANT_DAYS } from '../../contract/auditors';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { CAST } from '../seed/cast';
import { deployApp, type DeployedApp } from './app-deployment';
import type { SiteFacts } from './frame-context';
import { createFrameRegistry } from './frames';
import { startHttpServer } from './http-server';
import { readManifestModules } from './manifest-modules';
import { chooseDatabase, describeDatabase } from './sandbox-database';
import { createSandboxWorld, type SandboxWorld } from './sandbox-world';
import { callsFromPage, grantAuditorAccess, setUpProjectAsAdmin, type SiteDeps } from './site-setup';
import { openUiBuild } from './ui-build';

/**
 * `npm start` and the browser tests: a Jira site with the app installed and a project set up, a demo register
 * performed through Jira over the months before today, and the host page serving the production UI build.
 */

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export type SeedOptions = {
  /**
   * `workflow`: every exception raised and decided through Jira by the people of the plan (the demo);
   * `import`: the plan's end state put into Jira and projected by the app's reconcile (for volume).
   */
  readonly mode: 'workflow' | 'import';
  readonly size: number;
  readonly seed: number;
  readonly historyDays: number;
};

export type SandboxOptions = {
  /** 0 picks a free port. */
  readonly port: number;
  readonly dataDir: string;
  /** `SANDBOX_DB`: a mysql:// URL, or undefined for SQLite in the data directory. */
  readonly databaseUrl: string | undefined;
  /** "Today" on the site when the sandbox opens. */
  readonly today: Date;
  /** The demo register, or none (an empty, set-up project). */
  readonly seed: SeedOptions | null;
  readonly uiBuildDir: string;
  readonly manifestPath: string;
  readonly log: (line: string) => void;
};

export type Sandbox = {
  readonly url: string;
  readonly world: SandboxWorld;
  readonly app: DeployedApp;
  readonly seeded: SeedReport | null;
  close(): Promise<void>;
};

/** Six months of history and a few hundred exceptions: enough to page, filter and chart; seeded in about a minute. */
export const DEMO_SEED: SeedOptions = { mode: 'workflow', size: 300, seed: 20_261_123, historyDays: 180 };

export const defaultSandboxOptions = (overrides: Partial<SandboxOptions> = {}): SandboxOptions => ({
  port: 0,
  dataDir: join(REPO_ROOT, '.sandbox-data'),
  databaseUrl: undefined,
  today: new Date(),
  seed: DEMO_SEED,
  uiBuildDir: join(REPO_ROOT, 'static', 'build'),
  manifestPath: join(REPO_ROOT, 'manifest.yml'),
  log: () => undefined,
  ...overrides,
});

const DAY_MS = 86_400_000;
const SITE_URL = 'https://sandbox.atlassian.net';
/** The auditor's read-only access runs for a quarter from the day the sandbox opens, the longest the app grants. */
const AUDITOR_ACCESS_DAYS = MAX_AUDITOR_GRANT_DAYS;
const WORKDAY_START_MS = 9 * 3_600_000;

/** The demo register, played through the workflow; or, for volume, imported and reconciled (no seeding report). */
const seedDemo = async (deps: SiteDeps, plan: DemoRegister, mode: SeedOptions['mode'], log: (line: string) => void): Promise<SeedReport | null> => {
  const { world, app } = deps;
  if (mode === 'import') {
    log(`Importing ${plan.exceptions.length} exceptions and projecting them with the app's reconcile`);
    await importRegister({ jira: world.jira, projectKey: world.projectKey, fieldIds: world.fieldIds, reconcile: () => app.reconcile() }, plan);
    return null;
  }
  log(`Seeding ${plan.exceptions.length} exceptions over ${plan.days} days of history`);
  const reviewer = callsFromPage(deps, CAST.sam, 'jira:projectPage');
  let reported = 0;
  const seeded = await seedRegister(
    {
      jira: world.jira,
      projectKey: world.projectKey,
      fieldIds: world.fieldIds,
      runScheduledDay: () => app.runScheduledDay(),
      reviewQuarter: () => attestQuarter(reviewer),
      onProgress: (done, total) => {
        const percent = Math.floor((done / total) * 10) * 10;
        if (percent <= reported) return;
        reported = percent;
        log(`  ${percent}% (${done} of ${total} steps)`);
      },
    },
    plan,
  );
  log(`Seeded ${seeded.created} exceptions with ${seeded.transitions} workflow transitions`);
  for (const refusal of seeded.refused.slice(0, 5)) log(`  Jira refused ${refusal.step} by ${refusal.actor}: ${refusal.message}`);
  return seeded;
};

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const ui = openUiBuild(options.uiBuildDir);
  const manifest = readManifestModules(options.manifestPath);
  const demo = options.seed === null ? null : { mode: options.seed.mode, plan: planDemoRegister({ ...options.seed, today: options.today, policy: DEFAULT_POLICY }) };
  const start = demo?.plan.start ?? new Date(Math.floor(options.today.getTime() / DAY_MS) * DAY_MS + WORKDAY_START_MS);
  const database = chooseDatabase(options.dataDir, options.databaseUrl);
  options.log(`Starting the Jira stand-in and the local Forge runtime (${describeDatabase(database)})`);
  const world = await createSandboxWorld({ start, dataDir: options.dataDir, database, manifest });
  try {
    const app = await deployApp(world);
    const frames = createFrameRegistry();
    const site: SiteFacts = { cloudId: world.jira.app.cloudId, siteUrl: SITE_URL, environmentId: world.jira.app.environmentId, timeZone: 'UTC' };
    const deps: SiteDeps = { world, app, frames, site };
    await setUpProjectAsAdmin(deps, CAST.ada);
    options.log(`${CAST.ada.displayName} set up ${world.projectKey} for security exceptions`);
    const seeded = demo === null ? null : await seedDemo(deps, demo.plan, demo.mode, options.log);
    await grantAuditorAccess(deps, { auditor: CAST.aude, by: CAST.sam, days: AUDITOR_ACCESS_DAYS });
    const host = createHostApp({ world, app, ui, frames, site });
    const server = await startHttpServer((request) => host.handle(request), {
      port: options.port,
      onError: (error) => options.log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
    return {
      url: server.url,
      world,
      app,
      seeded,
      async close() {
        await server.close();
        await world.close();
      },
    };
  } catch (error) {
    await world.close();
    throw error;
  }
}
