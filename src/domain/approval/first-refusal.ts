import type { Err, Result } from '../shared/result';

/**
 * Runs checks in order and stops at the first refusal, so a person is told about the rule that blocks them
 * first rather than about a later one that may no longer apply once they fix it.
 */
export const firstRefusal = <C extends string>(checks: readonly (() => Result<unknown, C>)[]): Err<C> | null => {
  for (const check of checks) {
    const result = check();
    if (!result.ok) return result;
  }
  return null;
};
