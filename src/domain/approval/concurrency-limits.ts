import type { Asset } from '../exception/security-exception';
import type { Policy } from '../policy/policy-config';
import { ok, refuse, type Result } from '../shared/result';
import type { ConcurrencyErrorCode } from './approval-codes';

/**
 * Counts of exceptions already active, excluding the candidate itself and the exception it renews (which is
 * superseded when the renewal activates, so the two never count twice).
 */
export type ActiveExceptionCounts = {
  readonly perAsset: Readonly<Record<string, number>>;
  readonly perBusinessUnit: number;
};

export type ConcurrencyCandidate = {
  readonly assets: readonly Pick<Asset, 'id' | 'name'>[];
  readonly businessUnit: string;
};

/**
 * Many concurrent exceptions on one asset or unit mean the exception process has become the way of working;
 * the limits force remediation before more risk is accepted.
 */
export const checkConcurrencyLimits = (
  candidate: ConcurrencyCandidate,
  active: ActiveExceptionCounts,
  policy: Policy,
): Result<true, ConcurrencyErrorCode> => {
  const { activePerAsset, activePerBusinessUnit } = policy.limits;
  const full = candidate.assets.filter((asset) => (active.perAsset[asset.id] ?? 0) >= activePerAsset);
  if (full.length > 0)
    return refuse(
      'APPROVAL.ASSET_LIMIT_REACHED',
      `${full.map((a) => `Asset "${a.name}" (${a.id}) already has ${active.perAsset[a.id] ?? 0} active exceptions`).join('; ')}; ` +
        `the limit is ${activePerAsset} per asset. Remediate or close one of its active exceptions first, or ask a security lead to raise the limit.`,
    );
  if (active.perBusinessUnit >= activePerBusinessUnit)
    return refuse(
      'APPROVAL.BUSINESS_UNIT_LIMIT_REACHED',
      `Business unit "${candidate.businessUnit}" already has ${active.perBusinessUnit} active exceptions; the limit is ${activePerBusinessUnit}. ` +
        'Remediate or close some of them first, or ask a security lead to raise the limit.',
    );
  return ok(true);
};
