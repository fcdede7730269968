import fc from 'fast-check';
import { canonicalPayload, createChainInspector, entryHash, verifyChain } from '../../domain/audit/audit-chain';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { buildSignedChain, publicKeysOf, testSigningKey } from '../../domain/audit/testing/signed-chain';
import {
  createParallelChainVerifier,
  firstFailingInParallel,
  SIGNATURES_IN_FLIGHT,
  verifySignatureOffThread,
} from './verify-chain-in-parallel';

const chain = buildSignedChain(12);
const otherKey = testSigningKey(2);

describe('firstFailingInParallel', () => {
  it('names the first failing check whatever order the checks complete in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.boolean(), { maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        async (scheduler, outcomes, inFlight) => {
          const passes = (index: number): Promise<boolean> => scheduler.schedule(Promise.resolve(outcomes[index] ?? true));
          const answer = firstFailingInParallel(outcomes.length, passes, inFlight);
          await scheduler.waitAll();
          const first = outcomes.indexOf(false);
          expect(await answer).toBe(first === -1 ? null : first);
        },
      ),
    );
  });

  it('keeps at most the given number of checks in flight, and uses them all', async () => {
    let running = 0;
    let mostRunning = 0;
    const passes = async (): Promise<boolean> => {
      running += 1;
      mostRunning = Math.max(mostRunning, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return true;
    };
    expect(await firstFailingInParallel(100, passes, 8)).toBeNull();
    expect(mostRunning).toBe(8);
  });

  it('starts no check past a failure it already knows of', async () => {
    const started: number[] = [];
    const passes = (index: number): Promise<boolean> => {
      started.push(index);
      return Promise.resolve(index !== 2);
    };
    expect(await firstFailingInParallel(50, passes, 1)).toBe(2);
    expect(started).toEqual([0, 1, 2]);
  });

  it('fails when a check cannot be run, and starts no further one', async () => {
    const started: number[] = [];
    const passes = (index: number): Promise<boolean> => {
      started.push(index);
      return index === 3 ? Promise.reject(new Error('no such key')) : Promise.resolve(true);
    };
    await expect(firstFailingInParallel(50, passes, 1)).rejects.toThrow('no such key');
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p checks in flight as a programming error', async (inFlight) => {
    await expect(firstFailingInParallel(3, () => Promise.resolve(true), inFlight)).rejects.toThrow(RangeError);
  });
});

describe('verifySignatureOffThread', () => {
  const inspection = createChainInspector(chain.publicKeysPem)(chain.entries);

  it('accepts the signature of an entry over its hash', async () => {
    await expect(verifySignatureOffThread(inspection.signatureCheck(4))).resolves.toBe(true);
  });

  it('refuses it over another message', async () => {
    const check = inspection.signatureCheck(4);
    await expect(verifySignatureOffThread({ ...check, message: inspection.signatureCheck(5).message })).resolves.toBe(false);
  });
});

describe('createParallelChainVerifier', () => {
  const keys = publicKeysOf(chain.key, otherKey);
  const rehashed = (entry: AuditEntry): AuditEntry => ({ ...entry, hash: entryHash(entry) });

  it('accepts an untouched chain as full verification does', async () => {
    await expect(createParallelChainVerifier(keys)(chain.entries)).resolves.toEqual(verifyChain(chain.entries, keys));
  });

  it('reports exactly what full verification reports for any single edit, signature-only edits included', async () => {
    const edit = fc.oneof(
      fc.record({ field: fc.constantFrom('actor' as const, 'at' as const), value: fc.string({ maxLength: 12 }) }),
      fc.record({
        field: fc.constant('canonicalPayload' as const),
        value: fc.jsonValue({ maxDepth: 1 }).map((value) => canonicalPayload(value as Parameters<typeof canonicalPayload>[0])),
      }),
      fc.record({
        field: fc.constant('signature' as const),
        value: fc.constantFrom(...chain.entries.map((entry) => entry.signature)),
      }),
      fc.record({ field: fc.constant('keyId' as const), value: fc.constant(otherKey.keyId) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: chain.entries.length - 1 }),
        edit,
        fc.boolean(),
        fc.integer({ min: 1, max: SIGNATURES_IN_FLIGHT }),
        async (index, { field, value }, rehash, inFlight) => {
          const tampered = chain.entries.map((entry, at) => {
            if (at !== index) return entry;
            const edited = { ...entry, [field]: value };
            return rehash ? rehashed(edited) : edited;
          });
          const parallel = await createParallelChainVerifier(keys, inFlight)(tampered);
          expect(parallel).toEqual(verifyChain(tampered, keys));
        },
      ),
      { numRuns: 60 },
    );
  });
});
