/** Waits before retry number `attempt` (1-based) after an appender lost the race for the next sequence number. */
export type PauseBeforeRetry = (attempt: number) => Promise<void>;

export type BackoffLimits = { readonly baseMs: number; readonly capMs: number };

/**
 * Exponential backoff with full jitter: racing appenders spread out instead of colliding again in lockstep.
 * Randomness and sleeping are passed in so the policy is testable and the caller owns the timers.
 */
export const jitteredBackoff = (
  deps: { readonly random: () => number; readonly sleep: (ms: number) => Promise<void> },
  limits: BackoffLimits = { baseMs: 5, capMs: 250 },
): PauseBeforeRetry => {
  return (attempt) => deps.sleep(Math.floor(deps.random() * Math.min(limits.capMs, limits.baseMs * 2 ** attempt)));
};
