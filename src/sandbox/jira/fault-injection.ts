import type { JiraHttpResponse } from './jira-http';

/**
 * Failures the app must survive, injected on demand: Jira's rate limiting (429 with `Retry-After`) and
 * server errors (500/503), for the next N requests or for every request whose path matches a pattern.
 */

export type FaultRule = {
  readonly status: 429 | 500 | 503;
  /** How many matching requests fail; absent means every matching request until cleared. */
  readonly times?: number;
  readonly pathPattern?: RegExp;
  readonly method?: string;
  /** Seconds a 429 asks the caller to wait (Jira always sends the header on 429). */
  readonly retryAfterSeconds?: number;
};

export type FaultInjector = {
  inject(rule: FaultRule): void;
  clear(): void;
  /** The injected response for this request, if a rule claims it. */
  take(method: string, path: string): JiraHttpResponse | undefined;
};

const BODIES: Readonly<Record<FaultRule['status'], string>> = {
  429: 'Rate limit exceeded.',
  500: 'Internal server error.',
  503: 'Service unavailable. Please try again later.',
};

export function createFaultInjector(): FaultInjector {
  let rules: { rule: FaultRule; remaining: number }[] = [];
  return {
    inject: (rule) => void rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY }),
    clear: () => void (rules = []),
    take(method, path) {
      const active = rules.find(
        ({ rule, remaining }) =>
          remaining > 0 &&
          (rule.method === undefined || rule.method.toUpperCase() === method.toUpperCase()) &&
          (rule.pathPattern === undefined || rule.pathPattern.test(path)),
      );
      if (active === undefined) return undefined;
      active.remaining -= 1;
      rules = rules.filter((entry) => entry.remaining > 0);
      const { status } = active.rule;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (status === 429) {
        headers['retry-after'] = String(active.rule.retryAfterSeconds ?? 5);
        headers['ratelimit-reason'] = 'jira-burst-based';
      }
      return { status, headers, body: JSON.stringify({ errorMessages: [BODIES[status]], errors: {} }) };
    },
  };
}
