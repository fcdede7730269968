import { z } from 'zod';
import { sql, type AliasedExpression, type ExpressionBuilder, type Kysely } from 'kysely';
import type { ConcurrencyQuery } from '../../app/ports/register-repository';
import type { ActiveExceptionCounts } from '../../domain/approval/concurrency-limits';
import { dbInteger } from './db-values';
import type { Database } from './schema';
import { parseRow } from './sql-errors';

/**
 * The concurrency limits' counts as one SELECT of scalar subqueries, one per distinct asset and one for the business
 * unit. Each is answered from an index (the asset index then the register's key, or the business-unit index), so the
 * statement costs what the separate counts cost, in one round trip; a SELECT without FROM is valid on SQLite, MariaDB
 * and Forge SQL alike. Column names are generated (`asset_0`, ...) because asset ids are data.
 */

const BUSINESS_UNIT_COLUMN = 'business_unit_active';

export type CountColumns = {
  /** Column name and the asset it counts, one per distinct asset id. */
  readonly assets: readonly (readonly [column: string, assetId: string])[];
  readonly businessUnit: boolean;
};

export const countColumnsOf = (query: ConcurrencyQuery): CountColumns => ({
  assets: [...new Set(query.assetIds)].map((assetId, index) => [`asset_${index}`, assetId] as const),
  businessUnit: query.businessUnit !== undefined,
});

export const countsNothing = (columns: CountColumns): boolean => columns.assets.length === 0 && !columns.businessUnit;

type Counted = AliasedExpression<unknown, string>;
type Builder = ExpressionBuilder<Database, never>;

/**
 * The exception the candidate renews, as its register entry records it (the one superseded when it activates), or the
 * candidate itself when it renews nothing or is not in the register: never NULL, so comparing a key with it never
 * yields NULL, which would drop every row it filters. A lookup by primary key, in the statement itself: the workflow
 * validators read the issue from Jira, which does not say what it renews, and have no second query to spend.
 */
const renewedBy = (eb: Builder, candidate: string) =>
  sql<string>`coalesce(${eb.selectFrom('exception_register as r').where('r.issue_key', '=', candidate).select('r.renewal_of')}, ${candidate})`;

const activeOnAsset = (eb: Builder, assetId: string, candidate: string | undefined) => {
  const active = eb
    .selectFrom('exception_assets as a')
    .innerJoin('exception_register as e', (join) => join.onRef('e.issue_key', '=', 'a.issue_key').onRef('e.revision', '=', 'a.revision'))
    .where('a.asset_id', '=', assetId)
    .where('e.status', '=', 'active')
    .select((count) => count.fn.countAll().as('n'));
  return candidate === undefined ? active : active.where('a.issue_key', '<>', candidate).where('a.issue_key', '<>', renewedBy(eb, candidate));
};

/**
 * The unit's active exceptions less those of the candidate and the exception it renews that are among them.
 * Subtracting keeps both counts inside an index (the business-unit index, the register's key); filtering the unit's
 * rows by key instead reads every one of them from the table on SQLite, where that index does not hold the key (five
 * times slower for a unit of 1,800). The subtracted count names the unit and the status too, so an excluded
 * exception that is not counted (another unit, not active) takes nothing away.
 */
const activeInBusinessUnit = (eb: Builder, businessUnit: string, candidate: string | undefined) => {
  const inUnit = eb
    .selectFrom('exception_register as u')
    .where('u.business_unit', '=', businessUnit)
    .where('u.status', '=', 'active')
    .select((count) => count.fn.countAll().as('n'));
  if (candidate === undefined) return inUnit;
  const excluded = eb
    .selectFrom('exception_register as x')
    .where((x) => x.or([x('x.issue_key', '=', candidate), x('x.issue_key', '=', renewedBy(eb, candidate))]))
    .where('x.business_unit', '=', businessUnit)
    .where('x.status', '=', 'active')
    .select((count) => count.fn.countAll().as('n'));
  return sql<number>`${inUnit} - ${excluded}`;
};

/** The one-row SELECT of every count; the caller makes sure `countsNothing` is false (a SELECT needs a column). */
export const concurrencyCountsSelect = (db: Kysely<Database>, query: ConcurrencyQuery, columns: CountColumns) =>
  db.selectNoFrom((eb) => {
    const counted: Counted[] = columns.assets.map(([column, assetId]) => activeOnAsset(eb, assetId, query.candidateIssueKey).as(column));
    if (query.businessUnit !== undefined) counted.push(activeInBusinessUnit(eb, query.businessUnit, query.candidateIssueKey).as(BUSINESS_UNIT_COLUMN));
    return counted;
  });

const countRowSchema = z.record(z.string(), z.unknown());

const countIn = (row: Readonly<Record<string, unknown>>, column: string): number => parseRow(dbInteger, row[column], `count ${column}`);

/** Reads the counts back from a row holding (at least) the columns of `columns`. */
export const countsOf = (row: unknown, columns: CountColumns): ActiveExceptionCounts => {
  const values = parseRow(countRowSchema, row, 'concurrency counts');
  return {
    perAsset: Object.fromEntries(columns.assets.map(([column, assetId]) => [assetId, countIn(values, column)])),
    perBusinessUnit: columns.businessUnit ? countIn(values, BUSINESS_UNIT_COLUMN) : 0,
  };
};

export const NO_ACTIVE_COUNTS: ActiveExceptionCounts = { perAsset: {}, perBusinessUnit: 0 };
