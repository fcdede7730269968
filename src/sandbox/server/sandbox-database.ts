import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createConnection } from 'mysql2/promise';
import { z } from 'zod';
import { createDatabase, type DatabaseConfig, type SqlDatabase } from '../../adapters/sql/database';

/**
 * The sandbox's SQL database, fresh on every start because the Jira stand-in starts empty: a register that
 * remembered exceptions Jira has never heard of would be drift on purpose. SQLite in the data directory by default;
 * a MariaDB/MySQL database when `SANDBOX_DB=mysql://user:password@host:port/database` names one, which the sandbox
 * drops and re-creates (with TiDB's byte-wise collation, as the parity suite does), so point it at a scratch database.
 */

export const SQLITE_FILE = 'register.sqlite';

const mysqlUrlSchema = z
  .url({ protocol: /^mysql$/, error: 'SANDBOX_DB must look like mysql://user:password@host:3306/database' })
  .transform((text) => new URL(text))
  .pipe(
    z.custom<URL>((url) => url instanceof URL && /^\/[A-Za-z0-9_]{1,64}$/.test(url.pathname), {
      error: 'SANDBOX_DB must name a database of letters, digits and underscores, e.g. mysql://root@127.0.0.1:3306/sandbox',
    }),
  );

export type SandboxDatabaseChoice = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'mysql'; readonly url: URL };

export const chooseDatabase = (dataDir: string, sandboxDb: string | undefined): SandboxDatabaseChoice =>
  sandboxDb === undefined || sandboxDb === '' ? { kind: 'sqlite', file: join(dataDir, SQLITE_FILE) } : { kind: 'mysql', url: mysqlUrlSchema.parse(sandboxDb) };

const mysqlConfig = (url: URL): Extract<DatabaseConfig, { dialect: 'mysql' }> => ({
  dialect: 'mysql',
  host: url.hostname,
  port: url.port === '' ? 3306 : Number(url.port),
  user: decodeURIComponent(url.username),
  ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
  database: url.pathname.slice(1),
});

const recreateMysqlDatabase = async (config: Extract<DatabaseConfig, { dialect: 'mysql' }>): Promise<void> => {
  const admin = await createConnection({ host: config.host, port: config.port, user: config.user, password: config.password });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${config.database}\``);
    await admin.query(`CREATE DATABASE \`${config.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await admin.end();
  }
};

/** Opens an empty database; the app's install event creates its schema, as it does in Forge. */
export const openFreshDatabase = async (choice: SandboxDatabaseChoice): Promise<SqlDatabase> => {
  if (choice.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${choice.file}${suffix}`, { force: true });
    mkdirSync(join(choice.file, '..'), { recursive: true });
    const database = createDatabase({ dialect: 'sqlite', filename: choice.file });
    // The sandbox's register is rebuilt on every start, so a commit need not wait for the disk: without an fsync per
    // commit, seeding takes a third of the time. WAL keeps the file consistent either way.
    await sql`PRAGMA synchronous = NORMAL`.execute(database.db);
    return database;
  }
  const config = mysqlConfig(choice.url);
  await recreateMysqlDatabase(config);
  return createDatabase(config);
};

/** Where the database is, for the start-up banner; never prints the password. */
export const describeDatabase = (choice: SandboxDatabaseChoice): string =>
  choice.kind === 'sqlite' ? `SQLite ${choice.file}` : `MySQL ${choice.url.hostname}:${choice.url.port || '3306'}/${choice.url.pathname.slice(1)}`;
