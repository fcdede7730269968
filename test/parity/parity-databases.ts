import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { createForgeSqlBackend, installForgeSqlFetch } from '../../src/adapters/forge/testing/forge-sql-fetch-shim';
import { createDatabase } from '../../src/adapters/sql/database';
import type { TestDatabaseFactory } from '../../src/adapters/sql/testing/test-database';
import { parityServer, type ParityServer } from './parity-server';

/**
 * Fresh databases on the parity MariaDB, one per `create()`, dropped on close. The collation is TiDB's
 * default (utf8mb4_bin) so keys compare and sort byte for byte, as on Forge SQL and SQLite.
 */
const withAdmin = async <T>(server: ParityServer, run: (admin: Awaited<ReturnType<typeof createConnection>>) => Promise<T>): Promise<T> => {
  const admin = await createConnection({ host: server.host, port: server.port, user: server.user });
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
};

export const createScratchDatabase = async (): Promise<{ server: ParityServer; name: string; drop(): Promise<void> }> => {
  const server = parityServer();
  const name = `parity_${randomBytes(6).toString('hex')}`;
  await withAdmin(server, (admin) => admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`));
  return { server, name, drop: () => withAdmin(server, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name}`)).then(() => undefined) };
};

export const mariadbViaMysql2: TestDatabaseFactory = {
  name: 'MariaDB (mysql2)',
  async create() {
    const scratch = await createScratchDatabase();
    const database = createDatabase({ dialect: 'mysql', ...scratch.server, database: scratch.name, connectionLimit: 8 });
    await database.migrate();
    return {
      database,
      async close() {
        await database.destroy();
        await scratch.drop();
      },
    };
  },
};

let forgeDatabaseOpen = false;

/**
 * The real `@forge/sql` SDK (and its migrationRunner) over the fetch shim, routed to a fresh MariaDB
 * database. Forge has one database per installation and the SDK reaches it through one global, so only one
 * such database may be open at a time in a test file.
 */
export const mariadbViaForgeSql: TestDatabaseFactory = {
  name: 'MariaDB (Forge SQL SDK)',
  async create() {
    if (forgeDatabaseOpen) throw new Error('a Forge SQL test database is already open in this test file');
    forgeDatabaseOpen = true;
    const scratch = await createScratchDatabase();
    const backend = createForgeSqlBackend({ connection: { ...scratch.server, database: scratch.name, connectionLimit: 8 } });
    const uninstall = installForgeSqlFetch(backend.handle);
    const database = createDatabase({ dialect: 'forge' });
    await database.migrate();
    return {
      database,
      async close() {
        await database.destroy();
        uninstall();
        await backend.close();
        await scratch.drop();
        forgeDatabaseOpen = false;
      },
    };
  },
};

export const PARITY_FACTORIES: readonly TestDatabaseFactory[] = [mariadbViaMysql2, mariadbViaForgeSql];
