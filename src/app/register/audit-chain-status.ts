import type { ChainHead } from '../../domain/audit/audit-entry';
import type { AuditStore, ChainAnchor, PublicKeyDirectory } from '../audit/audit-ports';
import { verifyAuditChain } from '../audit/verify-audit-chain';

/** Whether the whole audit chain verifies, as the issue panel's badge shows it. */
export type ChainState =
  | { readonly state: 'verified'; readonly entries: number }
  | { readonly state: 'broken'; readonly brokenAtSequence: number; readonly message: string };

export type CachedVerification = {
  readonly head: ChainHead | null;
  readonly verifiedAt: string;
  readonly result: ChainState;
};

/** The last verification, kept briefly so that opening issue after issue does not re-verify the chain each time. */
export interface VerificationCache {
  get(): Promise<CachedVerification | null>;
  put(verification: CachedVerification): Promise<void>;
}

export type ChainStatusDeps = {
  readonly store: AuditStore;
  readonly keys: PublicKeyDirectory;
  readonly anchor?: ChainAnchor;
  readonly cache: VerificationCache;
  readonly now: () => string;
};

const PAGE_SIZE = 500;
/** A verification of an unchanged head is reused for this long; any new entry moves the head and forces a new one. */
export const VERIFICATION_REUSE_MS = 10 * 60_000;

const sameHead = (a: ChainHead | null, b: ChainHead | null): boolean =>
  a === null || b === null ? a === b : a.sequence === b.sequence && a.hash === b.hash;

/**
 * Verifies the chain in fast mode (every hash and link, each page's sealing signature) unless a verification of
 * the same head is recent. A cached answer is only ever reused for the head it was computed for.
 */
export const auditChainStatus = async (deps: ChainStatusDeps): Promise<ChainState> => {
  const head = await deps.store.head();
  const now = deps.now();
  const cached = await deps.cache.get();
  if (cached !== null && sameHead(cached.head, head) && Date.parse(now) - Date.parse(cached.verifiedAt) < VERIFICATION_REUSE_MS) {
    return cached.result;
  }
  const report = await verifyAuditChain(
    { store: deps.store, keys: deps.keys, ...(deps.anchor === undefined ? {} : { anchor: deps.anchor }) },
    { pageSize: PAGE_SIZE, mode: 'fast' },
  );
  const { verification } = report;
  const result: ChainState = verification.ok
    ? { state: 'verified', entries: verification.count }
    : { state: 'broken', brokenAtSequence: verification.sequence, message: verification.message };
  await deps.cache.put({ head, verifiedAt: now, result });
  return result;
};
