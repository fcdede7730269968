import type { ActivationEvidence, ActivationEvidenceSource, ActivationQuery } from '../../app/approvals/activation-ports';
import type { ConcurrencyQuery } from '../../app/ports/register-repository';
import { approvalOf } from './approval-row';
import { concurrencyCountsSelect, countColumnsOf, countsOf } from './concurrency-counts-query';
import type { SqlDatabase } from './database';
import { storageCall } from './sql-errors';

/**
 * The activation check's reads in one statement: the one-row SELECT of the concurrency counts, left-joined to the
 * issue's approval rows. Every row repeats the counts; a row without an approval (none recorded yet) carries only
 * them. The approvals come in the order the approval repository reads them, so both paths agree on what was decided.
 */
export class SqlActivationEvidence implements ActivationEvidenceSource {
  constructor(private readonly database: SqlDatabase) {}

  async activationEvidence(query: ActivationQuery): Promise<ActivationEvidence> {
    const counted: ConcurrencyQuery = { assetIds: query.assetIds, businessUnit: query.businessUnit, candidateIssueKey: query.issueKey };
    const columns = countColumnsOf(counted);
    const db = this.database.db;
    const rows = await storageCall('read approvals and active counts', () =>
      db
        .selectFrom(concurrencyCountsSelect(db, counted, columns).as('c'))
        .leftJoin('approvals as p', (join) => join.on('p.issue_key', '=', query.issueKey))
        .selectAll('c')
        .select(['p.level_id', 'p.approver', 'p.content_hash', 'p.decision', 'p.decided_at', 'p.reason', 'p.voided_at'])
        .orderBy('p.decided_at')
        .orderBy('p.level_id')
        .orderBy('p.approver')
        .orderBy('p.content_hash')
        .execute(),
    );
    const [first] = rows;
    if (first === undefined) throw new Error('a SELECT without FROM, left-joined, returned no row');
    return {
      approvals: rows.filter((row) => row.level_id !== null).map(approvalOf),
      active: countsOf(first, columns),
    };
  }
}
