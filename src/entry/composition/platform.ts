import { forgeInvocation } from '../../adapters/forge/forge-invocation';
import { createDatabase, type SqlDatabase } from '../../adapters/sql/database';

/**
 * What an entry handler takes from the platform it runs on. Under Forge: the installation's Forge SQL database,
 * the wall clock, the invocation's remaining time and real waiting. The sandbox and the tests supply SQLite and
 * the stand-in's clock instead; Jira and KVS go through the real SDK either way (the local runtime serves them
 * outside Forge). Nothing here holds tenant state: each call builds for the invocation that makes it.
 */
export type Platform = {
  database(): SqlDatabase;
  now(): Date;
  remainingMs(): number;
  /** How the Jira client waits between retries. */
  sleep(ms: number): Promise<void>;
};

export const forgePlatform: Platform = {
  database: () => createDatabase({ dialect: 'forge' }),
  now: forgeInvocation.now,
  remainingMs: forgeInvocation.remainingMs,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
