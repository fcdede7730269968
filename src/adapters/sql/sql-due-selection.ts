import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { DayRange, DueSelection } from '../../app/jobs/job-ports';
import type { Page } from '../../app/ports/page';
import type { StoredRegisterEntry } from '../../app/ports/register-repository';
import type { Status } from '../../domain/exception/security-exception';
import type { SqlDatabase } from './database';
import { toDbInstant } from './db-values';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { clampPageSize } from './page-limit';
import { afterPosition, type RegisterScope } from './register-queries';
import { registerRecordOf } from './register-row';
import type { ExceptionRegisterTable } from './schema';
import { storageCall } from './sql-errors';

type Column = 'expires_on' | 'next_review_due' | 'status_changed_at';
type Selection = SelectQueryBuilder<RegisterScope, 'e', Selectable<ExceptionRegisterTable>>;

/**
 * The jobs' range selections. Each is an equality on `status` and a range on the second column of one of the due
 * indexes (status, expires_on | next_review_due | status_changed_at, issue_key), paged by keyset on the same
 * columns, so a page costs an index range scan whatever the size of the register. Cursors are written into job
 * checkpoints by this adapter alone; one that does not decode is a bug, not a user error.
 */
export class SqlDueSelection implements DueSelection {
  constructor(private readonly database: SqlDatabase) {}

  expiringIn(range: DayRange, limit: number, cursor?: string): Promise<Page<StoredRegisterEntry>> {
    return this.page('expires_on', `active-expiring:${range.after}:${range.through}`, this.inRange('expires_on', range), limit, cursor);
  }

  reviewDueIn(range: DayRange, limit: number, cursor?: string): Promise<Page<StoredRegisterEntry>> {
    return this.page('next_review_due', `active-review:${range.after}:${range.through}`, this.inRange('next_review_due', range), limit, cursor);
  }

  enteredStatusSince(status: Status, since: string, limit: number, cursor?: string): Promise<Page<StoredRegisterEntry>> {
    const query = this.database.db
      .selectFrom('exception_register as e')
      .selectAll('e')
      .where('e.status', '=', status)
      .where('e.status_changed_at', '>=', toDbInstant(since));
    return this.page('status_changed_at', `entered:${status}:${since}`, query, limit, cursor);
  }

  private inRange(column: 'expires_on' | 'next_review_due', range: DayRange): Selection {
    return this.database.db
      .selectFrom('exception_register as e')
      .selectAll('e')
      .where('e.status', '=', 'active')
      .where(`e.${column}`, '>', range.after)
      .where(`e.${column}`, '<=', range.through);
  }

  private async page(column: Column, ordering: string, query: Selection, limit: number, cursor?: string): Promise<Page<StoredRegisterEntry>> {
    const position = cursor === undefined ? null : decodeCursor(cursor, ordering, 'string');
    if (cursor !== undefined && position === null) throw new Error(`job cursor "${cursor}" does not belong to ${ordering}`);
    const size = clampPageSize(limit);
    const positioned = position === null ? query : query.where(afterPosition(column, 'asc', position));
    const rows = await storageCall(`read ${ordering}`, () =>
      positioned.orderBy(`e.${column}`, 'asc').orderBy('e.issue_key', 'asc').limit(size + 1).execute(),
    );
    const records = rows.slice(0, size).map(registerRecordOf);
    const last = rows.length > size ? rows[size - 1] : undefined;
    const items = records.map((record) => record.entry);
    return last === undefined ? { items } : { items, next: encodeCursor(ordering, { value: last[column], key: last.issue_key }) };
  }
}
