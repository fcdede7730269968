import { sql, type Kysely } from 'kysely';
import { MIGRATIONS, type Migration } from './migrations';

/**
 * Applies pending migrations on SQLite and MySQL/MariaDB, with the same contract as Forge's
 * `migrationRunner`: statements run in order, each name once, and the names applied by this call are
 * returned. The bookkeeping table is this runner's own; under Forge the SDK keeps its own `__migrations`.
 * Migrations run from one place at start-up (the composition root), never from concurrent requests.
 */
const LEDGER = 'schema_migrations';

export const runMigrations = async <DB>(db: Kysely<DB>, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> => {
  await db.schema
    .createTable(LEDGER)
    .ifNotExists()
    .addColumn('name', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('applied_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  const applied = await sql<{ name: string }>`select name from ${sql.table(LEDGER)}`.execute(db);
  const done = new Set(applied.rows.map((row) => row.name));
  const ran: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    await db.executeQuery(migration.statement(db.schema).compile());
    await sql`insert into ${sql.table(LEDGER)} (name, applied_at) values (${migration.name}, ${new Date().toISOString()})`.execute(db);
    ran.push(migration.name);
  }
  return ran;
};
