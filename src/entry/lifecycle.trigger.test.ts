import { createDatabase, type SqlDatabase } from '../adapters/sql/database';
import { MIGRATIONS } from '../adapters/sql/migrations';
import { AUDIT_SIGNING_KEY_SECRET } from '../adapters/crypto/ed25519-signer';
import { KvsSecretStore } from '../adapters/forge/kvs-secret-store';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../sandbox/forge-runtime/local-kvs-store';
import { createStandInWorld } from '../sandbox/jira/testing/stand-in-world';
import type { Platform } from './composition/platform';
import { lifecycleHandler } from './lifecycle.trigger';
import { runHourlyUpkeep } from './migrations.scheduled';

describe('the app lifecycle trigger', () => {
  let runtime: LocalForgeRuntime;
  let database: SqlDatabase;
  let platform: Platform;

  beforeEach(() => {
    const world = createStandInWorld();
    runtime = installLocalForgeRuntime({ jira: world.jira, kvs: createLocalKvsStore({ now: () => world.jira.clock.now() }) });
    database = createDatabase({ dialect: 'sqlite', filename: ':memory:' });
    platform = { database: () => database, now: () => world.jira.clock.now(), remainingMs: () => 55_000, sleep: () => Promise.resolve() };
  });

  afterEach(async () => {
    runtime.uninstall();
    await database.destroy();
  });

  const installed = { eventType: 'avi:forge:installed:app', id: 'evt-1', installerAccountId: 'acc-admin', app: { id: 'app-4f1c', version: '1.0.0' } };

  it('migrates the new installation’s database and creates its audit signing key', async () => {
    const answer = await runtime.runAs(null, () => lifecycleHandler(platform)(installed));

    expect(answer).toMatchObject({ status: 'ready', migrationsApplied: MIGRATIONS.map((migration) => migration.name) });
    expect(await runtime.runAs(null, () => new KvsSecretStore().get(AUDIT_SIGNING_KEY_SECRET))).toEqual(expect.stringContaining('ed25519'));
  });

  it('changes nothing on a repeated or upgrade event, keeping the same signing key', async () => {
    const first = await runtime.runAs(null, () => lifecycleHandler(platform)(installed));
    const upgraded = await runtime.runAs(null, () => lifecycleHandler(platform)({ ...installed, eventType: 'avi:forge:upgraded:app' }));

    expect('status' in first && first.status === 'ready').toBe(true);
    expect(upgraded).toEqual({ status: 'ready', migrationsApplied: [], signingKeyId: 'signingKeyId' in first ? first.signingKeyId : '' });
  });

  it('ignores events it is not declared for', async () => {
    expect(await lifecycleHandler(platform)({ eventType: 'avi:jira:created:issue' })).toEqual({ status: 'ignored', reason: 'not an install or upgrade event' });
  });

  it('asks the platform to retry when set-up fails', async () => {
    const failing: Platform = { ...platform, database: () => ({ ...database, migrate: () => Promise.reject(new Error('database is starting')) }) };
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const answer = await runtime.runAs(null, () => lifecycleHandler(failing)(installed));
    expect(answer).toMatchObject({ retryOptions: { retryAfter: 60 } });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('database is starting'));
  });

  it('leaves the hourly upkeep to apply migrations the install event missed', async () => {
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
    const upkeep = await runtime.runAs(null, () => runHourlyUpkeep(platform));
    expect(upkeep).toEqual({
      migrationsApplied: MIGRATIONS.map((migration) => migration.name),
      jobs: [{ job: 'stalled-approvals', status: 'finished' }],
      reconcile: null,
    });
  });
});
