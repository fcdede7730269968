import { randomUUID } from 'node:crypto';
import type { Selectable, SelectQueryBuilder } from 'kysely';
import { MAX_PAGE_SIZE, type Page } from '../../app/ports/page';
import type {
  ConcurrencyQuery,
  DueQuery,
  ProjectionOutcome,
  RegisterConflictCode,
  RegisterCursorCode,
  RegisterEntry,
  RegisterFilter,
  RegisterPageRequest,
  RegisterRepository,
  StoredRegisterEntry,
} from '../../app/ports/register-repository';
import { StorageError } from '../../app/ports/storage-error';
import type { ActiveExceptionCounts } from '../../domain/approval/concurrency-limits';
import { compareIssueKeys } from '../../domain/schedule/due-action';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { concurrencyCountsSelect, countColumnsOf, countsNothing, countsOf, NO_ACTIVE_COUNTS } from './concurrency-counts-query';
import type { SqlDatabase } from './database';
import { decodeCursor, encodeCursor, type KeysetPosition } from './keyset-cursor';
import {
  afterPosition,
  dueCountQuery,
  dueRegister,
  filteredRegister,
  matchesNothing,
  SORT_COLUMNS,
  type RegisterScope,
  type SortColumn,
} from './register-queries';
import { NO_DAY, registerChildRowsOf, registerRecordOf, registerRowOf, type RegisterRecord } from './register-row';
import { clampPageSize } from './page-limit';
import type { ExceptionRegisterTable } from './schema';
import { countOf, insertOnce, storageCall } from './sql-errors';

/**
 * The register projection on SQL, correct without transactions (Forge SQL has none).
 *
 * Every write creates a fresh `revision`. The per-asset and per-control rows of that revision are inserted
 * first; then the entry row is switched to the new revision by a conditional update on (version, revision)
 * whose affected-row count says whether this writer won. Readers only follow child rows whose revision is
 * the entry's current one, so they never see a half-written set. The winner deletes the child rows of the
 * revision it replaced; a loser deletes its own. A writer that dies midway leaves child rows of a revision
 * no entry points at, which no query ever reads.
 */
const MAX_PROJECTION_ATTEMPTS = 5;

type PageableQuery = SelectQueryBuilder<RegisterScope, 'e', Selectable<ExceptionRegisterTable>>;


const sortValueOf = (entry: StoredRegisterEntry, column: SortColumn): string | number => {
  switch (column) {
    case 'expires_on':
      return entry.expiresOn ?? NO_DAY;
    case 'next_review_due':
      return entry.nextReviewDue ?? NO_DAY;
    case 'risk_score':
      return entry.riskScore;
    case 'jira_updated_at':
      return entry.jiraUpdatedAt;
    case 'status_changed_at':
      return entry.statusChangedAt;
  }
};

const valueTypeOf = (column: SortColumn): 'string' | 'number' => (column === 'risk_score' ? 'number' : 'string');

const invalidCursor = () =>
  refuse<RegisterCursorCode>(
    'REGISTER.INVALID_CURSOR',
    'This page link belongs to another sort order or is damaged: go back to the first page.',
  );

const conflict = (issueKey: string, expected: number | 'absent', current: StoredRegisterEntry | null) =>
  refuse<RegisterConflictCode>(
    'REGISTER.VERSION_CONFLICT',
    expected === 'absent'
      ? `${issueKey} is already in the register: reload it and update it instead of creating it.`
      : current === null
        ? `${issueKey} was removed from the register after you read it (version ${expected}): reload the register.`
        : `${issueKey} was changed by someone else after you read it (you had version ${expected}, it is now at version ` +
          `${current.version}): reload it and apply your change again.`,
  );

export class SqlRegisterRepository implements RegisterRepository {
  constructor(
    private readonly database: SqlDatabase,
    private readonly newRevision: () => string = randomUUID,
  ) {}

  private get db() {
    return this.database.db;
  }

  async get(issueKey: string): Promise<StoredRegisterEntry | null> {
    return (await this.read(issueKey))?.entry ?? null;
  }

  async save(entry: RegisterEntry, expectedVersion: number | 'absent'): Promise<Result<{ version: number }, RegisterConflictCode>> {
    const current = await this.read(entry.issueKey);
    const currentVersion = current?.entry.version ?? 'absent';
    if (currentVersion !== expectedVersion) return conflict(entry.issueKey, expectedVersion, current?.entry ?? null);
    return this.replace(entry, current);
  }

  async project(entry: RegisterEntry): Promise<ProjectionOutcome> {
    for (let attempt = 0; attempt < MAX_PROJECTION_ATTEMPTS; attempt += 1) {
      const current = await this.read(entry.issueKey);
      if (current !== null && Date.parse(entry.jiraUpdatedAt) <= Date.parse(current.entry.jiraUpdatedAt)) return 'stale';
      const saved = await this.replace(entry, current);
      if (saved.ok) return current === null ? 'inserted' : 'updated';
    }
    throw new StorageError(
      'STORAGE.CONTENDED',
      `projecting ${entry.issueKey} lost ${MAX_PROJECTION_ATTEMPTS} races in a row to other writers`,
      undefined,
    );
  }

  async remove(issueKey: string): Promise<'removed' | 'absent'> {
    for (let attempt = 0; attempt < MAX_PROJECTION_ATTEMPTS; attempt += 1) {
      const current = await this.read(issueKey);
      if (current === null) return 'absent';
      const deleted = await storageCall('remove register entry', () =>
        this.db
          .deleteFrom('exception_register')
          .where('issue_key', '=', issueKey)
          .where('revision', '=', current.revision)
          .executeTakeFirst(),
      );
      if (deleted.numDeletedRows === 1n) {
        await this.deleteChildren(issueKey, current.revision);
        return 'removed';
      }
    }
    throw new StorageError('STORAGE.CONTENDED', `removing ${issueKey} lost ${MAX_PROJECTION_ATTEMPTS} races in a row`, undefined);
  }

  async page(request: RegisterPageRequest): Promise<Result<Page<StoredRegisterEntry>, RegisterCursorCode>> {
    const column = SORT_COLUMNS[request.sort.by];
    const ordering = `register:${column}:${request.sort.direction}`;
    const position = request.after === undefined ? null : decodeCursor(request.after, ordering, valueTypeOf(column));
    if (request.after !== undefined && position === null) return invalidCursor();
    if (matchesNothing(request.filter)) return ok({ items: [] });
    let query = filteredRegister(this.db, request.filter).selectAll('e');
    if (position !== null) query = query.where(afterPosition(column, request.sort.direction, position));
    return ok(await this.pageOf(query, column, request.sort.direction, clampPageSize(request.limit), ordering));
  }

  async count(filter: RegisterFilter): Promise<number> {
    if (matchesNothing(filter)) return 0;
    return countOf('count register entries', () =>
      filteredRegister(this.db, filter)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
      'count',
    );
  }

  async due(query: DueQuery, limit: number, after?: string): Promise<Result<Page<StoredRegisterEntry>, RegisterCursorCode>> {
    const due = dueRegister(this.db, query);
    const ordering = `due:${query.kind}`;
    const position = after === undefined ? null : decodeCursor(after, ordering, 'string');
    if (after !== undefined && position === null) return invalidCursor();
    let select = due.query.selectAll('e');
    if (position !== null) select = select.where(afterPosition(due.column, 'asc', position));
    return ok(await this.pageOf(select, due.column, 'asc', clampPageSize(limit), ordering));
  }

  async countDue(query: DueQuery): Promise<number> {
    return countOf('count due register entries', () => dueCountQuery(this.db, query).executeTakeFirstOrThrow(), 'count');
  }

  async concurrencyCounts(query: ConcurrencyQuery): Promise<ActiveExceptionCounts> {
    const columns = countColumnsOf(query);
    if (countsNothing(columns)) return NO_ACTIVE_COUNTS;
    const row = await storageCall('count active exceptions for the concurrency limits', () =>
      concurrencyCountsSelect(this.db, query, columns).executeTakeFirstOrThrow(),
    );
    return countsOf(row, columns);
  }

  async renewalsOf(issueKey: string): Promise<StoredRegisterEntry[]> {
    const rows = await storageCall('read renewals', () =>
      this.db.selectFrom('exception_register').selectAll().where('renewal_of', '=', issueKey).limit(MAX_PAGE_SIZE).execute(),
    );
    return rows.map((row) => registerRecordOf(row).entry).sort((a, b) => compareIssueKeys(a.issueKey, b.issueKey));
  }

  private async read(issueKey: string): Promise<RegisterRecord | null> {
    const row = await storageCall('read register entry', () =>
      this.db.selectFrom('exception_register').selectAll().where('issue_key', '=', issueKey).executeTakeFirst(),
    );
    return row === undefined ? null : registerRecordOf(row);
  }

  /** Writes `entry` as the successor of `current` (or as a new entry); exactly one of racing writers wins. */
  private async replace(
    entry: RegisterEntry,
    current: RegisterRecord | null,
  ): Promise<Result<{ version: number }, RegisterConflictCode>> {
    const revision = this.newRevision();
    const version = current === null ? 1 : current.entry.version + 1;
    const row = registerRowOf(entry, revision, version);
    await this.insertChildren(entry, revision);
    const won =
      current === null
        ? (await insertOnce('insert register entry', () => this.db.insertInto('exception_register').values(row).execute())) === 'inserted'
        : await storageCall('update register entry', async () => {
            const { issue_key: _key, ...changes } = row;
            const updated = await this.db
              .updateTable('exception_register')
              .set(changes)
              .where('issue_key', '=', entry.issueKey)
              .where('version', '=', current.entry.version)
              .where('revision', '=', current.revision)
              .executeTakeFirst();
            return updated.numUpdatedRows === 1n;
          });
    if (!won) {
      await this.deleteChildren(entry.issueKey, revision);
      return conflict(entry.issueKey, current?.entry.version ?? 'absent', await this.get(entry.issueKey));
    }
    if (current !== null) await this.deleteChildren(entry.issueKey, current.revision);
    return ok({ version });
  }

  private async insertChildren(entry: RegisterEntry, revision: string): Promise<void> {
    const { assets, controls } = registerChildRowsOf(entry, revision);
    await storageCall('insert register child rows', async () => {
      if (assets.length > 0) await this.db.insertInto('exception_assets').values(assets).execute();
      if (controls.length > 0) await this.db.insertInto('exception_controls').values(controls).execute();
    });
  }

  private async deleteChildren(issueKey: string, revision: string): Promise<void> {
    await storageCall('delete register child rows', async () => {
      await this.db.deleteFrom('exception_assets').where('issue_key', '=', issueKey).where('revision', '=', revision).execute();
      await this.db.deleteFrom('exception_controls').where('issue_key', '=', issueKey).where('revision', '=', revision).execute();
    });
  }

  private async pageOf(
    query: PageableQuery,
    column: SortColumn,
    direction: 'asc' | 'desc',
    limit: number,
    ordering: string,
  ): Promise<Page<StoredRegisterEntry>> {
    const rows = await storageCall('read register page', () =>
      query
        .orderBy(`e.${column}`, direction)
        .orderBy('e.issue_key', direction)
        .limit(limit + 1)
        .execute(),
    );
    const items = rows.slice(0, limit).map((row) => registerRecordOf(row).entry);
    const last = items[items.length - 1];
    if (rows.length <= limit || last === undefined) return { items };
    const position: KeysetPosition = { value: sortValueOf(last, column), key: last.issueKey };
    return { items, next: encodeCursor(ordering, position) };
  }
}
