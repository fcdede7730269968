import type { AuditEntry, ChainHead } from '../../domain/audit/audit-entry';

/**
 * Persistence of the audit chain. There are no transactions on Forge SQL, so forks are prevented by the
 * store itself: `sequence` is unique, and an insert at a taken sequence reports 'conflict' so the
 * appender re-reads the head and tries again.
 */
export interface AuditStore {
  head(): Promise<ChainHead | null>;
  insert(entry: AuditEntry): Promise<'inserted' | 'conflict'>;
  /** Entries with sequence > afterSequence, ascending, at most `limit`. */
  page(afterSequence: number, limit: number): Promise<AuditEntry[]>;
  /** Entries of one exception, ascending. */
  forIssue(issueKey: string, afterSequence: number, limit: number): Promise<AuditEntry[]>;
}

/** The installation's signing key. The private half never leaves the adapter. */
export interface Signer {
  readonly keyId: string;
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** Public keys by key id (SPKI PEM), exportable so an auditor can verify an audit package offline. */
export interface PublicKeyDirectory {
  publicKeys(): Promise<Readonly<Record<string, string>>>;
}

/** Where chain checkpoints (sequence + hash) are written outside the app database, e.g. a Jira project property. */
export interface ChainAnchor {
  write(head: ChainHead, at: string): Promise<void>;
  latest(): Promise<{ head: ChainHead; at: string } | null>;
}

/** Secrets of the installation (KVS secrets under Forge). */
export interface SecretStore {
  get(name: string): Promise<string | undefined>;
  /** Stores only if absent; returns the value that is stored afterwards, so two racing creators agree. */
  setIfAbsent(name: string, value: string): Promise<string>;
}
