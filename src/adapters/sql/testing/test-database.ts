import { createDatabase, type SqlDatabase } from '../database';

/**
 * What the shared repository suites run against: a factory of fresh, migrated databases. The default run
 * uses in-memory SQLite; the parity run passes MariaDB factories (through mysql2, and through the real
 * `@forge/sql` SDK), so every repository test is written once and run on every engine.
 */
export type TestDatabase = {
  readonly database: SqlDatabase;
  close(): Promise<void>;
};

export type TestDatabaseFactory = {
  readonly name: string;
  create(): Promise<TestDatabase>;
};

export const sqliteInMemory: TestDatabaseFactory = {
  name: 'SQLite (in memory)',
  async create() {
    const database = createDatabase({ dialect: 'sqlite', filename: ':memory:' });
    await database.migrate();
    return { database, close: () => database.destroy() };
  },
};
