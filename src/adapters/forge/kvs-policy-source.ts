import { kvs } from '@forge/kvs';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { parsePolicy, type Policy, type PolicyProblem } from '../../domain/policy/policy-config';
import type { Result } from '../../domain/shared/result';

/** The KVS key of the installation's policy configuration; absent until an administrator saves one. */
export const POLICY_KEY = 'policy:active';

export type KvsValues = Pick<typeof kvs, 'get' | 'set'>;

/**
 * The policy every rule reads. Until an administrator saves one, the design's defaults apply; a stored policy
 * that no longer parses is refused as a whole (the register fails closed rather than half-applying it).
 */
export const loadPolicy = async (
  values: Pick<KvsValues, 'get'> = kvs,
): Promise<Result<Policy, 'POLICY.INVALID'> & { problems?: PolicyProblem[] }> => {
  const stored = await values.get<unknown>(POLICY_KEY);
  return stored === undefined ? { ok: true, value: DEFAULT_POLICY } : parsePolicy(stored);
};
