import { createChainVerifier } from '../../domain/audit/audit-chain';
import type { AuditEntry, ChainHead, ChainVerification } from '../../domain/audit/audit-entry';
import type { RecordedCheckpoint } from '../../domain/audit/chain-checkpoint';
import type { AuditStore, ChainAnchor, PublicKeyDirectory } from './audit-ports';

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
 * Verifies the whole chain page by page, so memory stays bounded and no single query grows with the chain.
 * Each page is read before the previous one is verified: its first entry tells the verifier whether the last
 * entry of the previous page was slipped in, and an empty page tells it the chain ends there.
 */
export const verifyAuditChain = async (
  deps: VerifyAuditChainDeps,
  options: { readonly pageSize: number },
): Promise<AuditChainReport> => {
  const { pageSize } = options;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`The audit verification page size must be a positive integer, not ${pageSize}`);
  }
  const verify = createChainVerifier(await deps.keys.publicKeys());
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
    const result = verify(page, { startAfter: head, anchor, followedBy: next[0] });
    if (!result.ok) return { verification: result, entriesRead, pagesRead, checkpoint };
    head = result.head ?? undefined;
    if (next.length === 0) {
      return { verification: { ok: true, count: entriesRead, head: head ?? null }, entriesRead, pagesRead, checkpoint };
    }
    page = next;
  }
};
