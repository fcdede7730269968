import type { Ok } from '../../domain/shared/result';

/**
 * A failed call to Jira, after the gateway's own retries have been spent. Failures carry Jira's stable code
 * (`JIRA.RATE_LIMITED`, `JIRA.UNAVAILABLE`, ...) and, when Jira asked for it, how long to wait.
 */
export type RemoteFailure = {
  readonly code: string;
  readonly message: string;
  readonly retryAfterMs?: number;
};

export type Remote<T> = Ok<T> | { readonly ok: false; readonly error: RemoteFailure };
