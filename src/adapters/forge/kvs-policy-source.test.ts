import { kvs } from '@forge/kvs';
import { DEFAULT_POLICY, DEFAULT_POLICY_INPUT } from '../../domain/policy/default-policy';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../../sandbox/forge-runtime/local-kvs-store';
import { createStandInWorld } from '../../sandbox/jira/testing/stand-in-world';
import { loadPolicy, POLICY_KEY } from './kvs-policy-source';

describe('loadPolicy', () => {
  let runtime: LocalForgeRuntime;

  beforeEach(() => {
    const world = createStandInWorld();
    runtime = installLocalForgeRuntime({ jira: world.jira, kvs: createLocalKvsStore({ now: () => world.jira.clock.now() }) });
  });

  afterEach(() => runtime.uninstall());

  it('applies the defaults until an administrator saves a policy', async () => {
    expect(await loadPolicy()).toEqual({ ok: true, value: DEFAULT_POLICY });
  });

  it('reads the saved policy', async () => {
    await kvs.set(POLICY_KEY, { ...DEFAULT_POLICY_INPUT, timeZone: 'Europe/Berlin' });
    expect(await loadPolicy()).toMatchObject({ ok: true, value: { timeZone: 'Europe/Berlin' } });
  });

  it('refuses a saved policy that no longer parses, naming each problem', async () => {
    await kvs.set(POLICY_KEY, { ...DEFAULT_POLICY_INPUT, timeZone: 'Mars/Olympus' });
    expect(await loadPolicy()).toMatchObject({
      ok: false,
      error: { code: 'POLICY.INVALID' },
      problems: [{ path: 'timeZone', message: 'unknown IANA time zone "Mars/Olympus"' }],
    });
  });
});
