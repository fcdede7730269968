import {
  createChainVerifier,
  type ChainVerificationOptions,
  type VerificationMode,
} from '../../domain/audit/audit-chain';
import type { AuditEntry, ChainHead, ChainVerification } from '../../domain/audit/audit-entry';
import type { RecordedCheckpoint } from '../../domain/audit/chain-checkpoint';
import type { AuditStore, ChainAnchor, PublicKeyDirectory } from './audit-ports';
import { createParallelChainVerifier } from './verify-chain-in-parallel';

export type VerifyAuditChainDeps = {
  readonly store: AuditStore;
  readonly keys: PublicKeyDirectory;
  /** When given, the chain must still reach, unchanged, the latest checkpoint recorded there. */
  readonly anchor?: ChainAnchor;
};

export type AuditChainReport = {
  readonly verification: ChainVerification;
  readonly entriesRead: number;
  readonly pagesRead: number;
  /** The external checkpoint the chain was compared with. */
  readonly checkpoint: RecordedCheckpoint | null;
};

/**
 * 'full' verifies every signature, one after the other; 'full-parallel' verifies every signature too, several at
 * once off the event loop, and reports exactly what 'full' reports; 'fast' verifies every hash, link and key of
 * each page but only the signature of its last entry (and of the last entry before a key rotation), which
 * authenticates the page and everything before it, and binary-searches the page when that signature fails.
 * Checking each page's last signature rather than only the chain's costs one signature per page, and in exchange
 * a tampered page is reported when it is read, without reading on or re-reading pages for the search.
 */
export type AuditVerificationMode = VerificationMode | 'full-parallel';

export type VerifyAuditChainOptions = {
  readonly pageSize: number;
  /** 'full' when absent. */
  readonly mode?: AuditVerificationMode;
};

type PageVerifier = (page: readonly AuditEntry[], options: ChainVerificationOptions) => Promise<ChainVerification>;

const pageVerifier = (publicKeysPem: Readonly<Record<string, string>>, mode: AuditVerificationMode): PageVerifier => {
  if (mode === 'full-parallel') return createParallelChainVerifier(publicKeysPem);
  const verify = createChainVerifier(publicKeysPem);
  return (page, options) => Promise.resolve(verify(page, { ...options, mode }));
};

/**
 * Verifies the whole chain page by page, so memory stays bounded and no single query grows with the chain.
 * Each page is read before the previous one is verified: its first entry tells the verifier whether the last
 * entry of the previous page was slipped in, and an empty page tells it the chain ends there.
 */
export const verifyAuditChain = async (
  deps: VerifyAuditChainDeps,
  options: VerifyAuditChainOptions,
): Promise<AuditChainReport> => {
  const { pageSize, mode = 'full' } = options;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`The audit verification page size must be a positive integer, not ${pageSize}`);
  }
  const verify = pageVerifier(await deps.keys.publicKeys(), mode);
  const checkpoint = deps.anchor === undefined ? null : await deps.anchor.latest();
  const anchor = checkpoint?.head;

  let page = await deps.store.page(0, pageSize);
  let entriesRead = page.length;
  let pagesRead = 1;
  let head: ChainHead | undefined;
  for (;;) {
    const last = page.at(-1);
    let next: AuditEntry[] = [];
    if (last !== undefined && page.length === pageSize) {
      next = await deps.store.page(last.sequence, pageSize);
      entriesRead += next.length;
      pagesRead += 1;
    }
    const result = await verify(page, { startAfter: head, anchor, followedBy: next[0] });
    if (!result.ok) return { verification: result, entriesRead, pagesRead, checkpoint };
    head = result.head ?? undefined;
    if (next.length === 0) {
      return { verification: { ok: true, count: entriesRead, head: head ?? null }, entriesRead, pagesRead, checkpoint };
    }
    page = next;
  }
};
