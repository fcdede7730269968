import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { StorageError } from '../../app/ports/storage-error';
import { insertOnce, isUniqueViolation, parseRow, storageCall, toStorageError } from './sql-errors';

const sqliteErrorOf = (statements: readonly string[]): Error => {
  const db = new BetterSqlite3(':memory:');
  try {
    for (const statement of statements) db.exec(statement);
  } catch (error) {
    // The native module's errors come from another realm than jest's Error, so instanceof cannot tell.
    return error as Error;
  } finally {
    db.close();
  }
  throw new Error('the statements did not fail');
};

const duplicatePrimaryKey = sqliteErrorOf(['create table t (k text primary key)', "insert into t values ('a')", "insert into t values ('a')"]);
const duplicateUnique = sqliteErrorOf(['create table t (k text unique)', "insert into t values ('a')", "insert into t values ('a')"]);
const notNull = sqliteErrorOf(['create table t (k text not null)', 'insert into t values (null)']);

/** As mysql2 raises them against MariaDB. */
const mysqlDuplicate = Object.assign(new Error("Duplicate entry 'a' for key 'PRIMARY'"), { code: 'ER_DUP_ENTRY', errno: 1062, sqlState: '23000' });
const mysqlNoTable = Object.assign(new Error("Table 'x.t' doesn't exist"), { code: 'ER_NO_SUCH_TABLE', errno: 1146 });

describe('driver errors', () => {
  it.each([
    ['SQLite primary key', duplicatePrimaryKey, true],
    ['SQLite unique constraint', duplicateUnique, true],
    ['SQLite NOT NULL', notNull, false],
    ['mysql2 duplicate entry', mysqlDuplicate, true],
    ['mysql2 missing table', mysqlNoTable, false],
    ['a plain error', new Error('boom'), false],
    ['a string', 'boom', false],
  ])('recognise a unique violation: %s -> %p', (_what, error, expected) => {
    expect(isUniqueViolation(error)).toBe(expected);
  });

  it.each([
    ['a mysql2 query timeout', Object.assign(new Error('Query inactivity timeout'), { code: 'PROTOCOL_SEQUENCE_TIMEOUT' }), 'STORAGE.TIMED_OUT'],
    ['a busy SQLite file', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), 'STORAGE.TIMED_OUT'],
    ['a missing table', mysqlNoTable, 'STORAGE.QUERY_FAILED'],
    ['something unknown', 'boom', 'STORAGE.QUERY_FAILED'],
  ])('turn %s into %s, keeping the driver error as the cause', (_what, error, code) => {
    const wrapped = toStorageError(error, 'read things');
    expect(wrapped).toMatchObject({ code, cause: error });
    expect(wrapped.message).toMatch(/^read things failed: /);
  });

  it('pass a StorageError through unchanged', () => {
    const original = new StorageError('STORAGE.INVALID_ROW', 'bad row', undefined);
    expect(toStorageError(original, 'anything')).toBe(original);
  });

  it('report a duplicate insert as an outcome and any other failure as a StorageError', async () => {
    await expect(insertOnce('insert', () => Promise.reject(duplicatePrimaryKey))).resolves.toBe('duplicate');
    await expect(insertOnce('insert', () => Promise.resolve())).resolves.toBe('inserted');
    await expect(insertOnce('insert', () => Promise.reject(notNull))).rejects.toMatchObject({ code: 'STORAGE.QUERY_FAILED', driverCode: 'SQLITE_CONSTRAINT_NOTNULL' });
    await expect(storageCall('read', () => Promise.reject(mysqlNoTable))).rejects.toMatchObject({ driverCode: 'ER_NO_SUCH_TABLE' });
  });

  it('name the table and the column of an unreadable row', () => {
    expect(() => parseRow(z.object({ n: z.number() }), { n: 'x' }, 'things')).toThrow(/unreadable row in things: n: /);
  });
});
