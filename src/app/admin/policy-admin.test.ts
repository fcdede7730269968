import { InMemoryAuditStore } from '../audit/testing/in-memory-audit-store';
import { signerOf } from '../audit/testing/test-signer';
import { testSigningKey } from '../../domain/audit/testing/signed-chain';
import { DEFAULT_POLICY, DEFAULT_POLICY_INPUT } from '../../domain/policy/default-policy';
import type { Policy } from '../../domain/policy/policy-config';
import type { PolicyStore, StoredPolicy } from './admin-ports';
import { policyChanges, savePolicy, validatePolicy } from './policy-admin';

const memoryStore = (): PolicyStore & { saved: StoredPolicy } => {
  const store = {
    saved: { document: null, revision: 0, updatedAt: null, updatedBy: null } as StoredPolicy,
    current: () => Promise.resolve(store.saved),
    saveRevision: (revision: number, policy: Policy, by: { at: string; accountId: string }) => {
      if (revision !== store.saved.revision + 1) return Promise.resolve('conflict' as const);
      store.saved = { document: policy, revision, updatedAt: by.at, updatedBy: by.accountId };
      return Promise.resolve('saved' as const);
    },
  };
  return store;
};

const statistics = {
  activeByTier: () => Promise.resolve({ low: 4, medium: 3, high: 2, critical: 1 }),
  activeLongerThan: (_tier: string, days: number) => Promise.resolve(days < 100 ? 2 : 0),
  activeRenewedMoreThan: () => Promise.resolve(0),
  assetsOverActiveLimit: (limit: number) => Promise.resolve(limit < 3 ? 5 : 0),
  businessUnitsOverActiveLimit: () => Promise.resolve(0),
};

const deps = () => {
  const auditStore = new InMemoryAuditStore();
  return {
    store: memoryStore(),
    statistics,
    audit: { store: auditStore, signer: signerOf(testSigningKey(1)), pauseBeforeRetry: () => Promise.resolve() },
    auditStore,
    now: () => '2026-11-02T09:00:00.000Z',
  };
};

describe('what a policy change changes', () => {
  it('lists every changed setting by path, lists as text', () => {
    const candidate: Policy = {
      ...DEFAULT_POLICY,
      tiers: { ...DEFAULT_POLICY.tiers, high: { ...DEFAULT_POLICY.tiers.high, maxDurationDays: 60, reminderDays: [14, 7] } },
      peerReview: { group: 'architects' },
    };
    expect(policyChanges(DEFAULT_POLICY, candidate)).toEqual([
      'peerReview.group: security-architects -> architects',
      'tiers.high.maxDurationDays: 90 -> 60',
      'tiers.high.reminderDays: 30, 14, 7, 1 -> 14, 7',
    ]);
    expect(policyChanges(DEFAULT_POLICY, DEFAULT_POLICY)).toEqual([]);
  });
});

describe('validating a policy', () => {
  it('answers problems by path for an invalid policy', async () => {
    const checked = await validatePolicy(deps(), { ...DEFAULT_POLICY_INPUT, limits: { activePerAsset: 0, activePerBusinessUnit: 50 } });
    expect(checked).toEqual({ valid: false, problems: [{ path: 'limits.activePerAsset', message: expect.any(String) as string }] });
  });

  it('previews a valid policy against the active exceptions', async () => {
    const checked = await validatePolicy(deps(), { ...DEFAULT_POLICY_INPUT, limits: { activePerAsset: 2, activePerBusinessUnit: 50 } });
    if (!checked.valid) throw new Error('expected a valid policy');
    expect(checked.preview.limits).toEqual({ activePerAsset: 2, assetsOverLimit: 5, activePerBusinessUnit: 50, businessUnitsOverLimit: 0 });
    expect(checked.preview.tiers.map((tier) => [tier.tier, tier.activeCount, tier.activeBeyondMaxDuration])).toEqual([
      ['low', 4, 0],
      ['medium', 3, 0],
      ['high', 2, 2],
      ['critical', 1, 2],
    ]);
    expect(checked.preview.changes).toEqual(['limits.activePerAsset: 3 -> 2']);
  });
});

describe('saving a policy', () => {
  it('stores the next revision and audits what changed', async () => {
    const world = deps();
    const saved = await savePolicy(world, { candidate: DEFAULT_POLICY_INPUT, expectedRevision: 0, by: 'acc-lead' });
    expect(saved).toEqual({ ok: true, value: { revision: 1, updatedAt: '2026-11-02T09:00:00.000Z' } });
    const [entry] = await world.auditStore.page(0, 10);
    expect(entry).toMatchObject({ action: 'policy.changed', actor: 'acc-lead', payload: { revision: 1, changes: [] } });
  });

  it('refuses a save from a replaced revision and an invalid policy, storing nothing', async () => {
    const world = deps();
    await savePolicy(world, { candidate: DEFAULT_POLICY_INPUT, expectedRevision: 0, by: 'acc-lead' });
    expect(await savePolicy(world, { candidate: DEFAULT_POLICY_INPUT, expectedRevision: 0, by: 'acc-admin' })).toMatchObject({
      ok: false,
      error: { code: 'POLICY.REVISION_CONFLICT' },
    });
    expect(await savePolicy(world, { candidate: { ...DEFAULT_POLICY_INPUT, version: 2 }, expectedRevision: 1, by: 'acc-admin' })).toMatchObject({
      ok: false,
      error: { code: 'POLICY.INVALID' },
      problems: [{ path: 'version' }],
    });
    expect(world.store.saved.revision).toBe(1);
    expect(await world.auditStore.page(0, 10)).toHaveLength(1);
  });
});
