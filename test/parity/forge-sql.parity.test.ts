import { ForgeSQLAPIError, migrationRunner, sql } from '@forge/sql';
import { ForgeSqlTransactionsUnsupportedError } from '../../src/adapters/forge/forge-sql-dialect';
import { createForgeSqlBackend, installForgeSqlFetch, type ForgeSqlBackend } from '../../src/adapters/forge/testing/forge-sql-fetch-shim';
import { createDatabase, type SqlDatabase } from '../../src/adapters/sql/database';
import { MIGRATIONS } from '../../src/adapters/sql/migrations';
import { SqlNotificationLedger } from '../../src/adapters/sql/sql-notification-ledger';
import { SqlRegisterRepository } from '../../src/adapters/sql/sql-register-repository';
import { toStorageError } from '../../src/adapters/sql/sql-errors';
import { aRegisterEntry } from '../../src/adapters/sql/testing/builders';
import { createScratchDatabase } from './parity-databases';

/**
 * What is specific to Forge SQL, through the real SDK and the fetch shim on MariaDB: the migration runner,
 * the value types it returns, its error path, and the platform limits the shim enforces.
 */
describe('the Forge SQL dialect through the real @forge/sql SDK', () => {
  let drop: () => Promise<void>;
  let backend: ForgeSqlBackend;
  let uninstall: () => void;
  let database: SqlDatabase;

  beforeEach(async () => {
    const scratch = await createScratchDatabase();
    drop = () => scratch.drop();
    backend = createForgeSqlBackend({ connection: { ...scratch.server, database: scratch.name }, limits: { selectMs: 500 } });
    uninstall = installForgeSqlFetch(backend.handle);
    database = createDatabase({ dialect: 'forge' });
  });
  afterEach(async () => {
    await database.destroy();
    uninstall();
    await backend.close();
    await drop();
  });

  const sdkError = async (run: () => Promise<unknown>): Promise<ForgeSQLAPIError> => {
    try {
      await run();
    } catch (error) {
      if (error instanceof ForgeSQLAPIError) return error;
      throw error;
    }
    throw new Error('the statement did not fail');
  };

  it("applies the migrations through the SDK's migrationRunner once, recorded in its own table", async () => {
    const names = MIGRATIONS.map((migration) => migration.name);
    expect(await database.migrate()).toEqual(names);
    expect(await database.migrate()).toEqual([]);
    expect((await migrationRunner.list()).map((applied) => applied.name)).toEqual(names);
  });

  it('returns DECIMAL and BIGINT as strings, which the repositories read as numbers', async () => {
    await database.migrate();
    const register = new SqlRegisterRepository(database);
    await register.save(aRegisterEntry({ issueKey: 'SEC-5', riskScore: 7.5 }), 'absent');
    const raw = await sql.prepare<{ risk_score: unknown; n: unknown }>('select risk_score, count(*) as n from exception_register').execute();
    expect(raw.rows).toEqual([{ risk_score: '7.5', n: '1' }]);
    expect(await register.get('SEC-5')).toMatchObject({ riskScore: 7.5, version: 1 });
    expect(await register.count({ projectKey: 'SEC' })).toBe(1);
  });

  it('refuses transactions: the dialect before sending anything, the platform for raw statements', async () => {
    await expect(database.db.transaction().execute(() => Promise.resolve())).rejects.toBeInstanceOf(ForgeSqlTransactionsUnsupportedError);
    expect(await sdkError(() => sql.executeRaw('START TRANSACTION'))).toMatchObject({ code: 'SQL_POLICY_VIOLATION' });
  });

  it('runs one statement per call', async () => {
    expect(await sdkError(() => sql.executeRaw('select 1; select 2'))).toMatchObject({ code: 'SQL_EXECUTION_ERROR' });
  });

  it('surfaces a failing statement as the SDK error with its code, which the repository maps to a typed error', async () => {
    await database.migrate();
    await sql.executeDDL('drop table notification_ledger');
    const failure = new SqlNotificationLedger(database).has('remind:SEC-1');
    await expect(failure).rejects.toMatchObject({ name: 'StorageError', code: 'STORAGE.QUERY_FAILED', driverCode: 'SQL_EXECUTION_ERROR' });
    const cause: unknown = await failure.catch((error: { cause?: unknown }) => error.cause);
    expect(cause).toBeInstanceOf(ForgeSQLAPIError);
    expect(cause).toMatchObject({ context: { debug: { errno: 1146 } } });
  });

  it('reports a duplicate key as the SDK error that the repositories turn into an outcome', async () => {
    await database.migrate();
    const insert = () =>
      sql.prepare('insert into notification_ledger (ledger_key, kind, recorded_at) values (?, ?, ?)').bindParams('k', 'test', 'now').execute();
    await insert();
    expect(await sdkError(insert)).toMatchObject({ code: 'SQL_EXECUTION_ERROR', context: { debug: { errno: 1062, code: 'ER_DUP_ENTRY' } } });
    const ledger = new SqlNotificationLedger(database);
    const record = { key: 'remind:SEC-2', kind: 'remind', issueKey: 'SEC-2', at: '2027-01-01T00:00:00Z' };
    expect([await ledger.recordOnce(record), await ledger.recordOnce(record)]).toEqual(['recorded', 'already-recorded']);
  });

  it('times a SELECT out at its limit as QUERY_TIMED_OUT, a typed timeout for the app', async () => {
    const error = await sdkError(() => sql.executeRaw('select sleep(2) as slept'));
    expect(error).toMatchObject({ code: 'QUERY_TIMED_OUT' });
    expect(toStorageError(error, 'read')).toMatchObject({ code: 'STORAGE.TIMED_OUT' });
  });

  it('refuses a response larger than Forge SQL returns', async () => {
    expect(await sdkError(() => sql.executeRaw("select repeat('x', 5000000) as big"))).toMatchObject({ code: 'UNKNOWN_ERROR' });
  });
});
