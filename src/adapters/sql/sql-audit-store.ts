import type { AuditStore } from '../../app/audit/audit-ports';
import type { AuditEntry, ChainHead } from '../../domain/audit/audit-entry';
import { auditEntryOf, auditRowOf } from './audit-row';
import type { SqlDatabase } from './database';
import { insertOnce, storageCall } from './sql-errors';

/**
 * The audit chain on SQL. `sequence` is the primary key, so of two appenders that read the same head and
 * insert the same next sequence exactly one succeeds and the other is told 'conflict' (it re-reads the head
 * and seals its entry again): the chain cannot fork, with or without transactions.
 */
export const MAX_AUDIT_PAGE = 1000;

// Callers detect the end of the chain by a short page, so a limit is never silently lowered: asking for
// more than a Forge SQL response can safely hold is a bug, reported as one.
const checkedLimit = (limit: number): number => {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) {
    throw new RangeError(`audit page limit must be an integer from 1 to ${MAX_AUDIT_PAGE}, got ${limit}`);
  }
  return limit;
};

export class SqlAuditStore implements AuditStore {
  constructor(private readonly database: SqlDatabase) {}

  async head(): Promise<ChainHead | null> {
    const row = await storageCall('read audit chain head', () =>
      this.database.db.selectFrom('audit_chain').selectAll().orderBy('sequence', 'desc').limit(1).executeTakeFirst(),
    );
    if (row === undefined) return null;
    const entry = auditEntryOf(row);
    return { sequence: entry.sequence, hash: entry.hash };
  }

  async insert(entry: AuditEntry): Promise<'inserted' | 'conflict'> {
    const row = auditRowOf(entry);
    const outcome = await insertOnce('append audit entry', () => this.database.db.insertInto('audit_chain').values(row).execute());
    return outcome === 'inserted' ? 'inserted' : 'conflict';
  }

  async page(afterSequence: number, limit: number): Promise<AuditEntry[]> {
    const size = checkedLimit(limit);
    const rows = await storageCall('read audit chain page', () =>
      this.database.db
        .selectFrom('audit_chain')
        .selectAll()
        .where('sequence', '>', afterSequence)
        .orderBy('sequence')
        .limit(size)
        .execute(),
    );
    return rows.map(auditEntryOf);
  }

  async forIssue(issueKey: string, afterSequence: number, limit: number): Promise<AuditEntry[]> {
    const size = checkedLimit(limit);
    const rows = await storageCall('read audit trail of an issue', () =>
      this.database.db
        .selectFrom('audit_chain')
        .selectAll()
        .where('issue_key', '=', issueKey)
        .where('sequence', '>', afterSequence)
        .orderBy('sequence')
        .limit(size)
        .execute(),
    );
    return rows.map(auditEntryOf);
  }
}
