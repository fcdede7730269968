import { sql } from 'kysely';
import { MIGRATIONS } from '../migrations';
import type { TestDatabaseFactory } from './test-database';

/** The migrations on every engine: all tables exist after a first run, and a second run applies nothing. */
export const describeMigrations = (factory: TestDatabaseFactory): void => {
  describe(`migrations on ${factory.name}`, () => {
    it('are applied once: running them again is a no-op that leaves the data alone', async () => {
      const testDb = await factory.create();
      try {
        const { db } = testDb.database;
        await db.insertInto('notification_ledger').values({ ledger_key: 'k', kind: 'test', issue_key: null, recorded_at: 'now' }).execute();
        expect(await testDb.database.migrate()).toEqual([]);
        const tables = ['exception_register', 'exception_assets', 'exception_controls', 'approvals', 'audit_chain'] as const;
        for (const table of tables) {
          const counted = await sql<{ n: unknown }>`select count(*) as n from ${sql.table(table)}`.execute(db);
          expect(Number(counted.rows[0]?.n)).toBe(0);
        }
        expect(await db.selectFrom('notification_ledger').select('ledger_key').execute()).toEqual([{ ledger_key: 'k' }]);
      } finally {
        await testDb.close();
      }
    });

    it('fit into one minute of Forge SQL DDL on a first install (25 statements, 2 spent by the runner)', () => {
      expect(MIGRATIONS.length).toBeLessThanOrEqual(23);
      expect(new Set(MIGRATIONS.map((migration) => migration.name)).size).toBe(MIGRATIONS.length);
      expect(MIGRATIONS.map((migration) => migration.name)).toEqual(
        MIGRATIONS.map((migration, i) => expect.stringMatching(new RegExp(`^v${String(i + 1).padStart(3, '0')}_[a-z_]+$`)) as string),
      );
    });
  });
};
