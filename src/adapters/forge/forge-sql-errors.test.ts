import { errorCodes, sql } from '@forge/sql';
import { isUniqueViolation, toStorageError } from '../sql/sql-errors';
import { installForgeSqlFetch } from './testing/forge-sql-fetch-shim';

/**
 * The errors the real @forge/sql SDK raises, produced by the SDK itself from error responses, and how the
 * repositories read them: a duplicate key is an expected outcome, anything else a typed StorageError.
 */
const sdkErrorFor = async (status: number, body: unknown): Promise<unknown> => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const uninstall = installForgeSqlFetch(() => Promise.resolve(new Response(text, { status })));
  try {
    await sql.prepare('insert into t values (?)').bindParams('a').execute();
    return undefined;
  } catch (error) {
    return error;
  } finally {
    uninstall();
  }
};

const duplicateBody = {
  code: errorCodes.SQL_EXECUTION_ERROR,
  message: "Duplicate entry 'a' for key 'PRIMARY'",
  debug: { code: 'ER_DUP_ENTRY', errno: 1062, sqlState: '23000', sqlMessage: "Duplicate entry 'a' for key 'PRIMARY'" },
};

describe('Forge SQL SDK errors', () => {
  it('recognise a duplicate key reported in the debug field as a unique violation', async () => {
    const error = await sdkErrorFor(400, duplicateBody);
    expect(error).toMatchObject({ name: 'ForgeSQLError', code: 'SQL_EXECUTION_ERROR', context: { debug: { errno: 1062 } } });
    expect(isUniqueViolation(error)).toBe(true);
  });

  it.each([
    [
      'a failing statement',
      400,
      { code: errorCodes.SQL_EXECUTION_ERROR, message: "Table 't' doesn't exist", debug: { errno: 1146 } },
      'STORAGE.QUERY_FAILED',
      'SQL_EXECUTION_ERROR',
    ],
    ['a timed-out query', 504, { code: errorCodes.QUERY_TIMED_OUT, message: 'Too slow' }, 'STORAGE.TIMED_OUT', 'QUERY_TIMED_OUT'],
    ['a rate-limited call', 429, { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' }, 'STORAGE.RATE_LIMITED', 'RATE_LIMIT_EXCEEDED'],
    ['a response that is not JSON', 502, '<html>Bad gateway</html>', 'STORAGE.QUERY_FAILED', 'UNKNOWN_ERROR'],
  ])('map %s to a typed StorageError', async (_what, status, body, code, driverCode) => {
    const error = await sdkErrorFor(status, body);
    expect(isUniqueViolation(error)).toBe(false);
    expect(toStorageError(error, 'write')).toMatchObject({ code, driverCode, cause: error });
  });
});
