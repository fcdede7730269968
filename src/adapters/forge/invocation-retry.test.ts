import { retryInvocationLater } from './invocation-retry';

describe('retryInvocationLater', () => {
  it.each([
    [250, false, 1, 'FUNCTION_RETRY_REQUEST'],
    [30_000, true, 30, 'FUNCTION_UPSTREAM_RATE_LIMITED'],
    [30_001, false, 31, 'FUNCTION_RETRY_REQUEST'],
    [3_600_000, true, 900, 'FUNCTION_UPSTREAM_RATE_LIMITED'],
  ])('after %i ms (rate limited: %s) asks for %i s with reason %s', (afterMs, rateLimited, retryAfter, retryReason) => {
    expect(retryInvocationLater(afterMs, rateLimited)).toEqual({ _retry: true, retryOptions: { retryAfter, retryReason } });
  });
});
