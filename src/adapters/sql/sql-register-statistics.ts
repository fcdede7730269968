import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { ApproverCount, MonthCount, RegisterStatistics } from '../../app/register/statistics-ports';
import { TIERS, type Status, type Tier } from '../../domain/exception/security-exception';
import type { SqlDatabase } from './database';
import { dbDecimal, dbInteger } from './db-values';
import { countOf, parseRow, storageCall } from './sql-errors';

/**
 * The register's aggregates, one statement each. Date arithmetic differs between engines, so the one expression
 * that needs it (days between two stored instants) is written per dialect; everything else is portable SQL.
 */

const ENDED: readonly Status[] = ['expired', 'revoked', 'remediated', 'superseded'];
const UNDECIDED: readonly Status[] = ['draft', 'submitted', 'risk-review', 'awaiting-approval'];

const monthRowSchema = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), n: dbInteger });
const tierRowSchema = z.object({ tier: z.enum(TIERS), n: dbInteger });
const approverRowSchema = z.object({ approver: z.string(), n: dbInteger });
const meanSchema = z.object({ mean: dbDecimal.nullable() });

const firstDayOf = (month: string): string => `${month}-01`;

export class SqlRegisterStatistics implements RegisterStatistics {
  constructor(private readonly database: SqlDatabase) {}

  private get db() {
    return this.database.db;
  }

  /** Whole days from the calendar day of one stored instant to that of another. */
  private daysBetween(from: RawBuilder<unknown>, to: RawBuilder<unknown>): RawBuilder<number> {
    return this.database.dialect === 'sqlite'
      ? sql<number>`(julianday(substr(${to}, 1, 10)) - julianday(substr(${from}, 1, 10)))`
      : sql<number>`datediff(substr(${to}, 1, 10), substr(${from}, 1, 10))`;
  }

  async activeByTier(projectKey: string | null): Promise<Readonly<Record<Tier, number>>> {
    const rows = await storageCall('count active exceptions by tier', () => {
      let query = this.db.selectFrom('exception_register').where('status', '=', 'active');
      if (projectKey !== null) query = query.where('project_key', '=', projectKey);
      return query.select(['tier', (eb) => eb.fn.countAll().as('n')]).groupBy('tier').execute();
    });
    const counts: Record<Tier, number> = { low: 0, medium: 0, high: 0, critical: 0 };
    for (const row of rows) {
      const parsed = parseRow(tierRowSchema, row, 'active exceptions by tier');
      counts[parsed.tier] = parsed.n;
    }
    return counts;
  }

  async activationsByMonth(projectKey: string, fromMonth: string, renewalsOnly: boolean): Promise<readonly MonthCount[]> {
    return this.byMonth('count activations by month', () => {
      const month = sql<string>`substr(activated_at, 1, 7)`;
      let query = this.db
        .selectFrom('exception_register')
        .where('project_key', '=', projectKey)
        .where('activated_at', '>=', firstDayOf(fromMonth));
      if (renewalsOnly) query = query.where('renewal_of', 'is not', null);
      return query.select([month.as('month'), (eb) => eb.fn.countAll().as('n')]).groupBy(month).execute();
    });
  }

  async rejectionsByMonth(projectKey: string, fromMonth: string): Promise<readonly MonthCount[]> {
    return this.byMonth('count rejections by month', () => {
      const month = sql<string>`substr(status_changed_at, 1, 7)`;
      return this.db
        .selectFrom('exception_register')
        .where('project_key', '=', projectKey)
        .where('status', '=', 'rejected')
        .where('status_changed_at', '>=', firstDayOf(fromMonth))
        .select([month.as('month'), (eb) => eb.fn.countAll().as('n')])
        .groupBy(month)
        .execute();
    });
  }

  async renewalRequestsByMonth(projectKey: string, fromMonth: string): Promise<readonly MonthCount[]> {
    return this.byMonth('count renewal requests by month', () => {
      const month = sql<string>`substr(c.at, 1, 7)`;
      return this.db
        .selectFrom('audit_chain as c')
        .innerJoin('exception_register as e', 'e.issue_key', 'c.issue_key')
        .where('e.project_key', '=', projectKey)
        .where('c.action', '=', 'exception.renewal-requested')
        .where('c.at', '>=', firstDayOf(fromMonth))
        .select([month.as('month'), (eb) => eb.fn.countAll().as('n')])
        .groupBy(month)
        .execute();
    });
  }

  async pendingRenewals(projectKey: string): Promise<number> {
    return this.count('count pending renewals', () =>
      this.db
        .selectFrom('exception_register')
        .where('project_key', '=', projectKey)
        .where('renewal_of', 'is not', null)
        .where('status', 'in', UNDECIDED)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    );
  }

  async meanLifespanDays(projectKey: string): Promise<number | null> {
    const row = await storageCall('mean lifespan of ended exceptions', () =>
      this.db
        .selectFrom('exception_register')
        .where('project_key', '=', projectKey)
        .where('status', 'in', ENDED)
        .where('activated_at', 'is not', null)
        .select(sql<number | null>`avg(${this.daysBetween(sql.ref('activated_at'), sql.ref('status_changed_at'))})`.as('mean'))
        .executeTakeFirstOrThrow(),
    );
    const { mean } = parseRow(meanSchema, row, 'mean lifespan');
    return mean === null ? null : Math.round(mean * 10) / 10;
  }

  async topApprovers(projectKey: string, limit: number): Promise<readonly ApproverCount[]> {
    const rows = await storageCall('rank approvers', () =>
      this.db
        .selectFrom('approvals as p')
        .innerJoin('exception_register as e', (join) => join.onRef('e.issue_key', '=', 'p.issue_key').onRef('e.content_hash', '=', 'p.content_hash'))
        .where('e.project_key', '=', projectKey)
        .where('p.decision', '=', 'approved')
        .where('p.voided_at', 'is', null)
        .select(['p.approver as approver', (eb) => eb.fn.countAll().as('n')])
        .groupBy('p.approver')
        .orderBy('n', 'desc')
        .orderBy('p.approver')
        .limit(limit)
        .execute(),
    );
    return rows.map((row) => {
      const parsed = parseRow(approverRowSchema, row, 'approver ranking');
      return { approver: parsed.approver, approvals: parsed.n };
    });
  }

  async activeLongerThan(tier: Tier, days: number): Promise<number> {
    return this.count('count active exceptions beyond a duration', () =>
      this.db
        .selectFrom('exception_register')
        .where('status', '=', 'active')
        .where('tier', '=', tier)
        .where('activated_at', 'is not', null)
        .where(this.daysBetween(sql.ref('activated_at'), sql.ref('expires_on')), '>', days)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    );
  }

  async activeRenewedMoreThan(tier: Tier, renewals: number): Promise<number> {
    return this.count('count active exceptions beyond a renewal cap', () =>
      this.db
        .selectFrom('exception_register')
        .where('status', '=', 'active')
        .where('tier', '=', tier)
        .where('renewal_count', '>', renewals)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    );
  }

  async assetsOverActiveLimit(limit: number): Promise<number> {
    return this.count('count assets over the active limit', () =>
      this.db
        .selectFrom((db) =>
          db
            .selectFrom('exception_assets as a')
            .innerJoin('exception_register as e', (join) => join.onRef('e.issue_key', '=', 'a.issue_key').onRef('e.revision', '=', 'a.revision'))
            .where('e.status', '=', 'active')
            .select('a.asset_id')
            .groupBy('a.asset_id')
            .having((eb) => eb.fn.countAll(), '>', limit)
            .as('over'),
        )
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    );
  }

  async businessUnitsOverActiveLimit(limit: number): Promise<number> {
    return this.count('count business units over the active limit', () =>
      this.db
        .selectFrom((db) =>
          db
            .selectFrom('exception_register')
            .where('status', '=', 'active')
            .select('business_unit')
            .groupBy('business_unit')
            .having((eb) => eb.fn.countAll(), '>', limit)
            .as('over'),
        )
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    );
  }

  private count(operation: string, run: () => Promise<unknown>): Promise<number> {
    return countOf(operation, run, operation);
  }

  private async byMonth(operation: string, run: () => Promise<readonly unknown[]>): Promise<readonly MonthCount[]> {
    const rows = await storageCall(operation, run);
    return rows
      .map((row) => {
        const parsed = parseRow(monthRowSchema, row, operation);
        return { month: parsed.month, count: parsed.n };
      })
      .sort((a, b) => a.month.localeCompare(b.month));
  }
}
