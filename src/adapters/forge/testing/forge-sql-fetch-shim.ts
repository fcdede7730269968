import { createPool, type FieldPacket, type PoolOptions, type ResultSetHeader } from 'mysql2/promise';
import { z } from 'zod';

/**
 * Forge SQL outside Forge. The real `@forge/sql` SDK posts `{query, params, method}` through
 * `global.__forge_fetch__({type: 'sql', ...}, path, init)` to `/api/v1/execute` (DML and queries) or
 * `/api/v1/execute/ddl` (DDL and the migration runner's bookkeeping), and reads `{rows, metadata}` back, or
 * an error body `{code, message, ...}` that it raises as `ForgeSQLAPIError`. This backend answers those
 * requests from a MySQL-protocol server (MariaDB here), shaped the way Forge SQL answers them: BIGINT and
 * DECIMAL as strings, dates as strings, UPDATE summaries as `UpdateQueryResponse`, the database's own error
 * in the `debug` field, and Forge's documented per-query limits (time per statement kind, response size,
 * one statement per call, no transactions) enforced.
 */
export type ForgeFetchTarget = { readonly type: string; readonly provider?: string; readonly remote?: string };
/** What the SDK passes as fetch options; only the method and the JSON body matter here. */
export type ForgeSqlRequestInit = { readonly method?: string; readonly body?: unknown };
export type ForgeFetch = (target: ForgeFetchTarget, path: string, init?: ForgeSqlRequestInit) => Promise<Response>;
export type ForgeSqlHandler = (path: string, init?: ForgeSqlRequestInit) => Promise<Response>;

export type ForgeSqlLimits = {
  readonly selectMs: number;
  readonly dmlMs: number;
  readonly ddlMs: number;
  readonly responseBytes: number;
};

/** Forge SQL's documented per-query limits. */
export const FORGE_SQL_LIMITS: ForgeSqlLimits = { selectMs: 5_000, dmlMs: 10_000, ddlMs: 20_000, responseBytes: 4 * 1024 * 1024 };

export const FORGE_SQL_PATHS = { execute: '/api/v1/execute', executeDdl: '/api/v1/execute/ddl' } as const;

const requestSchema = z.object({
  query: z.string().min(1),
  params: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).default([]),
  method: z.string().default('all'),
});

const TRANSACTION_CONTROL = /^\s*(start\s+transaction|begin|commit|rollback|savepoint|release\s+savepoint|set\s+(session\s+)?autocommit|lock\s+tables|unlock\s+tables)\b/i;
const SELECT = /^\s*(\(\s*)*(select|with|explain|show|describe)\b/i;

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const forgeError = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response =>
  json(status, { code, message, ...extra });

type MysqlErrorShape = { code?: unknown; errno?: unknown; sqlState?: unknown; sqlMessage?: unknown; message?: unknown };

const isTimeout = (error: MysqlErrorShape): boolean => error.code === 'PROTOCOL_SEQUENCE_TIMEOUT';

const updateResponseOf = (header: ResultSetHeader) => ({
  affectedRows: header.affectedRows,
  fieldCount: header.fieldCount,
  info: header.info,
  insertId: header.insertId,
  serverStatus: header.serverStatus ?? 0,
  warningStatus: header.warningStatus,
});

const fieldsOf = (fields: readonly FieldPacket[] | undefined) =>
  (fields ?? []).map((field) => ({ name: field.name, table: field.table, columnType: field.columnType, flags: field.flags }));

export type ForgeSqlBackend = {
  readonly handle: ForgeSqlHandler;
  close(): Promise<void>;
};

export type ForgeSqlBackendOptions = {
  readonly connection: Pick<PoolOptions, 'host' | 'port' | 'user' | 'password' | 'database' | 'connectionLimit'>;
  readonly limits?: Partial<ForgeSqlLimits>;
};

export const createForgeSqlBackend = (options: ForgeSqlBackendOptions): ForgeSqlBackend => {
  const limits: ForgeSqlLimits = { ...FORGE_SQL_LIMITS, ...options.limits };
  const pool = createPool({
    ...options.connection,
    charset: 'utf8mb4_bin',
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    dateStrings: true,
    multipleStatements: false,
  });

  const handle: ForgeSqlHandler = async (path, init) => {
    const isDdl = path === FORGE_SQL_PATHS.executeDdl;
    if (!isDdl && path !== FORGE_SQL_PATHS.execute) return forgeError(404, 'UNKNOWN_ERROR', `No Forge SQL endpoint at ${path}`);
    if (init?.method !== 'POST' || typeof init.body !== 'string') return forgeError(400, 'INVALID_SQL_QUERY', 'Expected a JSON POST body');
    let body: unknown;
    try {
      body = JSON.parse(init.body);
    } catch {
      return forgeError(400, 'INVALID_SQL_QUERY', 'Request body is not JSON');
    }
    const request = requestSchema.safeParse(body);
    if (!request.success) return forgeError(400, 'INVALID_SQL_QUERY', `Malformed request: ${request.error.message}`);
    const { query, params } = request.data;
    if (TRANSACTION_CONTROL.test(query)) {
      return forgeError(400, 'SQL_POLICY_VIOLATION', 'Transactions are not supported by Forge SQL', { queryType: 'TRANSACTION' });
    }
    const timeout = isDdl ? limits.ddlMs : SELECT.test(query) ? limits.selectMs : limits.dmlMs;
    const started = performance.now();
    try {
      const [result, fields] = await pool.query({ sql: query, values: params, timeout });
      const dbExecutionTime = Math.round(performance.now() - started);
      const rows = Array.isArray(result) ? result : updateResponseOf(result as ResultSetHeader);
      const payload = JSON.stringify({ rows, metadata: { dbExecutionTime, responseSize: 0, fields: fieldsOf(fields) } });
      if (Buffer.byteLength(payload) > limits.responseBytes) {
        // Forge refuses oversized responses; its exact code for this is not documented, so the SDK's generic one is used.
        return forgeError(400, 'UNKNOWN_ERROR', `Response exceeds the ${limits.responseBytes} byte limit of Forge SQL: page the query`);
      }
      return new Response(payload, { status: 200, headers: { 'content-type': 'application/json' } });
    } catch (error) {
      const shape: MysqlErrorShape = typeof error === 'object' && error !== null ? error : {};
      if (isTimeout(shape)) {
        return forgeError(504, 'QUERY_TIMED_OUT', `The query took more than ${timeout} ms to execute`);
      }
      const message = typeof shape.message === 'string' ? shape.message : String(error);
      return forgeError(400, 'SQL_EXECUTION_ERROR', message, {
        debug: { code: shape.code, errno: shape.errno, sqlState: shape.sqlState, sqlMessage: shape.sqlMessage, message },
      });
    }
  };

  return { handle, close: () => pool.end() };
};

type ForgeGlobals = { __forge_fetch__?: ForgeFetch };

/**
 * Routes the SDK's `sql` requests to `handler` by installing `global.__forge_fetch__`; every other target
 * is refused so a test never talks to something it did not set up. Returns a function that restores the
 * previous value.
 */
export const installForgeSqlFetch = (handler: ForgeSqlHandler): (() => void) => {
  const globals = globalThis as ForgeGlobals;
  const previous = globals.__forge_fetch__;
  globals.__forge_fetch__ = (target, path, init) =>
    target.type === 'sql' ? handler(path, init) : Promise.reject(new Error(`No Forge fetch handler for target type "${target.type}"`));
  return () => {
    globals.__forge_fetch__ = previous;
  };
};
