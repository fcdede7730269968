import { SqlMonthlyReportRepository } from './sql-monthly-report-repository';
import { SqlRegisterRepository } from './sql-register-repository';
import { SqlReportSelection } from './sql-report-selection';
import { aRegisterEntry } from './testing/builders';
import { sqliteInMemory, type TestDatabase } from './testing/test-database';
import type { MonthlyReport } from '../../app/reports/report-ports';

describe('the monthly report on SQL', () => {
  let testDb: TestDatabase;

  beforeEach(async () => {
    testDb = await sqliteInMemory.create();
  });

  afterEach(() => testDb.close());

  describe('SqlReportSelection', () => {
    beforeEach(async () => {
      const register = new SqlRegisterRepository(testDb.database);
      const entries = [
        aRegisterEntry({ issueKey: 'SEC-1', riskScore: 8.1, lacksControls: true, expiresOn: '2027-02-10', nextReviewDue: '2027-01-15' }),
        aRegisterEntry({ issueKey: 'SEC-2', riskScore: 7.0, lacksControls: false, expiresOn: '2027-02-28', nextReviewDue: '2027-04-15' }),
        aRegisterEntry({ issueKey: 'SEC-3', riskScore: 4.2, lacksControls: true, expiresOn: '2027-03-01', nextReviewDue: '2027-01-31' }),
        aRegisterEntry({ issueKey: 'SEC-4', riskScore: 9.5, lacksControls: false, expiresOn: '2027-01-31', nextReviewDue: '2027-02-01' }),
        aRegisterEntry({ issueKey: 'SEC-5', status: 'expired', riskScore: 9.9, lacksControls: true, expiresOn: '2027-02-05', nextReviewDue: undefined }),
      ];
      for (const entry of entries) await register.project(entry);
    });

    const keys = (items: readonly { issueKey: string }[]) => items.map((item) => item.issueKey);

    it('lists active exceptions lacking controls, riskiest first', async () => {
      const section = await new SqlReportSelection(testDb.database).lackingControls(10);
      expect({ count: section.count, keys: keys(section.items) }).toEqual({ count: 2, keys: ['SEC-1', 'SEC-3'] });
    });

    it('lists active exceptions at or above a risk score, with and without controls, riskiest first and capped', async () => {
      const selection = new SqlReportSelection(testDb.database);
      const section = await selection.aboveRisk(7.0, 10);
      expect({ count: section.count, keys: keys(section.items) }).toEqual({ count: 3, keys: ['SEC-4', 'SEC-1', 'SEC-2'] });
      const capped = await selection.aboveRisk(7.0, 2);
      expect({ count: capped.count, keys: keys(capped.items) }).toEqual({ count: 3, keys: ['SEC-4', 'SEC-1'] });
    });

    it('lists reviews due before a day, longest overdue first', async () => {
      const section = await new SqlReportSelection(testDb.database).reviewOverdue('2027-02-01', 10);
      expect(keys(section.items)).toEqual(['SEC-1', 'SEC-3']);
    });

    it('lists exceptions expiring in a range, soonest first', async () => {
      const section = await new SqlReportSelection(testDb.database).expiringIn({ after: '2027-01-31', through: '2027-02-28' }, 10);
      expect({ count: section.count, keys: keys(section.items) }).toEqual({ count: 2, keys: ['SEC-1', 'SEC-2'] });
    });
  });

  describe('SqlMonthlyReportRepository', () => {
    const empty = { count: 0, items: [] };
    const aReport = (month: string, lacking = 0): MonthlyReport => ({
      month,
      periodStart: `${month}-01`,
      periodEnd: `${month}-28`,
      generatedAt: '2027-03-01T06:00:00.000Z',
      riskThreshold: 7,
      sections: { lackingControls: { count: lacking, items: [] }, aboveRiskThreshold: empty, overdueReviews: empty, expiringNextMonth: empty },
    });

    it('keeps the first report of a month', async () => {
      const reports = new SqlMonthlyReportRepository(testDb.database);
      expect(await reports.save(aReport('2027-02', 3))).toBe('saved');
      expect(await reports.save(aReport('2027-02', 9))).toBe('already-saved');
      expect((await reports.get('2027-02'))?.sections.lackingControls.count).toBe(3);
      expect(await reports.get('2027-01')).toBeNull();
    });

    it('lists months newest first, page by page', async () => {
      const reports = new SqlMonthlyReportRepository(testDb.database);
      for (const month of ['2026-11', '2027-01', '2026-12']) await reports.save(aReport(month));
      const first = await reports.list(2);
      expect(first.items.map((summary) => summary.month)).toEqual(['2027-01', '2026-12']);
      const second = await reports.list(2, first.next);
      expect(second).toEqual({ items: [expect.objectContaining({ month: '2026-11', counts: expect.objectContaining({ lackingControls: 0 }) as unknown })] });
    });
  });
});
