import type { RegisterEntry, RegisterFilter } from '../../../app/ports/register-repository';
import { SqlApprovalRepository } from '../sql-approval-repository';
import { SqlRegisterRepository } from '../sql-register-repository';
import { aRegisterEntry, anApproval } from './builders';
import type { TestDatabase, TestDatabaseFactory } from './test-database';

/** The register page's search filters (approver, words, review overdue), on every engine. */
export const describeRegisterSearch = (factory: TestDatabaseFactory): void => {
  describe(`register search filters on ${factory.name}`, () => {
    let testDb: TestDatabase;
    let register: SqlRegisterRepository;
    let approvals: SqlApprovalRepository;
    const hashA = 'a'.repeat(64);
    const hashB = 'b'.repeat(64);

    const entries: readonly RegisterEntry[] = [
      aRegisterEntry({ issueKey: 'SRCH-1', projectKey: 'SRCH', title: 'OpenSSL upgrade blocked', nextReviewDue: '2026-10-15', contentHash: hashA }),
      aRegisterEntry({ issueKey: 'SRCH-2', projectKey: 'SRCH', title: 'Legacy TLS 100% on payments_api', nextReviewDue: '2027-01-15', contentHash: hashB }),
      aRegisterEntry({ issueKey: 'SRCH-12', projectKey: 'SRCH', title: 'Unpatched VPN appliance', status: 'draft', nextReviewDue: undefined, contentHash: hashA }),
      aRegisterEntry({ issueKey: 'OTHER-1', projectKey: 'OTHER', title: 'OpenSSL elsewhere', contentHash: hashA }),
    ];

    beforeAll(async () => {
      testDb = await factory.create();
      register = new SqlRegisterRepository(testDb.database);
      approvals = new SqlApprovalRepository(testDb.database);
      for (const entry of entries) {
        const saved = await register.save(entry, 'absent');
        if (!saved.ok) throw new Error(saved.error.message);
      }
      await approvals.record('SRCH-1', anApproval({ approver: 'acc-lead', contentHash: hashA }));
      // Approved an earlier content of SRCH-2: it no longer stands.
      await approvals.record('SRCH-2', anApproval({ approver: 'acc-lead', contentHash: hashA }));
      await approvals.record('SRCH-2', anApproval({ approver: 'acc-risk', levelId: 'risk-owner', contentHash: hashB }));
      await approvals.record('SRCH-12', anApproval({ approver: 'acc-lead', contentHash: hashA, voidedAt: '2026-11-01T00:00:00.000Z' }));
      await approvals.record('SRCH-12', anApproval({ approver: 'acc-ciso', levelId: 'ciso', decision: 'rejected', contentHash: hashA }));
    });
    afterAll(() => testDb.close());

    const keysFor = async (filter: Omit<RegisterFilter, 'projectKey'>): Promise<string[]> => {
      const page = await register.page({ filter: { projectKey: 'SRCH', ...filter }, sort: { by: 'jiraUpdatedAt', direction: 'asc' }, limit: 50 });
      if (!page.ok) throw new Error(page.error.message);
      const keys = page.value.items.map((entry) => entry.issueKey).sort();
      expect(await register.count({ projectKey: 'SRCH', ...filter })).toBe(keys.length);
      return keys;
    };

    it.each([
      ['acc-lead', ['SRCH-1']],
      ['acc-risk', ['SRCH-2']],
      ['acc-ciso', []],
      ['acc-nobody', []],
    ])('finds the exceptions %s approved as they stand now', async (approver, expected) => {
      expect(await keysFor({ approver })).toEqual(expected);
    });

    it.each([
      [['openssl'], ['SRCH-1']],
      [['OPENSSL', 'blocked'], ['SRCH-1']],
      [['openssl', 'vpn'], []],
      [['srch-1'], ['SRCH-1', 'SRCH-12']],
      [['100%'], ['SRCH-2']],
      [['payments_api'], ['SRCH-2']],
      [['_'], ['SRCH-2']],
      [['%'], ['SRCH-2']],
      [['!'], []],
    ])('matches the words %j against key and title, wildcards taken literally', async (words, expected) => {
      expect(await keysFor({ words })).toEqual(expected);
    });

    it.each([
      [true, ['SRCH-1']],
      [false, ['SRCH-12', 'SRCH-2']],
    ])('review overdue as of 2026-11-02: %s', async (overdue, expected) => {
      expect(await keysFor({ reviewOverdue: { asOf: '2026-11-02', overdue } })).toEqual(expected);
    });
  });
};
