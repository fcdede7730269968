/**
 * The reminder and notification ledger. Scheduled triggers may fire twice and jobs are re-run after partial
 * failures, so a job records an action's key (e.g. `remind-expiry:SEC-7:2027-02-01:30:requester`) before
 * acting: the key is unique, and only the run that recorded it sends.
 */
export type LedgerRecord = {
  readonly key: string;
  readonly kind: string;
  readonly issueKey: string | null;
  readonly at: string;
};

export interface NotificationLedger {
  recordOnce(record: LedgerRecord): Promise<'recorded' | 'already-recorded'>;
  has(key: string): Promise<boolean>;
  /** Which of the keys are recorded, in one read. */
  recordedAmong(keys: readonly string[]): Promise<ReadonlySet<string>>;
  /** Forgets a key whose action failed, so the next run tries again. */
  release(key: string): Promise<'released' | 'absent'>;
}
