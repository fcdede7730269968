import { failure } from '../../contract';
import { noProject, type KeyDefinitions } from './resolver-kit';

/**
 * Monthly reports. The daily job stores each closed month's report (risk sections: lacking controls, above the
 * risk threshold, overdue reviews, expiring next month), but the contract's report is a set of monthly totals and
 * breakdowns that no stored report or use case provides yet. Rather than invent figures, both keys say so.
 */
const notAvailable = () =>
  Promise.resolve(
    failure(
      'NOT_AVAILABLE',
      'Monthly reports in this view are not available yet: the register stores each month’s risk sections, but not the monthly totals this page shows. The reports are still e-mailed to the security leads when a month closes.',
    ),
  );

export const reportResolvers = {
  'reports/list': { capability: 'read-reports', projectOf: noProject, run: notAvailable },
  'reports/get': { capability: 'read-reports', projectOf: noProject, run: notAvailable },
} satisfies Pick<KeyDefinitions, 'reports/list' | 'reports/get'>;
