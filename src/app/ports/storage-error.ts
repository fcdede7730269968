/**
 * Storage failed for a reason no caller can decide around (the database timed out, refused the statement,
 * or returned a row the app cannot read). Expected outcomes such as a version conflict or a duplicate ledger
 * key are result values; this is thrown, carries a stable code, and entry points turn it into a
 * "try again later" answer. `driverCode` is the underlying driver's or platform's own code for the logs.
 */
export const STORAGE_ERROR_CODES = [
  'STORAGE.TIMED_OUT',
  'STORAGE.RATE_LIMITED',
  'STORAGE.QUERY_FAILED',
  'STORAGE.INVALID_ROW',
  /** Kept losing optimistic-concurrency races to other writers; the caller may retry later. */
  'STORAGE.CONTENDED',
] as const;
export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];

export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly code: StorageErrorCode,
    message: string,
    readonly driverCode: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isStorageError = (error: unknown): error is StorageError => error instanceof StorageError;
