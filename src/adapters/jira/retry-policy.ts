/**
 * When to try a Jira call again and how long to wait. Jira answers 429 with `Retry-After` (seconds, or an
 * HTTP date) and sometimes a transient 5xx; both are worth another try, within a budget the caller's
 * invocation can afford (a UI resolver has 25 s in all).
 */

export type RetryPolicy = {
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  /** The most time all waits together may take; a longer wait surfaces the failure instead. */
  readonly maxTotalWaitMs: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, maxTotalWaitMs: 15_000, baseDelayMs: 500, maxDelayMs: 8_000 };

/**
 * A 429 or 503 means Jira did not act on the request, so any request may be repeated. After another 5xx
 * Jira may have done the work, so only a request that is safe to repeat is sent again (a second POST of a
 * comment would post it twice).
 */
export const isRetryableStatus = (status: number, idempotent: boolean): boolean =>
  status === 429 || status === 503 || (idempotent && status >= 500 && status <= 599);

/** Milliseconds a `Retry-After` value asks for, or null when there is none or it cannot be read. */
export const parseRetryAfter = (value: string | null, now: Date): number | null => {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date always names its day and month; without letters, Date.parse would take "-5" for a year.
  const at = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
};

/**
 * Exponential backoff with "equal jitter": half the step is kept so retries never bunch at zero, the other
 * half is random so many invocations hitting the same limit spread out. `random` returns a value in [0, 1).
 */
export const backoffDelayMs = (failedAttempts: number, policy: RetryPolicy, random: () => number): number => {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
};
