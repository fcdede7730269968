import { z } from 'zod';
import type { Page } from '../../app/ports/page';
import {
  monthlyReportSchema,
  type MonthlyReport,
  type MonthlyReportRepository,
  type MonthlyReportSummary,
} from '../../app/reports/report-ports';
import type { SqlDatabase } from './database';
import { jsonText, toDbInstant } from './db-values';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { clampPageSize } from './page-limit';
import { insertOnce, parseRow, storageCall } from './sql-errors';

/**
 * Monthly reports on SQL: the month is the primary key, so the first report stored for a month stands. The report
 * is kept whole as JSON, since it is a record that is read, listed and never changed.
 */
const rowSchema = z.object({ month: z.string(), content: jsonText(monthlyReportSchema) });

const ORDERING = 'monthly-reports';

const summaryOf = (report: MonthlyReport): MonthlyReportSummary => ({
  month: report.month,
  generatedAt: report.generatedAt,
  riskThreshold: report.riskThreshold,
  ...(report.notEmailedBecause === undefined ? {} : { notEmailedBecause: report.notEmailedBecause }),
  counts: {
    lackingControls: report.sections.lackingControls.count,
    aboveRiskThreshold: report.sections.aboveRiskThreshold.count,
    overdueReviews: report.sections.overdueReviews.count,
    expiringNextMonth: report.sections.expiringNextMonth.count,
  },
});

/** Whether a cursor is one that `list` issued: a caller holding one from elsewhere gets an answer, not a throw. */
export const isMonthlyReportCursor = (cursor: string): boolean => decodeCursor(cursor, ORDERING, 'string') !== null;

export class SqlMonthlyReportRepository implements MonthlyReportRepository {
  constructor(private readonly database: SqlDatabase) {}

  async save(report: MonthlyReport): Promise<'saved' | 'already-saved'> {
    const checked = monthlyReportSchema.parse(report);
    const outcome = await insertOnce('store monthly report', () =>
      this.database.db
        .insertInto('monthly_reports')
        .values({
          month: checked.month,
          generated_at: toDbInstant(checked.generatedAt),
          period_start: checked.periodStart,
          period_end: checked.periodEnd,
          content: JSON.stringify(checked),
        })
        .execute(),
    );
    return outcome === 'inserted' ? 'saved' : 'already-saved';
  }

  async get(month: string): Promise<MonthlyReport | null> {
    const row = await storageCall('read monthly report', () =>
      this.database.db.selectFrom('monthly_reports').select(['month', 'content']).where('month', '=', month).executeTakeFirst(),
    );
    return row === undefined ? null : parseRow(rowSchema, row, 'monthly_reports').content;
  }

  async list(limit: number, before?: string): Promise<Page<MonthlyReportSummary>> {
    const position = before === undefined ? null : decodeCursor(before, ORDERING, 'string');
    if (before !== undefined && position === null) throw new Error(`report cursor "${before}" is not one this repository issued`);
    const size = clampPageSize(limit);
    let query = this.database.db.selectFrom('monthly_reports').select(['month', 'content']);
    if (position !== null) query = query.where('month', '<', position.key);
    const rows = await storageCall('list monthly reports', () => query.orderBy('month', 'desc').limit(size + 1).execute());
    const items = rows.slice(0, size).map((row) => summaryOf(parseRow(rowSchema, row, 'monthly_reports').content));
    const last = items[items.length - 1];
    return rows.length > size && last !== undefined ? { items, next: encodeCursor(ORDERING, { value: last.month, key: last.month }) } : { items };
  }
}
