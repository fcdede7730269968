import { appendAuditEntry } from '../../../app/audit/append-audit-entry';
import { signerOf } from '../../../app/audit/testing/test-signer';
import type { RegisterEntry } from '../../../app/ports/register-repository';
import { testSigningKey } from '../../../domain/audit/testing/signed-chain';
import { SqlApprovalRepository } from '../sql-approval-repository';
import { SqlAuditStore } from '../sql-audit-store';
import { SqlRegisterRepository } from '../sql-register-repository';
import { SqlRegisterStatistics } from '../sql-register-statistics';
import { aRegisterEntry, anApproval } from './builders';
import type { TestDatabase, TestDatabaseFactory } from './test-database';

const HASH = 'c'.repeat(64);

const ENTRIES: readonly Partial<RegisterEntry>[] = [
  { issueKey: 'ST-1', tier: 'low', activatedAt: '2026-09-01T10:00:00.000Z', expiresOn: '2026-12-30', assetIds: ['db-1'], businessUnit: 'Payments' },
  { issueKey: 'ST-2', tier: 'high', activatedAt: '2026-10-05T10:00:00.000Z', expiresOn: '2026-12-01', assetIds: ['db-1'], businessUnit: 'Payments', renewalOf: 'ST-9', renewalCount: 2 },
  { issueKey: 'ST-3', tier: 'high', activatedAt: '2026-10-20T10:00:00.000Z', expiresOn: '2026-11-20', assetIds: ['db-1', 'web-1'], businessUnit: 'Retail' },
  { issueKey: 'ST-4', status: 'expired', tier: 'low', activatedAt: '2026-06-01T23:00:00.000Z', statusChangedAt: '2026-07-01T01:00:00.000Z' },
  { issueKey: 'ST-5', status: 'revoked', tier: 'low', activatedAt: '2026-06-01T00:00:00.000Z', statusChangedAt: '2026-06-11T00:00:00.000Z' },
  { issueKey: 'ST-6', status: 'rejected', activatedAt: undefined, statusChangedAt: '2026-10-03T00:00:00.000Z' },
  { issueKey: 'ST-7', status: 'submitted', activatedAt: undefined, renewalOf: 'ST-1' },
  { issueKey: 'ST-8', status: 'rejected', activatedAt: undefined, statusChangedAt: '2026-08-03T00:00:00.000Z' },
  { issueKey: 'OT-1', projectKey: 'OT', tier: 'high', activatedAt: '2026-10-05T10:00:00.000Z', assetIds: ['db-1'], businessUnit: 'Payments' },
];

/** The register's aggregates (dashboard, policy preview), on every engine: date arithmetic is written per dialect. */
export const describeRegisterStatistics = (factory: TestDatabaseFactory): void => {
  describe(`SqlRegisterStatistics on ${factory.name}`, () => {
    let testDb: TestDatabase;
    let statistics: SqlRegisterStatistics;

    beforeAll(async () => {
      testDb = await factory.create();
      statistics = new SqlRegisterStatistics(testDb.database);
      const register = new SqlRegisterRepository(testDb.database);
      for (const overrides of ENTRIES) {
        const saved = await register.save(aRegisterEntry({ projectKey: 'ST', contentHash: HASH, ...overrides }), 'absent');
        if (!saved.ok) throw new Error(saved.error.message);
      }
      const approvals = new SqlApprovalRepository(testDb.database);
      await approvals.record('ST-1', anApproval({ approver: 'acc-lead', contentHash: HASH }));
      await approvals.record('ST-2', anApproval({ approver: 'acc-lead', contentHash: HASH }));
      await approvals.record('ST-2', anApproval({ approver: 'acc-risk', levelId: 'risk-owner', contentHash: HASH }));
      await approvals.record('ST-3', anApproval({ approver: 'acc-risk', contentHash: 'd'.repeat(64) }));
      await approvals.record('OT-1', anApproval({ approver: 'acc-other', contentHash: HASH }));
      const audit = { store: new SqlAuditStore(testDb.database), signer: signerOf(testSigningKey(1)), pauseBeforeRetry: () => Promise.resolve() };
      for (const [issueKey, at] of [['ST-7', '2026-10-02T00:00:00.000Z'], ['ST-2', '2026-09-28T00:00:00.000Z'], ['OT-1', '2026-10-02T00:00:00.000Z']] as const) {
        await appendAuditEntry(audit, { at, actor: 'acc-requester', action: 'exception.renewal-requested', issueKey, payload: {} });
      }
      await appendAuditEntry(audit, { at: '2026-10-02T00:00:00.000Z', actor: 'acc-requester', action: 'exception.expired', issueKey: 'ST-3', payload: {} });
    });
    afterAll(() => testDb.close());

    it('counts active exceptions by tier, in one project or all of them', async () => {
      expect(await statistics.activeByTier('ST')).toEqual({ low: 1, medium: 0, high: 2, critical: 0 });
      expect(await statistics.activeByTier(null)).toEqual({ low: 1, medium: 0, high: 3, critical: 0 });
    });

    it('counts activations, renewal activations, rejections and renewal requests by month', async () => {
      expect(await statistics.activationsByMonth('ST', '2026-07', false)).toEqual([
        { month: '2026-09', count: 1 },
        { month: '2026-10', count: 2 },
      ]);
      expect(await statistics.activationsByMonth('ST', '2026-07', true)).toEqual([{ month: '2026-10', count: 1 }]);
      expect(await statistics.rejectionsByMonth('ST', '2026-09')).toEqual([{ month: '2026-10', count: 1 }]);
      expect(await statistics.renewalRequestsByMonth('ST', '2026-01')).toEqual([
        { month: '2026-09', count: 1 },
        { month: '2026-10', count: 1 },
      ]);
      expect(await statistics.pendingRenewals('ST')).toBe(1);
    });

    it('averages the whole days from activation to the end over ended exceptions', async () => {
      // ST-4: 2026-06-01 to 2026-07-01 is 30 days; ST-5: 2026-06-01 to 2026-06-11 is 10 days.
      expect(await statistics.meanLifespanDays('ST')).toBe(20);
      expect(await statistics.meanLifespanDays('NONE')).toBeNull();
    });

    it('ranks approvers by the approvals that stand for the current content', async () => {
      expect(await statistics.topApprovers('ST', 10)).toEqual([
        { approver: 'acc-lead', approvals: 2 },
        { approver: 'acc-risk', approvals: 1 },
      ]);
      expect(await statistics.topApprovers('ST', 1)).toEqual([{ approver: 'acc-lead', approvals: 2 }]);
    });

    // Active high: ST-2 2026-10-05..2026-12-01 (57 days), ST-3 2026-10-20..2026-11-20 (31), OT-1 2026-10-05..2027-02-01 (119).
    // Active low: ST-1 2026-09-01..2026-12-30 (120 days).
    it.each([
      ['high', 30, 3],
      ['high', 31, 2],
      ['high', 56, 2],
      ['high', 57, 1],
      ['high', 118, 1],
      ['high', 119, 0],
      ['low', 119, 1],
      ['low', 120, 0],
    ] as const)('counts active %s exceptions lasting more than %i days: %i', async (tier, days, expected) => {
      expect(await statistics.activeLongerThan(tier, days)).toBe(expected);
    });

    it('counts active exceptions over a renewal cap and assets and business units over the active limit', async () => {
      expect(await statistics.activeRenewedMoreThan('high', 1)).toBe(1);
      expect(await statistics.activeRenewedMoreThan('high', 2)).toBe(0);
      expect(await statistics.assetsOverActiveLimit(3)).toBe(1);
      expect(await statistics.assetsOverActiveLimit(4)).toBe(0);
      expect(await statistics.businessUnitsOverActiveLimit(2)).toBe(1);
      expect(await statistics.businessUnitsOverActiveLimit(3)).toBe(0);
    });
  });
};
