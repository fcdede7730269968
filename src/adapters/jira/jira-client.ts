import { z } from 'zod';
import { ok } from '../../domain/shared/result';
import {
  codeForStatus,
  describeFailure,
  invalidResponse,
  jiraFailure,
  readJiraErrorBody,
  type JiraFailure,
  type JiraResult,
} from './jira-errors';
import type { JiraHttpResponse, RequestJira } from './request-jira';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, type RetryPolicy } from './retry-policy';

export type JiraMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type JiraCall<T> = {
  /** The gateway operation's name, used in failure messages. */
  readonly operation: string;
  readonly method: JiraMethod;
  /** Built with `jiraPath` and `withQuery`. */
  readonly path: string;
  readonly body?: unknown;
  /** Parses the JSON body (or `undefined` when Jira sent none); only the fields the app uses are declared. */
  readonly response: z.ZodType<T>;
  /** POSTs that only read (search, bulk fetch, permission checks) are safe to repeat; other POSTs are not. */
  readonly idempotent?: boolean;
};

export type JiraClientDeps = {
  readonly request: RequestJira;
  readonly sleep?: (ms: number) => Promise<void>;
  /** A value in [0, 1) for backoff jitter. */
  readonly random?: () => number;
  readonly now?: () => Date;
  readonly retry?: RetryPolicy;
};

export type JiraClient = { send<T>(call: JiraCall<T>): Promise<JiraResult<T>> };

/** For operations whose success has no body worth reading (204, or a 200 that echoes nothing useful). */
export const noContent = z.unknown().transform((): undefined => undefined);

const MAX_SCHEMA_ISSUES = 5;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const requestLine = (call: Pick<JiraCall<unknown>, 'operation' | 'method' | 'path'>): string => `${call.operation} ${call.method} ${call.path.split('?')[0] ?? call.path}`;

const describeSchemaIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, MAX_SCHEMA_ISSUES)
    .map((issue) => `${issue.path.length === 0 ? '(body)' : issue.path.join('.')}: ${issue.message}`)
    .join('; ');

export const createJiraClient = ({
  request,
  sleep = realSleep,
  random = Math.random,
  now = () => new Date(),
  retry = DEFAULT_RETRY_POLICY,
}: JiraClientDeps): JiraClient => {
  const failWithStatus = async (
    call: JiraCall<unknown>,
    response: JiraHttpResponse,
    attempts: number,
    retryAfterMs: number | null,
  ): Promise<{ ok: false; error: JiraFailure }> => {
    const code = codeForStatus(response.status);
    const said = readJiraErrorBody(await response.text());
    const operation = requestLine(call);
    return jiraFailure({
      code,
      message: describeFailure(code, operation, { status: response.status, attempts, ...said }),
      operation,
      status: response.status,
      attempts,
      ...said,
      ...(retryAfterMs === null ? {} : { retryAfterMs }),
    });
  };

  const parseSuccess = async <T>(call: JiraCall<T>, response: JiraHttpResponse, attempts: number): Promise<JiraResult<T>> => {
    const text = await response.text();
    let json: unknown;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        return invalidResponse(requestLine(call), response.status, attempts, 'the body is not JSON');
      }
    }
    const parsed = call.response.safeParse(json);
    return parsed.success ? ok(parsed.data) : invalidResponse(requestLine(call), response.status, attempts, describeSchemaIssues(parsed.error));
  };

  return {
    async send(call) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (call.body !== undefined) headers['Content-Type'] = 'application/json';
      const init = { method: call.method, headers, ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }) };
      const idempotent = call.idempotent ?? call.method !== 'POST';
      let waitedMs = 0;
      for (let attempt = 1; ; attempt += 1) {
        const response = await request(call.path, init);
        if (response.status >= 200 && response.status < 300) return parseSuccess(call, response, attempt);
        const askedMs = parseRetryAfter(response.headers.get('Retry-After'), now());
        if (!isRetryableStatus(response.status, idempotent) || attempt >= retry.maxAttempts) {
          return failWithStatus(call, response, attempt, askedMs);
        }
        const delayMs = askedMs ?? backoffDelayMs(attempt, retry, random);
        if (waitedMs + delayMs > retry.maxTotalWaitMs) return failWithStatus(call, response, attempt, delayMs);
        await sleep(delayMs);
        waitedMs += delayMs;
      }
    },
  };
};
