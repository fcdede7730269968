import { getAppContext } from '@forge/api';

/**
 * What the platform says about the running invocation. Read per call, never cached at module scope: a warm
 * runtime serves other installations' invocations next.
 */
export const forgeInvocation = {
  installationId: (): string => getAppContext().installationAri.installationId,
  remainingMs: (): number => getAppContext().invocationRemainingTimeInMillis(),
  now: (): Date => new Date(),
};
