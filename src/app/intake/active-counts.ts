import type { ActiveExceptionCounts } from '../../domain/approval/concurrency-limits';
import type { Asset } from '../../domain/exception/security-exception';
import type { RegisterRepository } from '../ports/register-repository';

export type ActiveCountSource = Pick<RegisterRepository, 'countActiveForAsset' | 'countActiveForBusinessUnit'>;

export type CountedCandidate = {
  readonly assets: readonly Pick<Asset, 'id'>[];
  readonly businessUnit?: string | undefined;
};

/**
 * How many exceptions are already in force on each of the candidate's assets and in its business unit, read from
 * the register. The candidate itself is never counted: it is not active while it is submitted or awaiting approval.
 * A storage failure is thrown, for the caller to fail closed on.
 */
export const activeCountsFor = async (register: ActiveCountSource, candidate: CountedCandidate): Promise<ActiveExceptionCounts> => {
  const assetIds = [...new Set(candidate.assets.map((asset) => asset.id))];
  const [perAsset, perBusinessUnit] = await Promise.all([
    Promise.all(assetIds.map(async (assetId): Promise<[string, number]> => [assetId, await register.countActiveForAsset(assetId)])),
    candidate.businessUnit === undefined ? Promise.resolve(0) : register.countActiveForBusinessUnit(candidate.businessUnit),
  ]);
  return { perAsset: Object.fromEntries(perAsset), perBusinessUnit };
};
