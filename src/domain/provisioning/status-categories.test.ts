import { STATUSES, type Status } from '../exception/security-exception';
import { statusCategoryOf, type StatusCategory } from './status-categories';

describe('statusCategoryOf', () => {
  const expected: Record<Status, StatusCategory> = {
    draft: 'TODO',
    submitted: 'IN_PROGRESS',
    'risk-review': 'IN_PROGRESS',
    'awaiting-approval': 'IN_PROGRESS',
    active: 'IN_PROGRESS',
    expired: 'DONE',
    revoked: 'DONE',
    remediated: 'DONE',
    rejected: 'DONE',
    withdrawn: 'DONE',
    superseded: 'DONE',
  };

  it.each(STATUSES.map((status) => [status, expected[status]]))('puts %s in %s', (status, category) => {
    expect(statusCategoryOf(status)).toBe(category);
  });
});
