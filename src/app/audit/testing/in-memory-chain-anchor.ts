import type { ChainHead } from '../../../domain/audit/audit-entry';
import type { RecordedCheckpoint } from '../../../domain/audit/chain-checkpoint';
import type { ChainAnchor } from '../audit-ports';

/** External checkpoints kept in order of writing, so tests can assert what was (or was not) recorded. */
export class InMemoryChainAnchor implements ChainAnchor {
  readonly written: RecordedCheckpoint[] = [];

  constructor(initial?: RecordedCheckpoint) {
    if (initial !== undefined) this.written.push(initial);
  }

  async write(head: ChainHead, at: string): Promise<void> {
    await Promise.resolve();
    this.written.push({ head, at });
  }

  async latest(): Promise<RecordedCheckpoint | null> {
    await Promise.resolve();
    return this.written.at(-1) ?? null;
  }
}
