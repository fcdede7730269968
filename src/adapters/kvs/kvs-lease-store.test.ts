import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../../sandbox/forge-runtime/local-kvs-store';
import { createStandInWorld, type StandInWorld } from '../../sandbox/jira/testing/stand-in-world';
import { KvsLeaseStore } from './kvs-lease-store';

describe('KvsLeaseStore over the real @forge/kvs', () => {
  let world: StandInWorld;
  let runtime: LocalForgeRuntime;
  const leases = new KvsLeaseStore();

  beforeEach(() => {
    world = createStandInWorld();
    runtime = installLocalForgeRuntime({ jira: world.jira, kvs: createLocalKvsStore({ now: () => world.jira.clock.now() }) });
  });

  afterEach(() => runtime.uninstall());

  it('lets exactly one of two racing invocations take a lease', async () => {
    const outcomes = await Promise.all([
      runtime.runAs(null, () => leases.acquire('job:expiry', 'invocation-a', 60_000)),
      runtime.runAs(null, () => leases.acquire('job:expiry', 'invocation-b', 60_000)),
    ]);
    expect([...outcomes].sort()).toEqual(['acquired', 'held']);
  });

  it('frees a lease whose holder never gave it back once its TTL has run out', async () => {
    await runtime.runAs(null, () => leases.acquire('job:expiry', 'invocation-a', 60_000));
    world.jira.clock.advance({ ms: 59_000 });
    expect(await runtime.runAs(null, () => leases.acquire('job:expiry', 'invocation-b', 60_000))).toBe('held');
    world.jira.clock.advance({ ms: 1_000 });
    expect(await runtime.runAs(null, () => leases.acquire('job:expiry', 'invocation-b', 60_000))).toBe('acquired');
  });

  it('is given back only by its holder', async () => {
    await runtime.runAs(null, () => leases.acquire('job:expiry', 'invocation-a', 60_000));
    expect(await runtime.runAs(null, () => leases.release('job:expiry', 'invocation-b'))).toBe('not-held');
    expect(await runtime.runAs(null, () => leases.acquire('job:expiry', 'invocation-b', 60_000))).toBe('held');
    expect(await runtime.runAs(null, () => leases.release('job:expiry', 'invocation-a'))).toBe('released');
    expect(await runtime.runAs(null, () => leases.acquire('job:expiry', 'invocation-b', 60_000))).toBe('acquired');
  });

  it('keeps leases of different names apart', async () => {
    expect(await runtime.runAs(null, () => leases.acquire('job:expiry', 'invocation-a', 60_000))).toBe('acquired');
    expect(await runtime.runAs(null, () => leases.acquire('job:reminders', 'invocation-a', 60_000))).toBe('acquired');
  });
});
