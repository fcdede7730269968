import { migrationRunner as sdkMigrationRunner } from '@forge/sql';
import type { Kysely } from 'kysely';
import { MIGRATIONS, type Migration } from '../sql/migrations';

/**
 * Runs the schema migrations through Forge's own `migrationRunner`, which records applied names per
 * installation in its `__migrations` table: the install trigger and the hourly trigger both call this, and
 * a second call applies nothing. The statements are compiled by the Forge dialect's MySQL compiler.
 */
export type ForgeMigrationRunner = {
  enqueue(name: string, statement: string): unknown;
  run(): Promise<string[]>;
};

export const runForgeMigrations = async <DB>(
  db: Kysely<DB>,
  runner: ForgeMigrationRunner = sdkMigrationRunner,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<string[]> => {
  for (const migration of migrations) {
    const compiled = migration.statement(db.schema).compile();
    if (compiled.parameters.length > 0) throw new Error(`migration ${migration.name} must not bind parameters`);
    runner.enqueue(migration.name, compiled.sql);
  }
  return runner.run();
};
