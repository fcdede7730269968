import { kvs } from '@forge/kvs';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../../sandbox/forge-runtime/local-kvs-store';
import { createStandInWorld } from '../../sandbox/jira/testing/stand-in-world';
import { loadPolicy } from './kvs-policy-source';
import { KvsPolicyStore } from './kvs-policy-store';

describe('KvsPolicyStore', () => {
  let runtime: LocalForgeRuntime;

  beforeEach(() => {
    const world = createStandInWorld();
    runtime = installLocalForgeRuntime({ jira: world.jira, kvs: createLocalKvsStore({ now: () => world.jira.clock.now() }) });
  });
  afterEach(() => runtime.uninstall());

  const by = { at: '2026-11-02T09:00:00.000Z', accountId: 'acc-lead' };
  const stricter = { ...DEFAULT_POLICY, limits: { activePerAsset: 1, activePerBusinessUnit: 10 } };

  it('starts at revision 0 with nothing saved, and publishes a saved revision where the rules read it', async () => {
    const policies = new KvsPolicyStore();
    expect(await policies.current()).toEqual({ document: null, revision: 0, updatedAt: null, updatedBy: null });
    expect(await policies.saveRevision(1, stricter, by)).toBe('saved');
    expect(await policies.current()).toEqual({ document: stricter, revision: 1, updatedAt: by.at, updatedBy: 'acc-lead' });
    expect(await loadPolicy()).toEqual({ ok: true, value: stricter });
  });

  it('lets exactly one of two savers of the same revision win', async () => {
    const policies = new KvsPolicyStore();
    const outcomes = await Promise.all([policies.saveRevision(1, stricter, by), policies.saveRevision(1, DEFAULT_POLICY, { ...by, accountId: 'acc-admin' })]);
    expect([...outcomes].sort()).toEqual(['conflict', 'saved']);
  });

  it('rolls forward a revision whose saver stopped before publishing it', async () => {
    const policies = new KvsPolicyStore();
    await policies.saveRevision(1, DEFAULT_POLICY, by);
    await kvs.set('policy:revision:2', { policy: stricter, updatedAt: '2026-11-03T09:00:00.000Z', updatedBy: 'acc-admin' });
    expect(await policies.current()).toMatchObject({ document: stricter, revision: 2, updatedBy: 'acc-admin' });
    expect(await loadPolicy()).toEqual({ ok: true, value: stricter });
    expect(await policies.saveRevision(3, DEFAULT_POLICY, by)).toBe('saved');
  });
});
