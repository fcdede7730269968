import type { AuditEntry, ChainHead, JsonValue } from '../../../domain/audit/audit-entry';
import type { AuditStore } from '../audit-ports';

/**
 * The audit store as the SQL one behaves: unique sequence numbers, 'conflict' on a taken one, and `payload`
 * materialised from the stored canonical payload. `latency` runs before every call; pass a macrotask delay to
 * let concurrent callers interleave between reading the head and inserting.
 */
export class InMemoryAuditStore implements AuditStore {
  private readonly sorted: AuditEntry[] = [];
  private readonly taken = new Set<number>();

  constructor(
    entries: readonly AuditEntry[] = [],
    private readonly latency: () => Promise<void> = () => Promise.resolve(),
  ) {
    for (const entry of entries) {
      if (this.taken.has(entry.sequence)) throw new Error(`test setup holds sequence ${entry.sequence} twice`);
      this.store(entry);
    }
  }

  async head(): Promise<ChainHead | null> {
    await this.latency();
    const last = this.sorted.at(-1);
    return last === undefined ? null : { sequence: last.sequence, hash: last.hash };
  }

  async insert(entry: AuditEntry): Promise<'inserted' | 'conflict'> {
    await this.latency();
    if (this.taken.has(entry.sequence)) return 'conflict';
    this.store(entry);
    return 'inserted';
  }

  async page(afterSequence: number, limit: number): Promise<AuditEntry[]> {
    await this.latency();
    return this.read(this.sorted.filter((entry) => entry.sequence > afterSequence).slice(0, limit));
  }

  async forIssue(issueKey: string, afterSequence: number, limit: number): Promise<AuditEntry[]> {
    await this.latency();
    const matching = this.sorted.filter((entry) => entry.issueKey === issueKey && entry.sequence > afterSequence);
    return this.read(matching.slice(0, limit));
  }

  private store(entry: AuditEntry): void {
    this.taken.add(entry.sequence);
    this.sorted.push({ ...entry });
    this.sorted.sort((a, b) => a.sequence - b.sequence);
  }

  private read(entries: readonly AuditEntry[]): AuditEntry[] {
    return entries.map((entry) => ({ ...entry, payload: JSON.parse(entry.canonicalPayload) as JsonValue }));
  }
}
