import type { ActiveExceptionCounts } from '../../domain/approval/concurrency-limits';
import type { Asset } from '../../domain/exception/security-exception';
import type { RegisterRepository } from '../ports/register-repository';

export type ActiveCountSource = Pick<RegisterRepository, 'concurrencyCounts'>;

export type CountedCandidate = {
  /** Absent for a request not yet raised in Jira. */
  readonly issueKey?: string | undefined;
  readonly assets: readonly Pick<Asset, 'id'>[];
  readonly businessUnit?: string | undefined;
};

/**
 * How many exceptions are already in force on each of the candidate's assets and in its business unit, read from
 * the register in one query. Neither the candidate nor the exception it renews is counted. A storage failure is
 * thrown, for the caller to fail closed on.
 */
export const activeCountsFor = (register: ActiveCountSource, candidate: CountedCandidate): Promise<ActiveExceptionCounts> =>
  register.concurrencyCounts({
    assetIds: candidate.assets.map((asset) => asset.id),
    ...(candidate.businessUnit === undefined ? {} : { businessUnit: candidate.businessUnit }),
    ...(candidate.issueKey === undefined ? {} : { candidateIssueKey: candidate.issueKey }),
  });
