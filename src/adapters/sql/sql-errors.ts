import { z } from 'zod';
import { StorageError, type StorageErrorCode } from '../../app/ports/storage-error';
import { dbInteger } from './db-values';

/**
 * What went wrong in a driver, recognised by shape so this module needs none of the drivers:
 * better-sqlite3 throws `SqliteError` with a `code`; mysql2 errors carry `code` and `errno`; `@forge/sql`
 * throws `ForgeSQLAPIError` with a platform `code` and the database's own error in `context.debug`.
 */
type ErrorShape = {
  readonly code?: unknown;
  readonly errno?: unknown;
  readonly message?: unknown;
  readonly context?: { readonly debug?: { readonly code?: unknown; readonly errno?: unknown } };
};

const MYSQL_DUPLICATE_ENTRY = 1062;
const SQLITE_UNIQUE_CODES: ReadonlySet<unknown> = new Set(['SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);

const shapeOf = (error: unknown): ErrorShape => (typeof error === 'object' && error !== null ? error : {});

export const isUniqueViolation = (error: unknown): boolean => {
  const shape = shapeOf(error);
  if (SQLITE_UNIQUE_CODES.has(shape.code)) return true;
  if (shape.errno === MYSQL_DUPLICATE_ENTRY || shape.code === 'ER_DUP_ENTRY') return true;
  const debug = shape.context?.debug;
  return shape.code === 'SQL_EXECUTION_ERROR' && (debug?.errno === MYSQL_DUPLICATE_ENTRY || debug?.code === 'ER_DUP_ENTRY');
};

const TIMEOUT_CODES: ReadonlySet<unknown> = new Set(['QUERY_TIMED_OUT', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_STATEMENT_TIMEOUT', 'SQLITE_BUSY']);
const RATE_LIMIT_CODES: ReadonlySet<unknown> = new Set(['RATE_LIMIT_EXCEEDED', 'TOO_MANY_REQUESTS']);

const storageCodeOf = (shape: ErrorShape): StorageErrorCode => {
  if (TIMEOUT_CODES.has(shape.code) || TIMEOUT_CODES.has(shape.context?.debug?.code)) return 'STORAGE.TIMED_OUT';
  if (RATE_LIMIT_CODES.has(shape.code)) return 'STORAGE.RATE_LIMITED';
  return 'STORAGE.QUERY_FAILED';
};

/** Wraps a driver failure in the app's typed StorageError, keeping the driver's code for the logs. */
export const toStorageError = (error: unknown, operation: string): StorageError => {
  if (error instanceof StorageError) return error;
  const shape = shapeOf(error);
  const code = storageCodeOf(shape);
  const driverCode = typeof shape.code === 'string' ? shape.code : undefined;
  const detail = typeof shape.message === 'string' ? shape.message : String(error);
  return new StorageError(code, `${operation} failed: ${detail}`, driverCode, { cause: error });
};

/** Runs one storage operation and turns any driver failure into a StorageError. */
export const storageCall = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    throw toStorageError(error, operation);
  }
};

/** Inserts once: a unique violation is the expected 'duplicate' outcome, anything else a StorageError. */
export const insertOnce = async (operation: string, insert: () => Promise<unknown>): Promise<'inserted' | 'duplicate'> => {
  try {
    await insert();
    return 'inserted';
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw toStorageError(error, operation);
  }
};

/** Parses a row read back from a table; a row the app cannot read is a StorageError, never a guess. */
export const parseRow = <S extends z.ZodType>(schema: S, row: unknown, table: string): z.output<S> => {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; ');
  throw new StorageError('STORAGE.INVALID_ROW', `unreadable row in ${table}: ${issues}`, undefined);
};

const countSchema = z.object({ n: dbInteger });

export const countOf = async (operation: string, run: () => Promise<unknown>, label: string): Promise<number> =>
  parseRow(countSchema, await storageCall(operation, run), label).n;
