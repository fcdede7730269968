import { entryHash } from '../../domain/audit/audit-chain';
import type { AuditEntry, ChainHead } from '../../domain/audit/audit-entry';
import { anAuditDraft, buildSignedChain, signEntry, testSigningKey } from '../../domain/audit/testing/signed-chain';
import { InMemoryAuditStore } from './testing/in-memory-audit-store';
import { InMemoryChainAnchor } from './testing/in-memory-chain-anchor';
import { directoryOf } from './testing/test-signer';
import { verifyAuditChain } from './verify-audit-chain';

const chain = buildSignedChain(20);
const keys = directoryOf(chain.key);
const headOf = (entry: AuditEntry | undefined): ChainHead => {
  if (entry === undefined) throw new Error('test chain is shorter than expected');
  return { sequence: entry.sequence, hash: entry.hash };
};
const checkpointAt = (sequence: number, at = '2026-11-20T03:00:00Z') => ({ head: headOf(chain.entries[sequence - 1]), at });

describe('verifyAuditChain', () => {
  it.each([
    [1, 21],
    [3, 7],
    [7, 3],
    [20, 2],
    [21, 1],
    [500, 1],
  ])('verifies an untouched chain of 20 in pages of %p (%p pages read)', async (pageSize, pagesRead) => {
    const report = await verifyAuditChain({ store: new InMemoryAuditStore(chain.entries), keys }, { pageSize });
    expect(report).toEqual({
      verification: { ok: true, count: 20, head: chain.head },
      entriesRead: 20,
      pagesRead,
      checkpoint: null,
    });
  });

  it('accepts an empty chain', async () => {
    const report = await verifyAuditChain({ store: new InMemoryAuditStore(), keys }, { pageSize: 10 });
    expect(report.verification).toEqual({ ok: true, count: 0, head: null });
  });

  it('compares the chain with the latest external checkpoint and reports it', async () => {
    const anchor = new InMemoryChainAnchor(checkpointAt(18));
    const report = await verifyAuditChain({ store: new InMemoryAuditStore(chain.entries), keys, anchor }, { pageSize: 8 });
    expect(report.verification.ok).toBe(true);
    expect(report.checkpoint).toEqual(checkpointAt(18));
  });

  it('reports a tail cut off after the latest checkpoint', async () => {
    const anchor = new InMemoryChainAnchor(checkpointAt(20));
    const store = new InMemoryAuditStore(chain.entries.slice(0, 14));
    const report = await verifyAuditChain({ store, keys, anchor }, { pageSize: 7 });
    expect(report.verification).toMatchObject({ ok: false, kind: 'truncated-tail', sequence: 15 });
  });

  it('reports a deleted entry on a later page at its sequence number', async () => {
    const store = new InMemoryAuditStore(chain.entries.filter((entry) => entry.sequence !== 12));
    const report = await verifyAuditChain({ store, keys }, { pageSize: 5 });
    expect(report.verification).toMatchObject({ ok: false, kind: 'deleted-entry', sequence: 12 });
  });

  it('recognises an insertion at the end of a page by the first entry of the next one', async () => {
    const forged = signEntry(headOf(chain.entries[6]), anAuditDraft(8, { actor: 'acc-mallory' }), testSigningKey(9));
    const shifted = chain.entries.slice(7).map((entry) => {
      const renumbered = { ...entry, sequence: entry.sequence + 1 };
      return { ...renumbered, hash: entryHash(renumbered) };
    });
    const store = new InMemoryAuditStore([...chain.entries.slice(0, 7), { ...forged, keyId: chain.key.keyId }, ...shifted]);
    const report = await verifyAuditChain({ store, keys }, { pageSize: 8 });
    expect(report.verification).toMatchObject({ ok: false, kind: 'inserted-entry', sequence: 8 });
  });

  it('verifies against the public keys of the directory', async () => {
    const report = await verifyAuditChain(
      { store: new InMemoryAuditStore(chain.entries), keys: directoryOf(testSigningKey(2)) },
      { pageSize: 10 },
    );
    expect(report.verification).toMatchObject({ ok: false, kind: 'unknown-key', sequence: 1 });
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses a page size of %p as a programming error', async (pageSize) => {
    await expect(verifyAuditChain({ store: new InMemoryAuditStore(), keys }, { pageSize })).rejects.toThrow(RangeError);
  });
});
