import type { Page } from '../../app/ports/page';
import type { RecordedReviewAttestation, ReviewAttestationRepository } from '../../app/ports/review-attestation-repository';
import { ok, refuse, type Result } from '../../domain/shared/result';
import type { SqlDatabase } from './database';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { clampPageSize } from './page-limit';
import { attestationOf, attestationRowOf } from './review-attestation-row';
import { insertOnce, storageCall } from './sql-errors';

/** Quarterly review attestations on SQL: (issue, quarter) is the primary key, so the first attestation stands. */
export class SqlReviewAttestationRepository implements ReviewAttestationRepository {
  constructor(private readonly database: SqlDatabase) {}

  async attest(attestation: RecordedReviewAttestation): Promise<'recorded' | 'already-recorded'> {
    const row = attestationRowOf(attestation);
    const outcome = await insertOnce('record review attestation', () =>
      this.database.db.insertInto('review_attestations').values(row).execute(),
    );
    return outcome === 'inserted' ? 'recorded' : 'already-recorded';
  }

  async forIssue(issueKey: string): Promise<RecordedReviewAttestation[]> {
    const rows = await storageCall('read review attestations of an issue', () =>
      this.database.db.selectFrom('review_attestations').selectAll().where('issue_key', '=', issueKey).orderBy('quarter').execute(),
    );
    return rows.map(attestationOf);
  }

  async forQuarter(
    quarter: string,
    limit: number,
    after?: string,
  ): Promise<Result<Page<RecordedReviewAttestation>, 'REVIEW.INVALID_CURSOR'>> {
    const ordering = `attestations:${quarter}`;
    const position = after === undefined ? null : decodeCursor(after, ordering, 'string');
    if (after !== undefined && position === null) {
      return refuse('REVIEW.INVALID_CURSOR', 'This page link belongs to another quarter or is damaged: go back to the first page.');
    }
    const size = clampPageSize(limit);
    let query = this.database.db.selectFrom('review_attestations').selectAll().where('quarter', '=', quarter);
    if (position !== null) query = query.where('issue_key', '>', position.key);
    const rows = await storageCall('read review attestations of a quarter', () =>
      query
        .orderBy('issue_key')
        .limit(size + 1)
        .execute(),
    );
    const items = rows.slice(0, size).map(attestationOf);
    const last = items[items.length - 1];
    if (rows.length <= size || last === undefined) return ok({ items });
    return ok({ items, next: encodeCursor(ordering, { value: quarter, key: last.issueKey }) });
  }
}
