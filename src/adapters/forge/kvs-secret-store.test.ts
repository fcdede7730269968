import { kvs } from '@forge/kvs';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../../sandbox/forge-runtime/local-kvs-store';
import { createStandInWorld } from '../../sandbox/jira/testing/stand-in-world';
import { KvsSecretStore } from './kvs-secret-store';

describe('KvsSecretStore over the real @forge/kvs', () => {
  let runtime: LocalForgeRuntime;
  const secrets = new KvsSecretStore();

  beforeEach(() => {
    const world = createStandInWorld();
    runtime = installLocalForgeRuntime({ jira: world.jira, kvs: createLocalKvsStore({ now: () => world.jira.clock.now() }) });
  });

  afterEach(() => runtime.uninstall());

  it('reads an absent secret as undefined', async () => {
    expect(await secrets.get('audit-signing-key')).toBeUndefined();
  });

  it('stores a secret only if absent and hands back what is stored', async () => {
    expect(await secrets.setIfAbsent('audit-signing-key', 'first')).toBe('first');
    expect(await secrets.setIfAbsent('audit-signing-key', 'second')).toBe('first');
    expect(await secrets.get('audit-signing-key')).toBe('first');
  });

  it('lets racing creators agree on one value', async () => {
    const values = await Promise.all(['a', 'b', 'c', 'd'].map((value) => secrets.setIfAbsent('audit-signing-key', value)));
    expect(new Set(values).size).toBe(1);
    expect(await secrets.get('audit-signing-key')).toBe(values[0]);
  });

  it('refuses a secret the app did not write as text', async () => {
    await kvs.setSecret('audit-signing-key', { not: 'text' });
    await expect(secrets.get('audit-signing-key')).rejects.toThrow('is not a string');
  });
});
