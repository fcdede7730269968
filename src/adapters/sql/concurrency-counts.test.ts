import fc from 'fast-check';
import type { ConcurrencyQuery, RegisterEntry } from '../../app/ports/register-repository';
import { STATUSES } from '../../domain/exception/security-exception';
import { SqlActivationEvidence } from './sql-activation-evidence';
import { SqlRegisterRepository } from './sql-register-repository';
import { aRegisterEntry } from './testing/builders';
import { describeConcurrencyCounts } from './testing/concurrency-counts-suite';
import { sqliteInMemory } from './testing/test-database';

describeConcurrencyCounts(sqliteInMemory);

/** Few keys, assets and units, so that random registers overlap the way real ones do. */
const KEYS = ['SEC-1', 'SEC-2', 'SEC-3', 'SEC-4', 'SEC-5', 'SEC-6'];
const ASSETS = ['db', 'web', 'lb', 'dns'];
const UNITS = ['Payments', 'Operations'];

const registers = fc.uniqueArray(
  fc.record({
    issueKey: fc.constantFrom(...KEYS),
    status: fc.constantFrom(...STATUSES),
    assetIds: fc.uniqueArray(fc.constantFrom(...ASSETS), { minLength: 1, maxLength: 3 }),
    businessUnit: fc.constantFrom(...UNITS),
    renewalOf: fc.option(fc.constantFrom(...KEYS), { nil: undefined }),
  }),
  { selector: (entry) => entry.issueKey, maxLength: KEYS.length },
);

const queries: fc.Arbitrary<ConcurrencyQuery & { readonly businessUnit: string }> = fc.record({
  assetIds: fc.array(fc.constantFrom(...ASSETS, 'unknown'), { maxLength: 5 }),
  businessUnit: fc.constantFrom(...UNITS, 'Elsewhere'),
  candidateIssueKey: fc.option(fc.constantFrom(...KEYS), { nil: undefined }),
});

type Seeded = Pick<RegisterEntry, 'issueKey' | 'status' | 'assetIds' | 'businessUnit' | 'renewalOf'>;

/** The candidate and the exception its entry renews. */
const excludedBy = (register: readonly Seeded[], candidate: string | undefined): readonly (string | undefined)[] =>
  candidate === undefined ? [] : [candidate, register.find((entry) => entry.issueKey === candidate)?.renewalOf];

/** What the limits mean, stated over the entries themselves. */
const modelCounts = (register: readonly Seeded[], query: ConcurrencyQuery) => {
  const excluded = excludedBy(register, query.candidateIssueKey);
  const others = register.filter((entry) => entry.status === 'active' && !excluded.includes(entry.issueKey));
  return {
    perAsset: Object.fromEntries(query.assetIds.map((id) => [id, others.filter((entry) => entry.assetIds.includes(id)).length])),
    perBusinessUnit: others.filter((entry) => entry.businessUnit === query.businessUnit).length,
  };
};

describe('concurrency counts on SQLite, against a model of the register', () => {
  it('count the active exceptions on each asset and in the unit, leaving out the candidate and what it renews, in both reads', async () => {
    await fc.assert(
      fc.asyncProperty(registers, queries, async (register, query) => {
        const testDb = await sqliteInMemory.create();
        try {
          const repository = new SqlRegisterRepository(testDb.database);
          for (const entry of register) {
            const saved = await repository.save(aRegisterEntry(entry), 'absent');
            if (!saved.ok) throw new Error(saved.error.message);
          }
          const expected = modelCounts(register, query);
          expect(await repository.concurrencyCounts(query)).toEqual(expected);
          if (query.candidateIssueKey !== undefined) {
            const evidence = await new SqlActivationEvidence(testDb.database).activationEvidence({ ...query, issueKey: query.candidateIssueKey });
            expect(evidence.active).toEqual(expected);
          }
        } finally {
          await testDb.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
