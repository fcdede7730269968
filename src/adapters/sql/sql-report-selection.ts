import type { SelectQueryBuilder, Selectable } from 'kysely';
import type { DayRange } from '../../app/jobs/job-ports';
import type { ReportItem, ReportSection, ReportSelection } from '../../app/reports/report-ports';
import type { IsoDate } from '../../domain/shared/dates';
import type { SqlDatabase } from './database';
import { toDbFlag } from './db-values';
import { clampPageSize } from './page-limit';
import type { RegisterScope } from './register-queries';
import { registerRecordOf } from './register-row';
import type { ExceptionRegisterTable } from './schema';
import { countOf, storageCall } from './sql-errors';

type Scoped = SelectQueryBuilder<RegisterScope, 'e', object>;
type Ordered = (query: SelectQueryBuilder<RegisterScope, 'e', Selectable<ExceptionRegisterTable>>) => SelectQueryBuilder<RegisterScope, 'e', Selectable<ExceptionRegisterTable>>;

const itemOf = (row: Selectable<ExceptionRegisterTable>): ReportItem => {
  const { entry } = registerRecordOf(row);
  return {
    issueKey: entry.issueKey,
    projectKey: entry.projectKey,
    title: entry.title,
    tier: entry.tier,
    riskScore: entry.riskScore,
    assetOwner: entry.assetOwner,
    ...(entry.expiresOn === undefined ? {} : { expiresOn: entry.expiresOn }),
    ...(entry.nextReviewDue === undefined ? {} : { nextReviewDue: entry.nextReviewDue }),
  };
};

const byRisk = (a: ReportItem, b: ReportItem): number => b.riskScore - a.riskScore || (a.issueKey < b.issueKey ? -1 : a.issueKey > b.issueKey ? 1 : 0);

/**
 * The monthly report's sections, each a count and the first rows of one index range: (status, lacks_controls,
 * risk_score) for the risk sections, the due-review and due-expiry indexes for the others. "At or above a risk
 * score" is read as two ranges of the first index (with and without controls) and merged, so neither is a scan.
 */
export class SqlReportSelection implements ReportSelection {
  constructor(private readonly database: SqlDatabase) {}

  private active(): Scoped {
    return this.database.db.selectFrom('exception_register as e').where('e.status', '=', 'active');
  }

  private async section(name: string, scope: () => Scoped, order: Ordered, limit: number): Promise<ReportSection> {
    const count = await countOf(`count ${name}`, () => scope().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(), 'count');
    const rows = await storageCall(`read ${name}`, () => order(scope().selectAll('e')).limit(clampPageSize(limit)).execute());
    return { count, items: rows.map(itemOf) };
  }

  lackingControls(limit: number): Promise<ReportSection> {
    return this.section(
      'exceptions lacking controls',
      () => this.active().where('e.lacks_controls', '=', toDbFlag(true)),
      (query) => query.orderBy('e.risk_score', 'desc').orderBy('e.issue_key', 'asc'),
      limit,
    );
  }

  async aboveRisk(minScore: number, limit: number): Promise<ReportSection> {
    const halves = await Promise.all(
      [false, true].map((lacks) =>
        this.section(
          'exceptions above the risk threshold',
          () => this.active().where('e.lacks_controls', '=', toDbFlag(lacks)).where('e.risk_score', '>=', minScore),
          (query) => query.orderBy('e.risk_score', 'desc').orderBy('e.issue_key', 'asc'),
          limit,
        ),
      ),
    );
    return {
      count: halves.reduce((sum, half) => sum + half.count, 0),
      items: halves.flatMap((half) => half.items).sort(byRisk).slice(0, clampPageSize(limit)),
    };
  }

  reviewOverdue(day: IsoDate, limit: number): Promise<ReportSection> {
    return this.section(
      'overdue reviews',
      () => this.active().where('e.next_review_due', '<', day),
      (query) => query.orderBy('e.next_review_due', 'asc').orderBy('e.issue_key', 'asc'),
      limit,
    );
  }

  expiringIn(range: DayRange, limit: number): Promise<ReportSection> {
    return this.section(
      'exceptions expiring',
      () => this.active().where('e.expires_on', '>', range.after).where('e.expires_on', '<=', range.through),
      (query) => query.orderBy('e.expires_on', 'asc').orderBy('e.issue_key', 'asc'),
      limit,
    );
  }
}
