import { verifyChain } from '../../domain/audit/audit-chain';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { anAuditDraft, publicKeysOf, testSigningKey } from '../../domain/audit/testing/signed-chain';
import { AuditAppendContendedError, MAX_APPEND_ATTEMPTS, appendAuditEntry } from './append-audit-entry';
import type { AuditStore } from './audit-ports';
import { jitteredBackoff } from './retry-pause';
import { InMemoryAuditStore } from './testing/in-memory-audit-store';
import { signerOf } from './testing/test-signer';

const key = testSigningKey(1);
const signer = signerOf(key);
const noPause = (): Promise<void> => Promise.resolve();

const storedChain = (store: AuditStore): Promise<AuditEntry[]> => store.page(0, 10_000);

describe('appendAuditEntry', () => {
  it('starts the chain at sequence 1 and signs each entry with the installation key', async () => {
    const store = new InMemoryAuditStore();
    const first = await appendAuditEntry({ store, signer, pauseBeforeRetry: noPause }, anAuditDraft(1));
    expect(first).toMatchObject({ sequence: 1, previousHash: '0'.repeat(64), keyId: key.keyId });
    expect(await storedChain(store)).toEqual([first]);
  });

  it('appends successive entries into a chain that verifies', async () => {
    const store = new InMemoryAuditStore();
    for (let n = 1; n <= 5; n += 1) await appendAuditEntry({ store, signer, pauseBeforeRetry: noPause }, anAuditDraft(n));
    expect(verifyChain(await storedChain(store), publicKeysOf(key))).toMatchObject({ ok: true, count: 5 });
  });

  it('re-reads the head and re-seals the entry when a rival took its sequence number', async () => {
    const store = new InMemoryAuditStore();
    const rivals = 3;
    let rivalsLeft = rivals;
    const racingStore: AuditStore = {
      head: () => store.head(),
      page: (after, limit) => store.page(after, limit),
      forIssue: (issueKey, after, limit) => store.forIssue(issueKey, after, limit),
      insert: async (entry) => {
        if (rivalsLeft > 0) {
          rivalsLeft -= 1;
          await appendAuditEntry({ store, signer, pauseBeforeRetry: noPause }, anAuditDraft(100 + rivalsLeft));
        }
        return store.insert(entry);
      },
    };
    const pauses: number[] = [];
    const pauseBeforeRetry = (attempt: number): Promise<void> => Promise.resolve(void pauses.push(attempt));

    const entry = await appendAuditEntry({ store: racingStore, signer, pauseBeforeRetry }, anAuditDraft(1));

    expect(entry.sequence).toBe(rivals + 1);
    expect(pauses).toEqual([1, 2, 3]);
    expect(verifyChain(await storedChain(store), publicKeysOf(key))).toMatchObject({ ok: true, count: rivals + 1 });
  });

  it(`gives up after ${MAX_APPEND_ATTEMPTS} lost races, saying what was not recorded`, async () => {
    const alwaysTaken: AuditStore = {
      head: () => Promise.resolve({ sequence: 9, hash: 'a'.repeat(64) }),
      insert: () => Promise.resolve('conflict'),
      page: () => Promise.resolve([]),
      forIssue: () => Promise.resolve([]),
    };
    let pauses = 0;
    const pauseBeforeRetry = (): Promise<void> => Promise.resolve(void (pauses += 1));

    const appending = appendAuditEntry({ store: alwaysTaken, signer, pauseBeforeRetry }, anAuditDraft(1, { action: 'exception.revoked' }));

    await expect(appending).rejects.toThrow(AuditAppendContendedError);
    await expect(appending).rejects.toThrow('"exception.revoked" was not recorded');
    await expect(appending).rejects.toMatchObject({ code: 'AUDIT.APPEND_CONTENDED' });
    expect(pauses).toBe(MAX_APPEND_ATTEMPTS - 1);
  });

  it('lets 200 concurrent appenders queue up into sequences 1..200 without forking the chain', async () => {
    const store = new InMemoryAuditStore([], () => new Promise((resolve) => setImmediate(resolve)));
    const pauseBeforeRetry = jitteredBackoff({
      random: Math.random,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    let conflicts = 0;
    const countingStore: AuditStore = {
      head: () => store.head(),
      page: (after, limit) => store.page(after, limit),
      forIssue: (issueKey, after, limit) => store.forIssue(issueKey, after, limit),
      insert: async (entry) => {
        const outcome = await store.insert(entry);
        if (outcome === 'conflict') conflicts += 1;
        return outcome;
      },
    };

    const appended = await Promise.all(
      Array.from({ length: 200 }, (_unused, n) =>
        appendAuditEntry({ store: countingStore, signer, pauseBeforeRetry }, anAuditDraft(n + 1)),
      ),
    );

    const chain = await storedChain(store);
    expect(conflicts).toBeGreaterThan(0);
    expect(chain.map((entry) => entry.sequence)).toEqual(Array.from({ length: 200 }, (_unused, n) => n + 1));
    expect(new Set(appended.map((entry) => entry.sequence)).size).toBe(200);
    expect(new Set(chain.map((entry) => entry.previousHash)).size).toBe(200);
    expect(verifyChain(chain, publicKeysOf(key))).toMatchObject({ ok: true, count: 200 });
  }, 30_000);
});
