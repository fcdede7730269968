import type { ChainHead } from '../../domain/audit/audit-entry';
import { buildSignedChain } from '../../domain/audit/testing/signed-chain';
import { checkpointAuditChain } from './checkpoint-audit-chain';
import { InMemoryAuditStore } from './testing/in-memory-audit-store';
import { InMemoryChainAnchor } from './testing/in-memory-chain-anchor';

const chain = buildSignedChain(10);
const headAt = (sequence: number): ChainHead => {
  const entry = chain.entries[sequence - 1];
  if (entry === undefined) throw new Error('test chain is shorter than expected');
  return { sequence: entry.sequence, hash: entry.hash };
};
const NOW = '2026-11-23T03:00:00Z';
const EARLIER = '2026-11-22T03:00:00Z';

describe('checkpointAuditChain', () => {
  it('records the current head outside the database, with the time of the checkpoint', async () => {
    const anchor = new InMemoryChainAnchor({ head: headAt(4), at: EARLIER });
    const result = await checkpointAuditChain({ store: new InMemoryAuditStore(chain.entries), anchor }, NOW);
    expect(result).toEqual({ ok: true, value: { write: true, head: headAt(10) } });
    expect(anchor.written.at(-1)).toEqual({ head: headAt(10), at: NOW });
  });

  it('writes nothing when the chain has not moved since the last checkpoint, so a duplicate run is harmless', async () => {
    const anchor = new InMemoryChainAnchor({ head: headAt(10), at: EARLIER });
    await checkpointAuditChain({ store: new InMemoryAuditStore(chain.entries), anchor }, NOW);
    expect(anchor.written).toEqual([{ head: headAt(10), at: EARLIER }]);
  });

  it('writes nothing for an empty chain', async () => {
    const anchor = new InMemoryChainAnchor();
    const result = await checkpointAuditChain({ store: new InMemoryAuditStore(), anchor }, NOW);
    expect(result).toEqual({ ok: true, value: { write: false, head: null } });
    expect(anchor.written).toEqual([]);
  });

  it('keeps the evidence when the chain is shorter than the last checkpoint', async () => {
    const anchor = new InMemoryChainAnchor({ head: headAt(10), at: EARLIER });
    const result = await checkpointAuditChain({ store: new InMemoryAuditStore(chain.entries.slice(0, 6)), anchor }, NOW);
    expect(result).toMatchObject({ ok: false, error: { code: 'AUDIT.CHAIN_BEHIND_CHECKPOINT' } });
    expect(anchor.written).toEqual([{ head: headAt(10), at: EARLIER }]);
  });
});
