import type { ApprovalRepository } from '../../app/ports/approval-repository';
import type { Approval } from '../../domain/approval/approval';
import { approvalOf, approvalRowOf } from './approval-row';
import type { SqlDatabase } from './database';
import { toDbInstant } from './db-values';
import { insertOnce, storageCall } from './sql-errors';

/**
 * Approval decisions on SQL. The primary key (issue, level, approver, content hash) makes recording
 * idempotent; voiding is one conditional update, so a replayed void changes nothing. One issue's decisions
 * are a few dozen rows at most, far inside Forge SQL's per-response limit, so they are read in one query.
 */
export class SqlApprovalRepository implements ApprovalRepository {
  constructor(private readonly database: SqlDatabase) {}

  async record(issueKey: string, approval: Approval): Promise<'recorded' | 'already-recorded'> {
    const row = approvalRowOf(issueKey, approval);
    const outcome = await insertOnce('record approval', () => this.database.db.insertInto('approvals').values(row).execute());
    return outcome === 'inserted' ? 'recorded' : 'already-recorded';
  }

  async forIssue(issueKey: string): Promise<Approval[]> {
    const rows = await storageCall('read approvals', () =>
      this.database.db
        .selectFrom('approvals')
        .selectAll()
        .where('issue_key', '=', issueKey)
        .orderBy('decided_at')
        .orderBy('level_id')
        .orderBy('approver')
        .orderBy('content_hash')
        .execute(),
    );
    return rows.map(approvalOf);
  }

  async voidStale(issueKey: string, currentContentHash: string, at: string): Promise<number> {
    const result = await storageCall('void stale approvals', () =>
      this.database.db
        .updateTable('approvals')
        .set({ voided_at: toDbInstant(at) })
        .where('issue_key', '=', issueKey)
        .where('voided_at', 'is', null)
        .where('content_hash', '<>', currentContentHash)
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows);
  }
}
