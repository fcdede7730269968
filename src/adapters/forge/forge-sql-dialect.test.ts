import { Kysely, sql } from 'kysely';
import type { Database } from '../sql/schema';
import { ForgeSqlDialect, ForgeSqlTransactionsUnsupportedError, toQueryResult, type ForgeSqlClient } from './forge-sql-dialect';

/** Records what the dialect asks of the SDK and answers like Forge SQL does. */
const recordingClient = (answer: unknown) => {
  const calls: { endpoint: 'execute' | 'ddl'; query: string; params: unknown[] }[] = [];
  const client = {
    prepare: (query: string) => ({
      bindParams: (...params: unknown[]) => ({
        execute: () => {
          calls.push({ endpoint: 'execute', query, params });
          return Promise.resolve(answer);
        },
      }),
    }),
    executeDDL: (query: string) => {
      calls.push({ endpoint: 'ddl', query, params: [] });
      return Promise.resolve(answer);
    },
  } as unknown as ForgeSqlClient;
  return { client, calls };
};

describe('the Forge SQL dialect', () => {
  it('sends a query with its parameters through prepare/bindParams/execute and returns the rows', async () => {
    const { client, calls } = recordingClient({ rows: [{ ledger_key: 'k' }], metadata: { dbExecutionTime: 1 } });
    const db = new Kysely<Database>({ dialect: new ForgeSqlDialect(client) });
    const rows = await db.selectFrom('notification_ledger').select('ledger_key').where('kind', '=', 'remind').limit(5).execute();
    expect(rows).toEqual([{ ledger_key: 'k' }]);
    expect(calls).toEqual([
      { endpoint: 'execute', query: 'select `ledger_key` from `notification_ledger` where `kind` = ? limit ?', params: ['remind', 5] },
    ]);
  });

  it("maps Forge's update summary to Kysely's affected-row count", async () => {
    const { client } = recordingClient({ rows: { affectedRows: 3, insertId: 0, fieldCount: 0, info: '', serverStatus: 2, warningStatus: 0 } });
    const db = new Kysely<Database>({ dialect: new ForgeSqlDialect(client) });
    const result = await db.updateTable('approvals').set({ voided_at: 'x' }).where('issue_key', '=', 'SEC-1').executeTakeFirst();
    expect(result.numUpdatedRows).toBe(3n);
  });

  it('sends DDL to the DDL endpoint, without parameters', async () => {
    const { client, calls } = recordingClient({ rows: { affectedRows: 0, insertId: 0 } });
    const db = new Kysely<Database>({ dialect: new ForgeSqlDialect(client) });
    await db.schema.createIndex('ix_t').on('approvals').column('approver').execute();
    expect(calls).toEqual([{ endpoint: 'ddl', query: 'create index `ix_t` on `approvals` (`approver`)', params: [] }]);
  });

  it('refuses transactions loudly instead of running the statements one by one', async () => {
    const { client, calls } = recordingClient({ rows: [] });
    const db = new Kysely<Database>({ dialect: new ForgeSqlDialect(client) });
    const refused = db.transaction().execute((trx) => sql`select 1`.execute(trx));
    await expect(refused).rejects.toBeInstanceOf(ForgeSqlTransactionsUnsupportedError);
    await expect(refused).rejects.toThrow(/Forge SQL has no transactions/);
    expect(calls).toEqual([]);
  });

  it.each([
    ['a body without rows', { metadata: {} }],
    ['rows of the wrong shape', { rows: 'three' }],
  ])('rejects a response with %s', (_what, response) => {
    expect(() => toQueryResult(response)).toThrow(/Unexpected Forge SQL response/);
  });
});
