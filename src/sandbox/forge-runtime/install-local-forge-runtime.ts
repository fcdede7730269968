import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { JiraStandIn } from '../jira/jira-stand-in';
import { createKvsApiHandler } from './kvs-api-handler';
import type { LocalKvsStore } from './local-kvs-store';

/**
 * The seam the Forge SDK talks through, implemented locally: `@forge/api`, `@forge/kvs` and `@forge/sql`
 * send every call to `global.__forge_fetch__(target, path, init)` and read invocation metadata from
 * `global.__forge_runtime__`. With both defined, the production adapter code runs unchanged: product
 * requests go to the Jira stand-in (as the app or as the acting user), KVS to a local store, SQL to the
 * handler the storage layer supplies.
 */

export type ForgeFetchTarget = {
  readonly type: string;
  readonly provider?: string;
  readonly remote?: string;
  readonly accountId?: string;
};

export type ForgeFetchInit = {
  readonly method?: string;
  readonly headers?: ConstructorParameters<typeof Headers>[0];
  readonly body?: unknown;
};

/** Answers `@forge/sql` requests (`POST /api/v1/execute`, `/api/v1/execute/ddl`). */
export type SqlFetchHandler = (path: string, init: ForgeFetchInit) => Promise<Response>;

export type LocalAppContext = {
  readonly appVersion?: string;
  readonly environmentType?: 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';
  readonly installationId?: string;
  readonly moduleKey?: string;
  /** Each `runAs` starts an invocation with this budget; Forge's UI invocations get 25 s. */
  readonly invocationTimeoutMs?: number;
};

export type LocalForgeRuntimeOptions = {
  readonly jira: Pick<JiraStandIn, 'handle' | 'app' | 'useInvocationScope'>;
  readonly kvs: LocalKvsStore;
  readonly sql?: SqlFetchHandler;
  readonly appContext?: LocalAppContext;
};

export type LocalForgeRuntime = {
  /**
   * Runs `fn` as one Forge invocation: `asUser()` calls act as `accountId` (none when `null`), and
   * `getAppContext().invocationRemainingTimeInMillis()` counts down from the invocation budget.
   */
  runAs<T>(accountId: string | null, fn: () => T | Promise<T>): Promise<T>;
  /** Removes the globals again (restoring whatever was there before). */
  uninstall(): void;
};

type Invocation = { readonly accountId: string | null; readonly invocationId: string; readonly startedAt: number };

type ForgeGlobals = { __forge_fetch__?: unknown; __forge_runtime__?: unknown };

const DEFAULT_INVOCATION_TIMEOUT_MS = 25_000;

const noopMetrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  gauge: () => ({ set: () => undefined }),
};

const bodyText = (body: unknown): string | undefined => {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  throw new TypeError('the local Forge runtime only forwards string request bodies (the SDK sends JSON strings)');
};

/** A Fetch `Response`; statuses that cannot carry a body get none. */
const toResponse = (status: number, headers: Readonly<Record<string, string>>, body: string): Response =>
  new Response([204, 205, 304].includes(status) || body === '' ? null : body, { status, headers });

export function installLocalForgeRuntime(options: LocalForgeRuntimeOptions): LocalForgeRuntime {
  const invocations = new AsyncLocalStorage<Invocation>();
  const kvsApi = createKvsApiHandler(options.kvs);
  const context = options.appContext ?? {};
  const timeoutMs = context.invocationTimeoutMs ?? DEFAULT_INVOCATION_TIMEOUT_MS;
  const installationId = context.installationId ?? randomUUID();
  const { appId, environmentId } = options.jira.app;

  const requestJira = async (target: ForgeFetchTarget, path: string, init: ForgeFetchInit): Promise<Response> => {
    let asUser: string | null;
    if (target.provider === 'app') asUser = null;
    else if (target.provider === 'user') {
      const accountId = target.accountId ?? invocations.getStore()?.accountId ?? null;
      if (accountId === null) {
        throw new Error('asUser() needs an acting user: run the code inside runtime.runAs(accountId, ...) or pass asUser(accountId)');
      }
      asUser = accountId;
    } else {
      throw new Error('requestJira without asApp() or asUser() is not supported by the local Forge runtime');
    }
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = bodyText(init.body);
    const response = await options.jira.handle({
      method: init.method ?? 'GET',
      path,
      headers,
      ...(body === undefined ? {} : { body }),
      asUser,
    });
    return toResponse(response.status, response.headers, response.body);
  };

  const requestKvs = (path: string, init: ForgeFetchInit): Response => {
    const text = bodyText(init.body);
    const result = kvsApi(path, text === undefined ? undefined : (JSON.parse(text) as unknown));
    return toResponse(result.status, { 'content-type': 'application/json' }, result.body === undefined ? '' : JSON.stringify(result.body));
  };

  const forgeFetch = async (target: ForgeFetchTarget, path: string, init: ForgeFetchInit = {}): Promise<Response> => {
    if (target.type === 'fpp' && target.remote === 'jira') return requestJira(target, path, init);
    if (target.type === 'kvs') return requestKvs(path, init);
    if (target.type === 'sql') {
      if (options.sql === undefined) throw new Error('no SQL handler was given to the local Forge runtime');
      return options.sql(path, init);
    }
    throw new Error(`the local Forge runtime does not serve ${JSON.stringify(target)} ${path}`);
  };

  const runtime = {
    proxy: { token: 'local-forge-runtime', url: 'http://local-forge-runtime.invalid' },
    get appContext() {
      return {
        appId,
        appVersion: context.appVersion ?? '1.0.0',
        environmentId,
        environmentType: context.environmentType ?? 'DEVELOPMENT',
        invocationId: invocations.getStore()?.invocationId ?? 'outside-any-invocation',
        installationId,
        moduleKey: context.moduleKey ?? 'local',
        permissions: { scopes: [], external: {} },
      };
    },
    lambdaContext: {
      getRemainingTimeInMillis: (): number => {
        const started = invocations.getStore()?.startedAt;
        return started === undefined ? timeoutMs : Math.max(0, Math.round(timeoutMs - (performance.now() - started)));
      },
    },
    get aaid(): string | undefined {
      return invocations.getStore()?.accountId ?? undefined;
    },
    metrics: noopMetrics,
    tracing: { traceId: 'local', spanId: 'local' },
    externalAuth: [],
  };

  const globals = globalThis as ForgeGlobals;
  const previous = { fetch: globals.__forge_fetch__, runtime: globals.__forge_runtime__ };
  globals.__forge_fetch__ = forgeFetch;
  globals.__forge_runtime__ = runtime;

  const runAs = <T>(accountId: string | null, fn: () => T | Promise<T>): Promise<T> =>
    invocations.run({ accountId, invocationId: randomUUID(), startedAt: performance.now() }, async () => fn());
  options.jira.useInvocationScope(runAs);

  return {
    runAs,
    uninstall() {
      globals.__forge_fetch__ = previous.fetch;
      globals.__forge_runtime__ = previous.runtime;
      options.jira.useInvocationScope((_accountId, fn) => fn());
    },
  };
}
