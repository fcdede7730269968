import { InMemoryAuditStore } from '../audit/testing/in-memory-audit-store';
import { directoryOf } from '../audit/testing/test-signer';
import { buildSignedChain, testSigningKey } from '../../domain/audit/testing/signed-chain';
import { auditChainStatus, VERIFICATION_REUSE_MS, type CachedVerification, type ChainStatusDeps } from './audit-chain-status';

const KEY = testSigningKey(1);

const world = (entries = buildSignedChain(5, KEY).entries) => {
  const store = new InMemoryAuditStore(entries);
  let cached: CachedVerification | null = null;
  let now = Date.parse('2026-11-02T09:00:00.000Z');
  const page = jest.spyOn(store, 'page');
  const deps: ChainStatusDeps = {
    store,
    keys: directoryOf(KEY),
    cache: { get: () => Promise.resolve(cached), put: (value) => Promise.resolve(void (cached = value)) },
    now: () => new Date(now).toISOString(),
  };
  return { deps, store, page, advance: (ms: number) => (now += ms) };
};

describe('the audit chain badge', () => {
  it('verifies the chain and reuses the answer for the same head for a while', async () => {
    const { deps, page, advance } = world();
    expect(await auditChainStatus(deps)).toEqual({ state: 'verified', entries: 5 });
    const reads = page.mock.calls.length;
    advance(VERIFICATION_REUSE_MS - 1);
    expect(await auditChainStatus(deps)).toEqual({ state: 'verified', entries: 5 });
    expect(page.mock.calls.length).toBe(reads);
    advance(1);
    await auditChainStatus(deps);
    expect(page.mock.calls.length).toBeGreaterThan(reads);
  });

  it('verifies again as soon as the head moves', async () => {
    const chain = buildSignedChain(6, KEY).entries;
    const { deps, store, page } = world(chain.slice(0, 5));
    await auditChainStatus(deps);
    const reads = page.mock.calls.length;
    const sixth = chain[5];
    if (sixth === undefined) throw new Error('no sixth entry');
    await store.insert(sixth);
    expect(await auditChainStatus(deps)).toEqual({ state: 'verified', entries: 6 });
    expect(page.mock.calls.length).toBeGreaterThan(reads);
  });

  it('reports where a tampered chain breaks', async () => {
    const entries = buildSignedChain(5, KEY).entries.map((entry) => (entry.sequence === 3 ? { ...entry, actor: 'acc-mallory' } : entry));
    const { deps } = world(entries);
    expect(await auditChainStatus(deps)).toMatchObject({ state: 'broken', brokenAtSequence: 3 });
  });
});
