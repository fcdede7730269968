import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { forgeInvocation } from '../../adapters/forge/forge-invocation';
import type { SqlDatabase } from '../../adapters/sql/database';
import type { Platform } from '../../entry/composition/platform';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore, type LocalKvsStore } from '../forge-runtime/local-kvs-store';
import type { JiraStandIn } from '../jira/jira-stand-in';
import type { ManifestModules } from './manifest-modules';
import { openFreshDatabase, type SandboxDatabaseChoice } from './sandbox-database';
import { createSandboxSite } from './sandbox-site';

/**
 * Everything the app runs on in the sandbox: the Jira site, the local Forge runtime (so `@forge/api` and `@forge/kvs`
 * run unchanged), the installation's KVS persisted in the data directory, and its SQL database. Entry handlers get the
 * sandbox platform: the database and the stand-in's clock, which the clock control moves.
 */

export const KVS_FILE = 'kvs.json';
const INVOCATION_TIMEOUT_MS = 900_000;

export type SandboxWorld = {
  readonly jira: JiraStandIn;
  readonly runtime: LocalForgeRuntime;
  readonly kvs: LocalKvsStore;
  readonly database: SqlDatabase;
  readonly platform: Platform;
  readonly projectKey: string;
  readonly fieldIds: Readonly<Record<string, string>>;
  readonly manifest: ManifestModules;
  close(): Promise<void>;
};

export type SandboxWorldOptions = {
  readonly start: Date;
  readonly dataDir: string;
  readonly database: SandboxDatabaseChoice;
  readonly manifest: ManifestModules;
};

export const createSandboxWorld = async (options: SandboxWorldOptions): Promise<SandboxWorld> => {
  mkdirSync(options.dataDir, { recursive: true });
  const kvsFile = join(options.dataDir, KVS_FILE);
  rmSync(kvsFile, { force: true });
  const site = createSandboxSite({ start: options.start, manifest: options.manifest });
  const { jira } = site;
  const kvs = createLocalKvsStore({ now: () => jira.clock.now(), persistTo: kvsFile });
  // Every invocation gets the scheduled functions' 900 s (manifest timeoutSeconds), so a job or a reconcile run
  // finishes in one go when the clock control runs it; Forge gives resolvers 25 s, which nothing here relies on.
  const runtime = installLocalForgeRuntime({
    jira,
    kvs,
    appContext: { environmentType: 'DEVELOPMENT', moduleKey: 'sandbox', invocationTimeoutMs: INVOCATION_TIMEOUT_MS },
  });
  const database = await openFreshDatabase(options.database);
  const platform: Platform = {
    database: () => database,
    now: () => jira.clock.now(),
    remainingMs: forgeInvocation.remainingMs,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  return {
    jira,
    runtime,
    kvs,
    database,
    platform,
    projectKey: site.projectKey,
    fieldIds: site.fieldIds,
    manifest: options.manifest,
    async close() {
      await jira.events.settle();
      runtime.uninstall();
      await database.destroy();
    },
  };
};
