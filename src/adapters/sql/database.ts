import BetterSqlite3 from 'better-sqlite3';
import { Kysely, MysqlDialect, SqliteDialect } from 'kysely';
import { createPool, type Pool } from 'mysql2';
import { ForgeSqlDialect, type ForgeSqlClient } from '../forge/forge-sql-dialect';
import { runForgeMigrations, type ForgeMigrationRunner } from '../forge/forge-sql-migrations';
import { runMigrations } from './migrate';
import type { Database } from './schema';

/**
 * The composition root's choice of SQL engine. Forge SQL in production; SQLite embedded (sandbox, default
 * test run); MySQL protocol for a real MariaDB (parity suite). A MySQL database must default to the
 * `utf8mb4_bin` collation, as TiDB does, so keys compare byte for byte everywhere.
 */
export type DatabaseConfig =
  | { readonly dialect: 'sqlite'; readonly filename: string }
  | {
      readonly dialect: 'mysql';
      readonly host: string;
      readonly port: number;
      readonly user: string;
      readonly password?: string;
      readonly database: string;
      readonly connectionLimit?: number;
    }
  | { readonly dialect: 'forge'; readonly client?: ForgeSqlClient; readonly migrationRunner?: ForgeMigrationRunner };

export type SqlDialectName = DatabaseConfig['dialect'];

export type SqlDatabase = {
  readonly dialect: SqlDialectName;
  readonly db: Kysely<Database>;
  /** Applies pending migrations and returns the names applied now (empty when up to date). */
  migrate(): Promise<string[]>;
  destroy(): Promise<void>;
};

const sqliteDatabase = (filename: string): SqlDatabase => {
  const database = new BetterSqlite3(filename);
  if (filename !== ':memory:') {
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { dialect: 'sqlite', db, migrate: () => runMigrations(db), destroy: () => db.destroy() };
};

// Numbers come back the way Forge SQL returns them (BIGINT and DECIMAL as strings), so the parity suite
// exercises the same row mapping production does.
const mysqlPool = (config: Extract<DatabaseConfig, { dialect: 'mysql' }>): Pool =>
  createPool({
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    database: config.database,
    connectionLimit: config.connectionLimit ?? 10,
    charset: 'utf8mb4_bin',
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    dateStrings: true,
  });

export const createDatabase = (config: DatabaseConfig): SqlDatabase => {
  switch (config.dialect) {
    case 'sqlite':
      return sqliteDatabase(config.filename);
    case 'mysql': {
      const db = new Kysely<Database>({ dialect: new MysqlDialect({ pool: mysqlPool(config) }) });
      return { dialect: 'mysql', db, migrate: () => runMigrations(db), destroy: () => db.destroy() };
    }
    case 'forge': {
      const db = new Kysely<Database>({ dialect: new ForgeSqlDialect(config.client) });
      return {
        dialect: 'forge',
        db,
        migrate: () => runForgeMigrations(db, config.migrationRunner),
        destroy: () => db.destroy(),
      };
    }
  }
};
