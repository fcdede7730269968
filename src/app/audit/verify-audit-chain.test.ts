import fc from 'fast-check';
import { canonicalPayload, entryHash } from '../../domain/audit/audit-chain';
import type { AuditEntry, ChainHead } from '../../domain/audit/audit-entry';
import { anAuditDraft, buildSignedChain, signEntry, testSigningKey } from '../../domain/audit/testing/signed-chain';
import { InMemoryAuditStore } from './testing/in-memory-audit-store';
import { InMemoryChainAnchor } from './testing/in-memory-chain-anchor';
import { directoryOf } from './testing/test-signer';
import { verifyAuditChain, type AuditVerificationMode } from './verify-audit-chain';

const chain = buildSignedChain(20);
const keys = directoryOf(chain.key);
const headOf = (entry: AuditEntry | undefined): ChainHead => {
  if (entry === undefined) throw new Error('test chain is shorter than expected');
  return { sequence: entry.sequence, hash: entry.hash };
};
const checkpointAt = (sequence: number, at = '2026-11-20T03:00:00Z') => ({ head: headOf(chain.entries[sequence - 1]), at });

const MODES: readonly AuditVerificationMode[] = ['full', 'full-parallel', 'fast'];

const rehashed = (entry: AuditEntry): AuditEntry => ({ ...entry, hash: entryHash(entry) });

describe.each(MODES)('verifyAuditChain (%s)', (mode) => {
  it.each([
    [1, 21],
    [3, 7],
    [7, 3],
    [20, 2],
    [21, 1],
    [500, 1],
  ])('verifies an untouched chain of 20 in pages of %p (%p pages read)', async (pageSize, pagesRead) => {
    const report = await verifyAuditChain({ store: new InMemoryAuditStore(chain.entries), keys }, { pageSize, mode });
    expect(report).toEqual({
      verification: { ok: true, count: 20, head: chain.head },
      entriesRead: 20,
      pagesRead,
      checkpoint: null,
    });
  });

  it('accepts an empty chain', async () => {
    const report = await verifyAuditChain({ store: new InMemoryAuditStore(), keys }, { pageSize: 10, mode });
    expect(report.verification).toEqual({ ok: true, count: 0, head: null });
  });

  it('compares the chain with the latest external checkpoint and reports it', async () => {
    const anchor = new InMemoryChainAnchor(checkpointAt(18));
    const report = await verifyAuditChain({ store: new InMemoryAuditStore(chain.entries), keys, anchor }, { pageSize: 8, mode });
    expect(report.verification.ok).toBe(true);
    expect(report.checkpoint).toEqual(checkpointAt(18));
  });

  it('reports a tail cut off after the latest checkpoint', async () => {
    const anchor = new InMemoryChainAnchor(checkpointAt(20));
    const store = new InMemoryAuditStore(chain.entries.slice(0, 14));
    const report = await verifyAuditChain({ store, keys, anchor }, { pageSize: 7, mode });
    expect(report.verification).toMatchObject({ ok: false, kind: 'truncated-tail', sequence: 15 });
  });

  it('reports a deleted entry on a later page at its sequence number', async () => {
    const store = new InMemoryAuditStore(chain.entries.filter((entry) => entry.sequence !== 12));
    const report = await verifyAuditChain({ store, keys }, { pageSize: 5, mode });
    expect(report.verification).toMatchObject({ ok: false, kind: 'deleted-entry', sequence: 12 });
  });

  it('recognises an insertion at the end of a page by the first entry of the next one', async () => {
    const forged = signEntry(headOf(chain.entries[6]), anAuditDraft(8, { actor: 'acc-mallory' }), testSigningKey(9));
    const shifted = chain.entries.slice(7).map((entry) => {
      const renumbered = { ...entry, sequence: entry.sequence + 1 };
      return { ...renumbered, hash: entryHash(renumbered) };
    });
    const store = new InMemoryAuditStore([...chain.entries.slice(0, 7), { ...forged, keyId: chain.key.keyId }, ...shifted]);
    const report = await verifyAuditChain({ store, keys }, { pageSize: 8, mode });
    expect(report.verification).toMatchObject({ ok: false, kind: 'inserted-entry', sequence: 8 });
  });

  it('verifies against the public keys of the directory', async () => {
    const report = await verifyAuditChain(
      { store: new InMemoryAuditStore(chain.entries), keys: directoryOf(testSigningKey(2)) },
      { pageSize: 10, mode },
    );
    expect(report.verification).toMatchObject({ ok: false, kind: 'unknown-key', sequence: 1 });
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses a page size of %p as a programming error', async (pageSize) => {
    await expect(verifyAuditChain({ store: new InMemoryAuditStore(), keys }, { pageSize, mode })).rejects.toThrow(RangeError);
  });

  it('reports an edited entry on any page at its sequence number, even with every later entry re-hashed and re-linked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: chain.entries.length - 1 }),
        fc.string({ maxLength: 12 }),
        fc.integer({ min: 1, max: 25 }),
        async (index, actor, pageSize) => {
          fc.pre(actor !== chain.entries[index]?.actor);
          const rewritten: AuditEntry[] = chain.entries.slice(0, index);
          for (const original of chain.entries.slice(index)) {
            const previous = rewritten.at(-1);
            const relinked = { ...original, previousHash: previous === undefined ? original.previousHash : previous.hash };
            rewritten.push(rehashed(original.sequence === index + 1 ? { ...relinked, actor } : relinked));
          }
          const report = await verifyAuditChain({ store: new InMemoryAuditStore(rewritten), keys }, { pageSize, mode });
          expect(report.verification).toMatchObject({ ok: false, kind: 'bad-signature', sequence: index + 1 });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reports a payload edited on a later page without re-hashing at its sequence number', async () => {
    const payload = { level: 'ciso' };
    const edited = chain.entries.map((entry) =>
      entry.sequence === 13 ? { ...entry, payload, canonicalPayload: canonicalPayload(payload) } : entry,
    );
    const report = await verifyAuditChain({ store: new InMemoryAuditStore(edited), keys }, { pageSize: 6, mode });
    expect(report.verification).toMatchObject({ ok: false, kind: 'modified-entry', sequence: 13 });
  });
});

describe('verifyAuditChain on a signature replaced without touching the audit content', () => {
  const withSignatureOf = (sequence: number, donor: number): AuditEntry[] =>
    chain.entries.map((entry) =>
      entry.sequence === sequence ? { ...entry, signature: chain.entries[donor - 1]?.signature ?? '' } : entry,
    );

  it.each(['full', 'full-parallel'] as const)('reports it in %s mode', async (mode) => {
    const store = new InMemoryAuditStore(withSignatureOf(9, 3));
    const report = await verifyAuditChain({ store, keys }, { pageSize: 5, mode });
    expect(report.verification).toMatchObject({ ok: false, kind: 'bad-signature', sequence: 9 });
  });

  it('goes unseen in fast mode inside a page, whose last signature seals the unchanged content', async () => {
    const store = new InMemoryAuditStore(withSignatureOf(9, 3));
    const report = await verifyAuditChain({ store, keys }, { pageSize: 5, mode: 'fast' });
    expect(report.verification).toEqual({ ok: true, count: 20, head: chain.head });
  });

  it('is reported in fast mode on the last entry of a page', async () => {
    const store = new InMemoryAuditStore(withSignatureOf(10, 3));
    const report = await verifyAuditChain({ store, keys }, { pageSize: 5, mode: 'fast' });
    expect(report.verification).toMatchObject({ ok: false, kind: 'bad-signature', sequence: 10 });
  });
});
