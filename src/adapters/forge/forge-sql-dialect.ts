import { sql as forgeSql } from '@forge/sql';
import {
  MysqlAdapter,
  MysqlIntrospector,
  MysqlQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type OperationNodeKind,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import { z } from 'zod';

/**
 * A Kysely dialect over `@forge/sql`. Forge SQL speaks MySQL (TiDB underneath), so the MySQL adapter,
 * compiler and introspector are reused; only the driver differs: every statement is one HTTP call through
 * `sql.prepare().bindParams().execute()`, DDL goes to the SDK's DDL endpoint, and there are no transactions.
 * Rather than pretend, the driver refuses them, and the repositories are written to be correct without.
 */
export type ForgeSqlClient = Pick<typeof forgeSql, 'prepare' | 'executeDDL'>;

export class ForgeSqlTransactionsUnsupportedError extends Error {
  override readonly name = 'ForgeSqlTransactionsUnsupportedError';
  constructor(what: string) {
    super(
      `Forge SQL has no transactions, so ${what} is refused. Write the operation as idempotent upserts, ` +
        'version-checked conditional updates and inserts guarded by unique keys instead.',
    );
  }
}

const DDL_KINDS: ReadonlySet<OperationNodeKind> = new Set<OperationNodeKind>([
  'CreateTableNode',
  'CreateIndexNode',
  'CreateViewNode',
  'DropTableNode',
  'DropIndexNode',
  'DropViewNode',
  'AlterTableNode',
]);

const rowsSchema = z.array(z.record(z.string(), z.unknown()));
const updateSchema = z.object({ affectedRows: z.number(), insertId: z.number() });
const responseSchema = z.object({ rows: z.union([rowsSchema, updateSchema]) });

/** The SDK returns either the selected rows or MySQL's update summary; Kysely wants one shape. */
export const toQueryResult = <R>(response: unknown): QueryResult<R> => {
  const parsed = responseSchema.safeParse(response);
  if (!parsed.success) throw new Error(`Unexpected Forge SQL response: ${JSON.stringify(response).slice(0, 500)}`);
  const { rows } = parsed.data;
  if (Array.isArray(rows)) return { rows: rows as R[] };
  return { rows: [], numAffectedRows: BigInt(rows.affectedRows), insertId: BigInt(rows.insertId) };
};

class ForgeSqlConnection implements DatabaseConnection {
  constructor(private readonly client: ForgeSqlClient) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (DDL_KINDS.has(compiled.query.kind)) {
      if (compiled.parameters.length > 0) throw new Error(`DDL cannot bind parameters on Forge SQL: ${compiled.sql}`);
      const response: unknown = await this.client.executeDDL(compiled.sql);
      // DDL answers with an update summary (or nothing useful): nothing to map.
      const parsed = responseSchema.safeParse(response);
      return parsed.success ? toQueryResult<R>(parsed.data) : { rows: [] };
    }
    const response: unknown = await this.client
      .prepare(compiled.sql)
      .bindParams(...compiled.parameters)
      .execute();
    return toQueryResult<R>(response);
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Forge SQL cannot stream results: page with keyset pagination instead.');
  }
}

class ForgeSqlDriver implements Driver {
  private readonly connection: ForgeSqlConnection;

  constructor(client: ForgeSqlClient) {
    this.connection = new ForgeSqlConnection(client);
  }

  async init(): Promise<void> {}

  // Each statement is an independent HTTP call, so one stateless connection serves every caller concurrently.
  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(this.connection);
  }

  beginTransaction(): Promise<void> {
    return Promise.reject(new ForgeSqlTransactionsUnsupportedError('beginTransaction (Kysely transaction())'));
  }

  commitTransaction(): Promise<void> {
    return Promise.reject(new ForgeSqlTransactionsUnsupportedError('commit'));
  }

  rollbackTransaction(): Promise<void> {
    return Promise.reject(new ForgeSqlTransactionsUnsupportedError('rollback'));
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}

export class ForgeSqlDialect implements Dialect {
  constructor(private readonly client: ForgeSqlClient = forgeSql) {}

  createAdapter(): DialectAdapter {
    return new MysqlAdapter();
  }

  createDriver(): Driver {
    return new ForgeSqlDriver(this.client);
  }

  createQueryCompiler(): QueryCompiler {
    return new MysqlQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new MysqlIntrospector(db);
  }
}
