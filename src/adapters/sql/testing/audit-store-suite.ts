import { appendAuditEntry } from '../../../app/audit/append-audit-entry';
import { jitteredBackoff } from '../../../app/audit/retry-pause';
import { signerOf } from '../../../app/audit/testing/test-signer';
import { verifyChain } from '../../../domain/audit/audit-chain';
import type { AuditEntry } from '../../../domain/audit/audit-entry';
import { anAuditDraft, buildSignedChain, testSigningKey } from '../../../domain/audit/testing/signed-chain';
import { SqlAuditStore } from '../sql-audit-store';
import type { TestDatabase, TestDatabaseFactory } from './test-database';

const readWholeChain = async (store: SqlAuditStore, pageSize: number): Promise<AuditEntry[]> => {
  const entries: AuditEntry[] = [];
  for (;;) {
    const page = await store.page(entries.at(-1)?.sequence ?? 0, pageSize);
    entries.push(...page);
    if (page.length < pageSize) return entries;
  }
};

/** The SQL audit store, run on every engine; the chain is global, so every test gets a fresh database. */
export const describeAuditStore = (factory: TestDatabaseFactory, options: { readonly concurrentAppends: number }): void => {
  describe(`SqlAuditStore on ${factory.name}`, () => {
    let testDb: TestDatabase;
    let store: SqlAuditStore;

    beforeEach(async () => {
      testDb = await factory.create();
      store = new SqlAuditStore(testDb.database);
    });
    afterEach(() => testDb.close());

    it('has no head and no entries before the first append', async () => {
      expect(await store.head()).toBeNull();
      expect(await store.page(0, 10)).toEqual([]);
    });

    it('stores signed entries verbatim, so the chain read back still verifies', async () => {
      const chain = buildSignedChain(25);
      for (const entry of chain.entries) expect(await store.insert(entry)).toBe('inserted');
      const stored = await readWholeChain(store, 7);
      expect(stored).toEqual(chain.entries);
      expect(verifyChain(stored, chain.publicKeysPem)).toEqual({ ok: true, count: 25, head: chain.head });
      expect(await store.head()).toEqual(chain.head);
    });

    it('reports a conflict for an insert at a sequence already taken and keeps the first entry', async () => {
      const chain = buildSignedChain(2);
      const [first, second] = chain.entries;
      if (first === undefined || second === undefined) throw new Error('chain too short');
      await store.insert(first);
      expect(await store.insert({ ...second, sequence: 1 })).toBe('conflict');
      expect(await store.page(0, 10)).toEqual([first]);
    });

    it('lets exactly one of several racing inserts at the same sequence in', async () => {
      const [entry] = buildSignedChain(1, testSigningKey(2)).entries;
      if (entry === undefined) throw new Error('chain too short');
      const rivals = Array.from({ length: 8 }, (_, i) => ({ ...entry, actor: `acc-rival-${i}` }));
      const outcomes = await Promise.all(rivals.map((rival) => store.insert(rival)));
      expect(outcomes.filter((outcome) => outcome === 'inserted')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'conflict')).toHaveLength(7);
    });

    it("reads one issue's trail in sequence order, page by page", async () => {
      const chain = buildSignedChain(60);
      for (const entry of chain.entries) await store.insert(entry);
      const expected = chain.entries.filter((entry) => entry.issueKey === 'SEC-3');
      const firstPage = await store.forIssue('SEC-3', 0, 2);
      const rest = await store.forIssue('SEC-3', firstPage.at(-1)?.sequence ?? 0, 100);
      expect([...firstPage, ...rest]).toEqual(expected);
    });

    it('refuses a page size it could not answer in one Forge SQL response', async () => {
      await expect(store.page(0, 5000)).rejects.toThrow(RangeError);
    });

    it(`appends ${options.concurrentAppends} entries concurrently without forking the chain`, async () => {
      const key = testSigningKey(3);
      const deps = {
        store,
        signer: signerOf(key),
        pauseBeforeRetry: jitteredBackoff({ random: Math.random, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }),
      };
      const drafts = Array.from({ length: options.concurrentAppends }, (_, i) => anAuditDraft(i + 1, { payload: { writer: i } }));
      await Promise.all(drafts.map((draft) => appendAuditEntry(deps, draft)));
      const stored = await readWholeChain(store, 40);
      expect(stored.map((entry) => entry.sequence)).toEqual(drafts.map((_, i) => i + 1));
      expect(new Set(stored.map((entry) => JSON.stringify(entry.payload))).size).toBe(drafts.length);
      expect(verifyChain(stored, { [key.keyId]: key.publicKeyPem })).toMatchObject({ ok: true, count: drafts.length });
    });
  });
};
