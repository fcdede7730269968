import { InvocationError, InvocationErrorCode } from '@forge/events';

/**
 * Forge retries an event trigger that returns this, after at least `afterMs` (rounded up to whole seconds, 1 s to
 * 900 s). The SDK's constructor returns the plain `{ _retry, retryOptions }` object the platform reads.
 */
export type RetryRequest = ReturnType<InvocationError['toJSON']>;

export const retryInvocationLater = (afterMs: number, upstreamRateLimited: boolean): RetryRequest => {
  const answer: unknown = new InvocationError({
    retryAfter: Math.min(900, Math.max(1, Math.ceil(afterMs / 1000))),
    retryReason: upstreamRateLimited ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });
  return answer as RetryRequest;
};

export type RetryTiming = { readonly afterMs: number; readonly rateLimited: boolean };

/** When to retry after Jira failed in passing: when it said to, or in a minute. */
export const retryTimingOf = (failure: { readonly code: string; readonly retryAfterMs?: number }): RetryTiming => ({
  afterMs: failure.retryAfterMs ?? 60_000,
  rateLimited: failure.code === 'JIRA.RATE_LIMITED',
});
