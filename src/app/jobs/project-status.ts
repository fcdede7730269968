import type { Status } from '../../domain/exception/security-exception';
import type { RegisterRepository } from '../ports/register-repository';
import { updateEntry } from '../projection/update-entry';

/**
 * Moves a register entry to the status Jira now shows, right after the job's transition, so the exception leaves
 * every "active" view and feed at once instead of when the issue event arrives. The entry keeps Jira's last
 * `updated` time: the event's projection, which is newer, still replaces it with what Jira says.
 */
export const projectStatus = (
  register: RegisterRepository,
  issueKey: string,
  status: Status,
  at: string,
): Promise<'updated' | 'unchanged' | 'absent'> =>
  updateEntry(
    register,
    issueKey,
    (current) => {
      if (current.status === status) return undefined;
      const { version: _version, nextReviewDue: _noLongerReviewed, expiresOn, ...rest } = current;
      // Only an exception that is or was in force keeps a last day, as the projection reads it from the issue.
      const keepsExpiry = status === 'active' || status === 'expired';
      return { ...rest, status, statusChangedAt: at, ...(keepsExpiry && expiresOn !== undefined ? { expiresOn } : {}) };
    },
    `moving ${issueKey} to ${status} in the register`,
  );
