import api, { assumeTrustedRoute } from '@forge/api';
import { checkpointAuditChain } from '../../app/audit/checkpoint-audit-chain';
import { InMemoryAuditStore } from '../../app/audit/testing/in-memory-audit-store';
import { buildSignedChain } from '../../domain/audit/testing/signed-chain';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../../sandbox/forge-runtime/local-kvs-store';
import { createStandInWorld, type StandInWorld } from '../../sandbox/jira/testing/stand-in-world';
import { createJiraGateways } from '../jira/jira-gateway-factory';
import { AUDIT_CHECKPOINT_PROPERTY, JiraProjectChainAnchor } from './jira-chain-anchor';

describe('JiraProjectChainAnchor', () => {
  let world: StandInWorld;
  let runtime: LocalForgeRuntime;
  let anchor: JiraProjectChainAnchor;

  beforeEach(() => {
    world = createStandInWorld();
    runtime = installLocalForgeRuntime({ jira: world.jira, kvs: createLocalKvsStore({ now: () => world.jira.clock.now() }) });
    const gateways = createJiraGateways({
      asApp: (path, init) => api.asApp().requestJira(assumeTrustedRoute(path), init),
      asUser: (path, init) => api.asUser().requestJira(assumeTrustedRoute(path), init),
      sleep: () => Promise.resolve(),
    });
    anchor = new JiraProjectChainAnchor(gateways.asApp, 'SEC');
  });

  afterEach(() => runtime.uninstall());

  const property = () => [...world.jira.state.projects.values()].find((project) => project.key === 'SEC')?.properties.get(AUDIT_CHECKPOINT_PROPERTY);

  it('has no checkpoint before the first one is written', async () => {
    expect(await anchor.latest()).toBeNull();
  });

  it('keeps the chain head on the project, where the audit checkpoint use case finds it again', async () => {
    const { entries } = buildSignedChain(3);
    const store = new InMemoryAuditStore(entries);
    const head = { sequence: 3, hash: entries[2]?.hash ?? '' };

    expect(await checkpointAuditChain({ store, anchor }, '2026-03-02T09:00:00.000Z')).toEqual({ ok: true, value: { write: true, head } });
    expect(property()).toEqual({ ...head, at: '2026-03-02T09:00:00.000Z' });
    expect(await anchor.latest()).toEqual({ head, at: '2026-03-02T09:00:00.000Z' });
    expect(await checkpointAuditChain({ store, anchor }, '2026-03-03T09:00:00.000Z')).toEqual({ ok: true, value: { write: false, head } });
  });

  it('refuses a checkpoint property someone else wrote rather than treat it as absent', async () => {
    await anchor.write({ sequence: 2, hash: 'a'.repeat(64) }, '2026-03-02T09:00:00.000Z');
    [...world.jira.state.projects.values()].find((project) => project.key === 'SEC')?.properties.set(AUDIT_CHECKPOINT_PROPERTY, { sequence: 0 });
    await expect(anchor.latest()).rejects.toMatchObject({ code: 'AUDIT.ANCHOR_UNAVAILABLE' });
  });

  it('reports a Jira outage as the anchor being unavailable', async () => {
    world.jira.injectFault({ status: 503 });
    await expect(anchor.write({ sequence: 1, hash: 'a'.repeat(64) }, '2026-03-02T09:00:00.000Z')).rejects.toThrow(/could not be written to SEC/);
  });
});
