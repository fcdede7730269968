import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DueQuery, RegisterFilter, RegisterSortField } from '../../app/ports/register-repository';
import type { Status } from '../../domain/exception/security-exception';
import { toDbFlag, toDbInstant } from './db-values';
import type { Database, ExceptionRegisterTable } from './schema';

/**
 * The register's queries as Kysely builders, shared by the repository and the benchmark (which prints their
 * query plans). Each filter and ordering here is served by an index declared in migrations.ts.
 */
export type RegisterScope = Database & { e: ExceptionRegisterTable };

export type SortColumn = 'expires_on' | 'risk_score' | 'next_review_due' | 'jira_updated_at' | 'status_changed_at';

export const SORT_COLUMNS: Readonly<Record<RegisterSortField, SortColumn>> = {
  expiresOn: 'expires_on',
  riskScore: 'risk_score',
  nextReviewDue: 'next_review_due',
  jiraUpdatedAt: 'jira_updated_at',
};

const APPROVAL_STATUSES: readonly Status[] = ['submitted', 'risk-review', 'awaiting-approval'];

/** True when a list filter was given but is empty: nothing can match, and `IN ()` is not valid SQL. */
export const matchesNothing = (filter: RegisterFilter): boolean =>
  [filter.statuses, filter.tiers, filter.kinds].some((list) => list !== undefined && list.length === 0);

export const filteredRegister = (db: Kysely<Database>, filter: RegisterFilter) => {
  let query = db.selectFrom('exception_register as e').where('e.project_key', '=', filter.projectKey);
  if (filter.statuses !== undefined) query = query.where('e.status', 'in', filter.statuses);
  if (filter.tiers !== undefined) query = query.where('e.tier', 'in', filter.tiers);
  if (filter.kinds !== undefined) query = query.where('e.kind', 'in', filter.kinds);
  if (filter.requester !== undefined) query = query.where('e.requester', '=', filter.requester);
  if (filter.assetOwner !== undefined) query = query.where('e.asset_owner', '=', filter.assetOwner);
  if (filter.businessUnit !== undefined) query = query.where('e.business_unit', '=', filter.businessUnit);
  if (filter.expiresOnOrBefore !== undefined) query = query.where('e.expires_on', '<=', filter.expiresOnOrBefore);
  if (filter.lacksControls !== undefined) query = query.where('e.lacks_controls', '=', toDbFlag(filter.lacksControls));
  if (filter.reviewOverdue !== undefined) {
    // Only active exceptions have a review day; the others hold NO_DAY, which is never before a real day.
    const { asOf, overdue } = filter.reviewOverdue;
    query = query.where('e.next_review_due', overdue ? '<' : '>=', asOf);
  }
  for (const word of filter.words ?? []) {
    const pattern = `%${escapeLike(word.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`lower(${eb.ref('e.issue_key')})`, 'like', sql<string>`${pattern} escape '!'`),
        eb(sql<string>`lower(${eb.ref('e.title')})`, 'like', sql<string>`${pattern} escape '!'`),
      ]),
    );
  }
  const { approver } = filter;
  if (approver !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('approvals as p')
          .select('p.approver')
          .whereRef('p.issue_key', '=', 'e.issue_key')
          .where('p.approver', '=', approver)
          .where('p.decision', '=', 'approved')
          .where('p.voided_at', 'is', null)
          .whereRef('p.content_hash', '=', 'e.content_hash'),
      ),
    );
  }
  const { assetId, controlReference } = filter;
  if (assetId !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('exception_assets as a')
          .select('a.asset_id')
          .where('a.asset_id', '=', assetId)
          .whereRef('a.issue_key', '=', 'e.issue_key')
          .whereRef('a.revision', '=', 'e.revision'),
      ),
    );
  }
  if (controlReference !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('exception_controls as c')
          .select('c.control_id')
          .where('c.framework', '=', controlReference.framework)
          .where('c.control_id', '=', controlReference.id)
          .whereRef('c.issue_key', '=', 'e.issue_key')
          .whereRef('c.revision', '=', 'e.revision'),
      ),
    );
  }
  return query;
};

/**
 * `%`, `_` and the escape character itself match literally in the pattern. The escape is `!`, not a backslash,
 * because MySQL reads a backslash inside a string literal as an escape of its own.
 */
const escapeLike = (text: string): string => text.replace(/[!%_]/g, (character) => `!${character}`);

/** Rows strictly after `position` in (column, issue_key) order. */
export const afterPosition =
  (column: SortColumn, direction: 'asc' | 'desc', position: { readonly value: string | number; readonly key: string }) =>
  (eb: ExpressionBuilder<RegisterScope, 'e'>) => {
    const beyond = direction === 'asc' ? '>' : '<';
    return eb.or([
      eb(`e.${column}`, beyond, position.value),
      eb.and([eb(`e.${column}`, '=', position.value), eb('e.issue_key', beyond, position.key)]),
    ]);
  };

/** What a daily job selects, and the indexed column its pages are ordered by. */
export const dueRegister = (db: Kysely<Database>, query: DueQuery) => {
  const register = db.selectFrom('exception_register as e');
  switch (query.kind) {
    case 'expired':
      return { column: 'expires_on' as const, query: register.where('e.status', '=', 'active').where('e.expires_on', '<', query.today) };
    case 'expiring':
      return { column: 'expires_on' as const, query: register.where('e.status', '=', 'active').where('e.expires_on', '<=', query.onOrBefore) };
    case 'review':
      return {
        column: 'next_review_due' as const,
        query: register.where('e.status', '=', 'active').where('e.next_review_due', '<=', query.onOrBefore),
      };
    case 'stalled':
      return {
        column: 'status_changed_at' as const,
        query: register.where('e.status', 'in', APPROVAL_STATUSES).where('e.status_changed_at', '<=', toDbInstant(query.since)),
      };
  }
};

/** The count behind the daily jobs' "how much is due" figure; answered from the due indexes alone. */
export const dueCountQuery = (db: Kysely<Database>, query: DueQuery) =>
  dueRegister(db, query).query.select((eb) => eb.fn.countAll().as('n'));
