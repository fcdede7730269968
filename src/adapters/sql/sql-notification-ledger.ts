import type { LedgerRecord, NotificationLedger } from '../../app/ports/notification-ledger';
import type { SqlDatabase } from './database';
import { toDbInstant } from './db-values';
import { insertOnce, storageCall } from './sql-errors';

/** The notification ledger on SQL: the key is the primary key, so only one run ever records it. */
export class SqlNotificationLedger implements NotificationLedger {
  constructor(private readonly database: SqlDatabase) {}

  async recordOnce(record: LedgerRecord): Promise<'recorded' | 'already-recorded'> {
    const row = { ledger_key: record.key, kind: record.kind, issue_key: record.issueKey, recorded_at: toDbInstant(record.at) };
    const outcome = await insertOnce('record ledger key', () => this.database.db.insertInto('notification_ledger').values(row).execute());
    return outcome === 'inserted' ? 'recorded' : 'already-recorded';
  }

  async has(key: string): Promise<boolean> {
    const row = await storageCall('read ledger key', () =>
      this.database.db.selectFrom('notification_ledger').select('ledger_key').where('ledger_key', '=', key).executeTakeFirst(),
    );
    return row !== undefined;
  }

  async recordedAmong(keys: readonly string[]): Promise<ReadonlySet<string>> {
    if (keys.length === 0) return new Set();
    const rows = await storageCall('read ledger keys', () =>
      this.database.db.selectFrom('notification_ledger').select('ledger_key').where('ledger_key', 'in', [...keys]).execute(),
    );
    return new Set(rows.map((row) => row.ledger_key));
  }

  async release(key: string): Promise<'released' | 'absent'> {
    const result = await storageCall('release ledger key', () =>
      this.database.db.deleteFrom('notification_ledger').where('ledger_key', '=', key).executeTakeFirst(),
    );
    return result.numDeletedRows === 1n ? 'released' : 'absent';
  }
}
