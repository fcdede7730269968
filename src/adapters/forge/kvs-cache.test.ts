import { z } from 'zod';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../../sandbox/forge-runtime/local-kvs-store';
import { createStandInWorld, type StandInWorld } from '../../sandbox/jira/testing/stand-in-world';
import { cachedInKvs } from './kvs-cache';

describe('cachedInKvs', () => {
  let world: StandInWorld;
  let runtime: LocalForgeRuntime;
  const schema = z.object({ kind: z.string() });
  const compute = jest.fn<Promise<{ ok: true; value: { kind: string } } | { ok: false; reason: string }>, []>();

  beforeEach(() => {
    world = createStandInWorld();
    runtime = installLocalForgeRuntime({ jira: world.jira, kvs: createLocalKvsStore({ now: () => world.jira.clock.now() }) });
    compute.mockReset();
  });

  afterEach(() => runtime.uninstall());

  const cached = () => cachedInKvs('cache:field-ids', schema, 600, compute);

  it('computes once and serves the cached value until its time to live runs out', async () => {
    compute.mockResolvedValue({ ok: true, value: { kind: 'customfield_10001' } });
    expect(await cached()).toEqual({ ok: true, value: { kind: 'customfield_10001' } });
    expect(await cached()).toEqual({ ok: true, value: { kind: 'customfield_10001' } });
    expect(compute).toHaveBeenCalledTimes(1);

    world.jira.clock.advance({ minutes: 11 });
    await cached();
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('returns a failed computation as it is and caches nothing', async () => {
    compute.mockResolvedValueOnce({ ok: false, reason: 'Jira is down' }).mockResolvedValueOnce({ ok: true, value: { kind: 'x' } });
    expect(await cached()).toEqual({ ok: false, reason: 'Jira is down' });
    expect(await cached()).toEqual({ ok: true, value: { kind: 'x' } });
    expect(compute).toHaveBeenCalledTimes(2);
  });
});
