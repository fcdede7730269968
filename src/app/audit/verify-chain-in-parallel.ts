import { verify } from 'node:crypto';
import {
  createChainInspector,
  type ChainVerificationOptions,
  type SignatureCheck,
} from '../../domain/audit/audit-chain';
import type { AuditEntry, ChainVerification } from '../../domain/audit/audit-entry';

/**
 * Enough to keep libuv's thread pool busy between event-loop turns without queueing a whole page of work that a
 * failure early in the page would make pointless.
 */
export const SIGNATURES_IN_FLIGHT = 64;

/** The callback form of `crypto.verify` runs on libuv's thread pool, so several signatures verify at once. */
export const verifySignatureOffThread = ({ message, key, signature }: SignatureCheck): Promise<boolean> =>
  new Promise((resolve, reject) => {
    verify(null, message, key, signature, (error, valid) => {
      if (error === null) resolve(valid);
      else reject(error);
    });
  });

/**
 * The index of the first of `count` checks that fails, with at most `inFlight` running at once. Checks start in
 * index order and none starts past a known failure, so once all have settled every index below the answer passed.
 */
export const firstFailingInParallel = async (
  count: number,
  passes: (index: number) => Promise<boolean>,
  inFlight: number,
): Promise<number | null> => {
  if (!Number.isSafeInteger(inFlight) || inFlight < 1) {
    throw new RangeError(`The number of signatures in flight must be a positive integer, not ${inFlight}`);
  }
  let next = 0;
  let firstFailure: number | null = null;
  let abandoned = false;
  const worker = async (): Promise<void> => {
    while (!abandoned && next < count && (firstFailure === null || next < firstFailure)) {
      const index = next;
      next += 1;
      let passed: boolean;
      try {
        passed = await passes(index);
      } catch (error) {
        abandoned = true;
        throw error;
      }
      if (!passed && (firstFailure === null || index < firstFailure)) firstFailure = index;
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
  return firstFailure;
};

export type ParallelChainVerifier = (
  entries: readonly AuditEntry[],
  options?: Omit<ChainVerificationOptions, 'mode'>,
) => Promise<ChainVerification>;

/**
 * Full verification, every signature included, with the signatures verified `inFlight` at a time off the event
 * loop. The domain inspects the entries and reports the outcome, so the result is exactly the synchronous one.
 */
export const createParallelChainVerifier = (
  publicKeysPem: Readonly<Record<string, string>>,
  inFlight: number = SIGNATURES_IN_FLIGHT,
): ParallelChainVerifier => {
  const inspect = createChainInspector(publicKeysPem);
  return async (entries, options = {}) => {
    const inspection = inspect(entries, options);
    const passes = (index: number): Promise<boolean> => verifySignatureOffThread(inspection.signatureCheck(index));
    return inspection.conclude(await firstFailingInParallel(inspection.signed, passes, inFlight));
  };
};
