import { kvs } from '@forge/kvs';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../../sandbox/forge-runtime/local-kvs-store';
import { createStandInWorld } from '../../sandbox/jira/testing/stand-in-world';
import { DEFAULT_AUDITOR_GROUP, KvsAuditorGrants } from './kvs-auditor-grants';

describe('KvsAuditorGrants', () => {
  let runtime: LocalForgeRuntime;

  beforeEach(() => {
    const world = createStandInWorld();
    runtime = installLocalForgeRuntime({ jira: world.jira, kvs: createLocalKvsStore({ now: () => world.jira.clock.now() }) });
  });
  afterEach(() => runtime.uninstall());

  const grant = (accountId: string, until = '2026-12-01T00:00:00.000Z') => ({
    accountId,
    until,
    grantedBy: 'acc-lead',
    grantedAt: '2026-11-01T00:00:00.000Z',
  });

  it('keeps one grant per account, a later grant replacing the earlier', async () => {
    const grants = new KvsAuditorGrants();
    await grants.save(grant('557058:aud-1'));
    await grants.save(grant('557058:aud-1', '2027-01-01T00:00:00.000Z'));
    await grants.save(grant('acc with spaces/and slashes'));
    expect(await grants.grantOf('557058:aud-1')).toEqual(grant('557058:aud-1', '2027-01-01T00:00:00.000Z'));
    expect(await grants.grantOf('acc with spaces/and slashes')).toEqual(grant('acc with spaces/and slashes'));
    expect(await grants.grantOf('557058:nobody')).toBeNull();
    expect((await grants.list()).map((held) => held.accountId)).toEqual(['557058:aud-1', 'acc with spaces/and slashes']);
  });

  it('grants nothing for a stored grant it cannot read, and uses the default group until one is set', async () => {
    const grants = new KvsAuditorGrants();
    await kvs.set('auditor:grant:557058:aud-2', { accountId: '557058:aud-2', until: 'forever' });
    expect(await grants.grantOf('557058:aud-2')).toBeNull();
    expect(await grants.settings()).toEqual({ group: DEFAULT_AUDITOR_GROUP });
    await kvs.set('auditor:settings', { group: 'external-auditors' });
    expect(await grants.settings()).toEqual({ group: 'external-auditors' });
  });
});
