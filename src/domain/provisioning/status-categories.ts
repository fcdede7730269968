import { STATUSES, STATUS_NAMES, isTerminal, type Status } from '../exception/security-exception';

/** Jira's three status categories: what boards and "resolved" filters use to group statuses. */
export type StatusCategory = 'TODO' | 'IN_PROGRESS' | 'DONE';

/**
 * A draft has not started; everything between submission and the end of the exception is open work, and an
 * active exception above all is an accepted risk still in force, so it must not count as done. Only the
 * terminal statuses are done.
 */
export const statusCategoryOf = (status: Status): StatusCategory => {
  if (status === 'draft') return 'TODO';
  return isTerminal(status) ? 'DONE' : 'IN_PROGRESS';
};

export type PlannedStatus = { readonly status: Status; readonly name: string; readonly category: StatusCategory };

/** Every lifecycle status with the Jira name and category set-up gives it, in lifecycle order. */
export const plannedStatuses = (): PlannedStatus[] =>
  STATUSES.map((status) => ({ status, name: STATUS_NAMES[status], category: statusCategoryOf(status) }));
