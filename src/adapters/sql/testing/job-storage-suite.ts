import type { StoredRegisterEntry } from '../../../app/ports/register-repository';
import type { Page } from '../../../app/ports/page';
import type { MonthlyReport } from '../../../app/reports/report-ports';
import { SqlDueSelection } from '../sql-due-selection';
import { SqlMonthlyReportRepository } from '../sql-monthly-report-repository';
import { SqlRegisterRepository } from '../sql-register-repository';
import { SqlReportSelection } from '../sql-report-selection';
import { aRegisterEntry } from './builders';
import type { TestDatabase, TestDatabaseFactory } from './test-database';

/** The scheduled jobs' selections and the monthly report store, tested once on every engine. */
export const describeJobStorage = (factory: TestDatabaseFactory): void => {
  describe(`job storage on ${factory.name}`, () => {
    let testDb: TestDatabase;

    beforeEach(async () => {
      testDb = await factory.create();
    });

    afterEach(() => testDb.close());

    describe('SqlDueSelection', () => {
      let selection: SqlDueSelection;

      beforeEach(async () => {
        selection = new SqlDueSelection(testDb.database);
        const register = new SqlRegisterRepository(testDb.database);
        const entries = [
          aRegisterEntry({ issueKey: 'SEC-1', expiresOn: '2027-02-01', nextReviewDue: '2027-01-15' }),
          aRegisterEntry({ issueKey: 'SEC-2', expiresOn: '2027-02-02', nextReviewDue: '2027-01-16' }),
          aRegisterEntry({ issueKey: 'SEC-3', expiresOn: '2027-02-02', nextReviewDue: '2027-01-16' }),
          aRegisterEntry({ issueKey: 'SEC-4', expiresOn: '2027-02-03', nextReviewDue: '2027-04-15' }),
          aRegisterEntry({ issueKey: 'SEC-5', status: 'expired', expiresOn: '2027-02-02', statusChangedAt: '2027-02-03T00:10:00.000Z' }),
          aRegisterEntry({ issueKey: 'SEC-6', status: 'expired', expiresOn: '2027-01-20', statusChangedAt: '2027-01-21T00:10:00.000Z' }),
          aRegisterEntry({ issueKey: 'SEC-7', status: 'rejected', expiresOn: undefined, statusChangedAt: '2027-02-03T08:00:00.000Z' }),
        ];
        for (const entry of entries) await register.project(entry);
      });

      const all = async (read: (cursor?: string) => Promise<Page<StoredRegisterEntry>>): Promise<string[][]> => {
        const pages: string[][] = [];
        let cursor: string | undefined;
        do {
          const page = await read(cursor);
          pages.push(page.items.map((entry) => entry.issueKey));
          cursor = page.next;
        } while (cursor !== undefined);
        return pages;
      };

      it.each([
        [{ after: '2027-01-31', through: '2027-02-01' }, [['SEC-1']]],
        [{ after: '2027-02-01', through: '2027-02-02' }, [['SEC-2', 'SEC-3']]],
        [{ after: '2027-01-31', through: '2027-02-03' }, [['SEC-1', 'SEC-2'], ['SEC-3', 'SEC-4']]],
        [{ after: '2027-02-03', through: '2027-03-01' }, [[]]],
      ])('finds active exceptions expiring in %j, page by page, leaving other statuses out', async (range, pages) => {
        expect(await all((cursor) => selection.expiringIn(range, 2, cursor))).toEqual(pages);
      });

      it('finds active exceptions whose review falls due in a range', async () => {
        expect(await all((cursor) => selection.reviewDueIn({ after: '2027-01-14', through: '2027-01-16' }, 10, cursor))).toEqual([['SEC-1', 'SEC-2', 'SEC-3']]);
      });

      it('finds exceptions that entered a status since an instant, oldest first', async () => {
        expect(await all((cursor) => selection.enteredStatusSince('expired', '2027-01-01T00:00:00Z', 1, cursor))).toEqual([['SEC-6'], ['SEC-5']]);
        expect(await all((cursor) => selection.enteredStatusSince('expired', '2027-02-03T00:10:00.000Z', 10, cursor))).toEqual([['SEC-5']]);
      });

      it('refuses a cursor minted for another selection, since only a bug can produce one', async () => {
        const page = await selection.expiringIn({ after: '2027-01-31', through: '2027-02-03' }, 1);
        await expect(selection.reviewDueIn({ after: '2027-01-14', through: '2027-01-16' }, 1, page.next)).rejects.toThrow('does not belong');
      });
    });

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
};
