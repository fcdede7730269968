import { getAppContext } from '@forge/api';

/**
 * The running invocation's clock and time budget. Read per call, never cached at module scope: a warm runtime
 * serves other installations' invocations next.
 */
export const forgeInvocation = {
  remainingMs: (): number => getAppContext().invocationRemainingTimeInMillis(),
  now: (): Date => new Date(),
};
