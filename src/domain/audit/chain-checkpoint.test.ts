import { decideCheckpoint, type RecordedCheckpoint } from './chain-checkpoint';
import type { ChainHead } from './audit-entry';

const head = (sequence: number, hashDigit = 'a'): ChainHead => ({ sequence, hash: hashDigit.repeat(64) });
const recorded = (at: ChainHead): RecordedCheckpoint => ({ head: at, at: '2026-11-20T03:00:00Z' });

describe('decideCheckpoint', () => {
  it.each([
    ['an empty chain without a checkpoint', null, null, false],
    ['the first checkpoint of a chain', head(5), null, true],
    ['a chain that grew since the checkpoint', head(9), recorded(head(5, 'b')), true],
    ['a chain that has not changed since the checkpoint', head(5), recorded(head(5)), false],
  ])('records %s only when it moved on', (_case, current, latest, write) => {
    expect(decideCheckpoint(current, latest)).toEqual({ ok: true, value: { write, head: current } });
  });

  it.each([
    ['is shorter than', head(3), 'AUDIT.CHAIN_BEHIND_CHECKPOINT', 'ends at entry 3'],
    ['is empty despite', null, 'AUDIT.CHAIN_BEHIND_CHECKPOINT', 'is empty'],
    ['has another hash at the same entry as', head(5, 'c'), 'AUDIT.CHAIN_DIVERGED_FROM_CHECKPOINT', 'rewritten'],
  ])('refuses to overwrite the evidence when the chain %s the checkpoint', (_case, current, code, says) => {
    const decision = decideCheckpoint(current, recorded(head(5)));
    expect(decision).toMatchObject({ ok: false, error: { code } });
    expect(decision.ok ? '' : decision.error.message).toContain(says);
    expect(decision.ok ? '' : decision.error.message).toContain('2026-11-20T03:00:00Z');
  });
});
