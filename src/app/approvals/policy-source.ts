import type { Policy } from '../../domain/policy/policy-config';
import type { Remote } from '../projection/projection-ports';

/** The installation's policy as it is now; a policy that cannot be read or parsed is a failure, never a default. */
export interface PolicySource {
  current(): Promise<Remote<Policy>>;
}
