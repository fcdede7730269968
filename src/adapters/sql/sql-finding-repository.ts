import type { FindingRepository, IngestedFinding } from '../../app/ports/finding-repository';
import type { Page } from '../../app/ports/page';
import { StorageError } from '../../app/ports/storage-error';
import { ok, refuse, type Result } from '../../domain/shared/result';
import type { SqlDatabase } from './database';
import { findingOf, findingRowOf } from './finding-row';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { clampPageSize } from './page-limit';
import { insertOnce, storageCall } from './sql-errors';

/**
 * Ingested findings on SQL. An upsert is a guarded insert or a compare-and-set on `last_seen_at`: a racing
 * ingestion of the same finding makes the loser re-read and decide again, and an older report never
 * overwrites a newer one.
 */
const MAX_UPSERT_ATTEMPTS = 5;

export class SqlFindingRepository implements FindingRepository {
  constructor(private readonly database: SqlDatabase) {}

  async upsert(finding: IngestedFinding): Promise<'inserted' | 'updated' | 'stale'> {
    const row = findingRowOf(finding);
    for (let attempt = 0; attempt < MAX_UPSERT_ATTEMPTS; attempt += 1) {
      const stored = await this.get(finding.source, finding.externalId);
      if (stored === null) {
        const inserted = await insertOnce('insert finding', () => this.database.db.insertInto('findings').values(row).execute());
        if (inserted === 'inserted') return 'inserted';
        continue;
      }
      if (Date.parse(finding.lastSeenAt) <= Date.parse(stored.lastSeenAt)) return 'stale';
      const { source, external_id, first_seen_at: _firstSeen, ...changes } = row;
      const updated = await storageCall('update finding', () =>
        this.database.db
          .updateTable('findings')
          .set(changes)
          .where('source', '=', source)
          .where('external_id', '=', external_id)
          .where('last_seen_at', '=', stored.lastSeenAt)
          .executeTakeFirst(),
      );
      if (updated.numUpdatedRows === 1n) return 'updated';
    }
    throw new StorageError(
      'STORAGE.CONTENDED',
      `storing finding ${finding.source}/${finding.externalId} lost ${MAX_UPSERT_ATTEMPTS} races in a row`,
      undefined,
    );
  }

  async get(source: string, externalId: string): Promise<IngestedFinding | null> {
    const row = await storageCall('read finding', () =>
      this.database.db
        .selectFrom('findings')
        .selectAll()
        .where('source', '=', source)
        .where('external_id', '=', externalId)
        .executeTakeFirst(),
    );
    return row === undefined ? null : findingOf(row);
  }

  async openForAsset(assetId: string, limit: number, after?: string): Promise<Result<Page<IngestedFinding>, 'FINDING.INVALID_CURSOR'>> {
    const ordering = `findings:${assetId}`;
    const position = after === undefined ? null : decodeCursor(after, ordering, 'string');
    if (after !== undefined && position === null) {
      return refuse('FINDING.INVALID_CURSOR', 'This page link belongs to another asset or is damaged: go back to the first page.');
    }
    const size = clampPageSize(limit);
    let query = this.database.db.selectFrom('findings').selectAll().where('asset_id', '=', assetId).where('status', '=', 'open');
    if (position !== null) {
      const source = String(position.value);
      query = query.where((eb) =>
        eb.or([eb('source', '>', source), eb.and([eb('source', '=', source), eb('external_id', '>', position.key)])]),
      );
    }
    const rows = await storageCall('read open findings of an asset', () =>
      query
        .orderBy('source')
        .orderBy('external_id')
        .limit(size + 1)
        .execute(),
    );
    const items = rows.slice(0, size).map(findingOf);
    const last = items[items.length - 1];
    if (rows.length <= size || last === undefined) return ok({ items });
    return ok({ items, next: encodeCursor(ordering, { value: last.source, key: last.externalId }) });
  }
}
