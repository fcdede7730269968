import { kvs } from '@forge/kvs';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../../sandbox/forge-runtime/local-kvs-store';
import { createStandInWorld } from '../../sandbox/jira/testing/stand-in-world';
import { KvsRegisterHome, REGISTER_HOME_KEY, type RegisterHome } from './kvs-register-home';

describe('the register home in KVS', () => {
  let runtime: LocalForgeRuntime;
  const home: RegisterHome = { projectKey: 'SEC', issueKey: 'SEC-1', siteUrl: 'https://acme.atlassian.net' };

  beforeEach(() => {
    const world = createStandInWorld();
    runtime = installLocalForgeRuntime({ jira: world.jira, kvs: createLocalKvsStore({ now: () => world.jira.clock.now() }) });
  });

  afterEach(() => runtime.uninstall());

  it('is absent until set-up records one, then read back as recorded', async () => {
    const store = new KvsRegisterHome();
    expect(await store.get()).toBeNull();
    await store.set(home);
    expect(await store.get()).toEqual(home);
  });

  it.each([
    ['a bare issue key', 'SEC-1'],
    ['an issue key that is not one', { ...home, issueKey: 'sec 1' }],
    ['a site address that is not a web address', { ...home, siteUrl: 'javascript:alert(1)' }],
    ['no site address', { projectKey: 'SEC', issueKey: 'SEC-1' }],
  ])('reads %s stored under its key as no home', async (_case, stored) => {
    await kvs.set(REGISTER_HOME_KEY, stored);
    expect(await new KvsRegisterHome().get()).toBeNull();
  });

  it('refuses to record a home that could not be read back', async () => {
    await expect(new KvsRegisterHome().set({ ...home, issueKey: 'not-a-key' })).rejects.toThrow();
    expect(await kvs.get(REGISTER_HOME_KEY)).toBeUndefined();
  });
});
