import type { KyselyPlugin } from 'kysely';
import type { ConcurrencyQuery, RegisterEntry } from '../../../app/ports/register-repository';
import type { ActiveExceptionCounts } from '../../../domain/approval/concurrency-limits';
import { STATUSES, type Status } from '../../../domain/exception/security-exception';
import type { SqlDatabase } from '../database';
import { SqlActivationEvidence } from '../sql-activation-evidence';
import { SqlApprovalRepository } from '../sql-approval-repository';
import { SqlRegisterRepository } from '../sql-register-repository';
import { anApproval, aRegisterEntry } from './builders';
import type { TestDatabase, TestDatabaseFactory } from './test-database';

/**
 * The counts behind the concurrency limits, read in one statement by the register repository (Submit) and together
 * with the issue's approvals (activation), run on every engine. Each case works in its own namespace: its issue keys,
 * assets and business units carry a prefix no other case uses, so the cases share one database.
 */

type Names = { readonly key: (n: number) => string; readonly asset: (name: string) => string; readonly unit: (name: string) => string };

type CountCase = {
  /** Entries already in the register; the candidate is `key(1)` unless an entry says otherwise. */
  readonly register: (names: Names) => readonly Partial<RegisterEntry>[];
  readonly query: (names: Names) => ConcurrencyQuery;
  readonly expected: (names: Names) => ActiveExceptionCounts;
};

const NOT_ACTIVE: readonly Status[] = STATUSES.filter((status) => status !== 'active');

const COUNT_CASES: readonly [string, CountCase][] = [
  [
    'no other exceptions',
    {
      register: (n) => [{ issueKey: n.key(1), status: 'draft', assetIds: [n.asset('db')], businessUnit: n.unit('pay') }],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 0 }, perBusinessUnit: 0 }),
    },
  ],
  [
    'the same asset and unit, active',
    {
      register: (n) => [{ issueKey: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') }],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1 }, perBusinessUnit: 1 }),
    },
  ],
  [
    'the same asset and unit, in every other status',
    {
      register: (n) => NOT_ACTIVE.map((status, i) => ({ issueKey: n.key(10 + i), status, assetIds: [n.asset('db')], businessUnit: n.unit('pay') })),
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 0 }, perBusinessUnit: 0 }),
    },
  ],
  [
    'the same asset in another business unit',
    {
      register: (n) => [{ issueKey: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('ops') }],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1 }, perBusinessUnit: 0 }),
    },
  ],
  [
    'another asset in the same business unit',
    {
      register: (n) => [{ issueKey: n.key(2), assetIds: [n.asset('web')], businessUnit: n.unit('pay') }],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 0 }, perBusinessUnit: 1 }),
    },
  ],
  [
    'the issue itself, active, excluded',
    {
      register: (n) => [
        { issueKey: n.key(1), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
      ],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1 }, perBusinessUnit: 1 }),
    },
  ],
  [
    'several assets, an exception on two of them counted once in its unit',
    {
      register: (n) => [
        { issueKey: n.key(2), assetIds: [n.asset('db'), n.asset('web')], businessUnit: n.unit('pay') },
        { issueKey: n.key(3), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(4), assetIds: [n.asset('lb')], businessUnit: n.unit('pay'), status: 'expired' },
      ],
      query: (n) => ({ assetIds: [n.asset('db'), n.asset('web'), n.asset('lb')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 2, [n.asset('web')]: 1, [n.asset('lb')]: 0 }, perBusinessUnit: 2 }),
    },
  ],
  [
    'an asset named twice',
    {
      register: (n) => [{ issueKey: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') }],
      query: (n) => ({ assetIds: [n.asset('db'), n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1 }, perBusinessUnit: 1 }),
    },
  ],
  [
    'the candidate not in the register yet, another active',
    {
      register: (n) => [{ issueKey: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') }],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1 }, perBusinessUnit: 1 }),
    },
  ],
  [
    'asset ids that differ only in case',
    {
      register: (n) => [{ issueKey: n.key(2), assetIds: [n.asset('DB')], businessUnit: n.unit('pay') }],
      query: (n) => ({ assetIds: [n.asset('db'), n.asset('DB')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 0, [n.asset('DB')]: 1 }, perBusinessUnit: 1 }),
    },
  ],
];

/** The candidate renews `key(2)`, as the register entry a renewal is created with records; `key(3)` is counted throughout. */
const RENEWAL_CASES: readonly [string, CountCase][] = [
  [
    'the renewed exception, active on the asset and in the unit: not counted',
    {
      register: (n) => [
        { issueKey: n.key(1), status: 'draft', renewalOf: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(3), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
      ],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1 }, perBusinessUnit: 1 }),
    },
  ],
  [
    'the renewed exception and the candidate, both active: neither counted',
    {
      register: (n) => [
        { issueKey: n.key(1), renewalOf: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(3), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
      ],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1 }, perBusinessUnit: 1 }),
    },
  ],
  ...NOT_ACTIVE.map((status): [string, CountCase] => [
    `the renewed exception ${status}: nothing subtracted`,
    {
      register: (n) => [
        { issueKey: n.key(1), status: 'draft', renewalOf: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(2), status, assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(3), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
      ],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1 }, perBusinessUnit: 1 }),
    },
  ]),
  [
    'the renewed exception on another asset and in another unit: nothing subtracted',
    {
      register: (n) => [
        { issueKey: n.key(1), status: 'draft', renewalOf: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(2), assetIds: [n.asset('web')], businessUnit: n.unit('ops') },
        { issueKey: n.key(3), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
      ],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1 }, perBusinessUnit: 1 }),
    },
  ],
  [
    'the renewed exception on another asset in the unit: left out of the unit only',
    {
      register: (n) => [
        { issueKey: n.key(1), status: 'draft', renewalOf: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(2), assetIds: [n.asset('web')], businessUnit: n.unit('pay') },
        { issueKey: n.key(3), assetIds: [n.asset('db'), n.asset('web')], businessUnit: n.unit('pay') },
      ],
      query: (n) => ({ assetIds: [n.asset('db'), n.asset('web')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1, [n.asset('web')]: 1 }, perBusinessUnit: 1 }),
    },
  ],
  [
    'the renewed exception on the asset in another unit: left out of the asset only',
    {
      register: (n) => [
        { issueKey: n.key(1), status: 'draft', renewalOf: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('ops') },
        { issueKey: n.key(3), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
      ],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1 }, perBusinessUnit: 1 }),
    },
  ],
  [
    'an exception another issue renews: still counted',
    {
      register: (n) => [
        { issueKey: n.key(1), status: 'draft', assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(3), status: 'draft', renewalOf: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
      ],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay'), candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1 }, perBusinessUnit: 1 }),
    },
  ],
];

/** Only Submit may come without a business unit (a draft need not name one yet). */
const SUBMIT_ONLY_CASES: readonly [string, CountCase][] = [
  [
    'no business unit named',
    {
      register: (n) => [{ issueKey: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') }],
      query: (n) => ({ assetIds: [n.asset('db')], candidateIssueKey: n.key(1) }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 1 }, perBusinessUnit: 0 }),
    },
  ],
  [
    'a request not yet raised in Jira: nothing left out',
    {
      register: (n) => [
        { issueKey: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
        { issueKey: n.key(3), renewalOf: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') },
      ],
      query: (n) => ({ assetIds: [n.asset('db')], businessUnit: n.unit('pay') }),
      expected: (n) => ({ perAsset: { [n.asset('db')]: 2 }, perBusinessUnit: 2 }),
    },
  ],
  [
    'neither assets nor a business unit named',
    {
      register: (n) => [{ issueKey: n.key(2), assetIds: [n.asset('db')], businessUnit: n.unit('pay') }],
      query: (n) => ({ assetIds: [], candidateIssueKey: n.key(1) }),
      expected: () => ({ perAsset: {}, perBusinessUnit: 0 }),
    },
  ],
];

/**
 * The same database, counting the statements executed through it: results, not built queries, are counted, because
 * Kysely also passes a subquery built from the same instance through a plugin's query hook.
 */
const countingStatements = (database: SqlDatabase): { readonly database: SqlDatabase; readonly statements: () => number } => {
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: (args) => {
      statements += 1;
      return Promise.resolve(args.result);
    },
  };
  return { database: { ...database, db: database.db.withPlugin(counter) }, statements: () => statements };
};

export const describeConcurrencyCounts = (factory: TestDatabaseFactory): void => {
  describe(`concurrency counts on ${factory.name}`, () => {
    let testDb: TestDatabase;
    let register: SqlRegisterRepository;
    let approvals: SqlApprovalRepository;
    let evidence: SqlActivationEvidence;
    let namespaces = 0;

    beforeAll(async () => {
      testDb = await factory.create();
      register = new SqlRegisterRepository(testDb.database);
      approvals = new SqlApprovalRepository(testDb.database);
      evidence = new SqlActivationEvidence(testDb.database);
    });
    afterAll(() => testDb.close());

    const newNames = (): Names => {
      namespaces += 1;
      const prefix = `C${namespaces}`;
      return { key: (n) => `${prefix}-${n}`, asset: (name) => `${prefix}-asset-${name}`, unit: (name) => `${prefix} unit ${name}` };
    };

    const seed = async (entries: readonly Partial<RegisterEntry>[]): Promise<void> => {
      for (const entry of entries) {
        const saved = await register.save(aRegisterEntry({ projectKey: entry.issueKey?.split('-')[0] ?? 'SEC', ...entry }), 'absent');
        if (!saved.ok) throw new Error(saved.error.message);
      }
    };

    describe('one statement, however many assets', () => {
      const ASSETS = 12;
      it.each<[string, (database: SqlDatabase, names: Names) => Promise<unknown>]>([
        [
          'the register repository’s counts',
          (database, names) =>
            new SqlRegisterRepository(database).concurrencyCounts({
              assetIds: Array.from({ length: ASSETS }, (_, i) => names.asset(`${i}`)),
              businessUnit: names.unit('pay'),
              candidateIssueKey: names.key(1),
            }),
        ],
        [
          'the register repository’s counts for a request not yet raised',
          (database, names) =>
            new SqlRegisterRepository(database).concurrencyCounts({
              assetIds: Array.from({ length: ASSETS }, (_, i) => names.asset(`${i}`)),
              businessUnit: names.unit('pay'),
            }),
        ],
        [
          'the activation evidence',
          (database, names) =>
            new SqlActivationEvidence(database).activationEvidence({
              issueKey: names.key(1),
              assetIds: Array.from({ length: ASSETS }, (_, i) => names.asset(`${i}`)),
              businessUnit: names.unit('pay'),
            }),
        ],
      ])('%s', async (_name, read) => {
        const names = newNames();
        await seed([{ issueKey: names.key(2), assetIds: [names.asset('0'), names.asset('1')], businessUnit: names.unit('pay') }]);
        await approvals.record(names.key(1), anApproval());
        const counting = countingStatements(testDb.database);
        await read(counting.database, names);
        expect(counting.statements()).toBe(1);
      });
    });

    describe('for Submit, from the register repository', () => {
      it.each([...COUNT_CASES, ...RENEWAL_CASES, ...SUBMIT_ONLY_CASES])('%s', async (_name, { register: entries, query, expected }) => {
        const names = newNames();
        await seed(entries(names));
        expect(await register.concurrencyCounts(query(names))).toEqual(expected(names));
      });

      it('counts an entry by the assets of its current revision only', async () => {
        const names = newNames();
        const entry = aRegisterEntry({ issueKey: names.key(2), assetIds: [names.asset('old')], businessUnit: names.unit('pay') });
        await seed([entry]);
        const moved = await register.save({ ...entry, assetIds: [names.asset('new')] }, 1);
        expect(moved.ok).toBe(true);
        const counts = await register.concurrencyCounts({ assetIds: [names.asset('old'), names.asset('new')], candidateIssueKey: names.key(1) });
        expect(counts.perAsset).toEqual({ [names.asset('old')]: 0, [names.asset('new')]: 1 });
      });
    });

    describe('for activation, together with the approvals', () => {
      it.each([...COUNT_CASES, ...RENEWAL_CASES])('%s', async (_name, { register: entries, query, expected }) => {
        const names = newNames();
        await seed(entries(names));
        const { assetIds, businessUnit, candidateIssueKey } = query(names);
        if (businessUnit === undefined || candidateIssueKey === undefined) throw new Error('an activation case names its business unit and its issue');
        expect(await evidence.activationEvidence({ issueKey: candidateIssueKey, assetIds, businessUnit })).toEqual({ approvals: [], active: expected(names) });
      });

      it('reads every decision on the issue, voided ones included, in the order the approval repository reads them', async () => {
        const names = newNames();
        const issueKey = names.key(1);
        await seed([{ issueKey: names.key(2), assetIds: [names.asset('db')], businessUnit: names.unit('pay') }]);
        const recorded = [
          anApproval({ levelId: 'risk-owner', approver: 'acc-risk', decidedAt: '2026-11-02T11:00:00.000Z' }),
          anApproval({ levelId: 'security-lead', approver: 'acc-lead', decidedAt: '2026-11-02T09:00:00.000Z', voidedAt: '2026-11-02T10:00:00.000Z' }),
          anApproval({ levelId: 'security-lead', approver: 'acc-lead', decidedAt: '2026-11-02T10:30:00.000Z', contentHash: 'b'.repeat(64) }),
          anApproval({ levelId: 'compliance-lead', approver: 'acc-compliance', decision: 'rejected', reason: 'Too broad.', decidedAt: '2026-11-02T12:00:00.000Z' }),
        ];
        for (const approval of recorded) await approvals.record(issueKey, approval);
        await approvals.record(names.key(2), anApproval({ approver: 'acc-elsewhere' }));

        const read = await evidence.activationEvidence({ issueKey, assetIds: [names.asset('db')], businessUnit: names.unit('pay') });

        expect(read.approvals).toEqual(await approvals.forIssue(issueKey));
        expect(read.approvals.map((approval) => approval.decidedAt)).toEqual([
          '2026-11-02T09:00:00.000Z',
          '2026-11-02T10:30:00.000Z',
          '2026-11-02T11:00:00.000Z',
          '2026-11-02T12:00:00.000Z',
        ]);
        expect(read.active).toEqual({ perAsset: { [names.asset('db')]: 1 }, perBusinessUnit: 1 });
      });
    });
  });
};
