import type { Status } from '../../domain/exception/security-exception';
import type { RegisterEntry, RegisterRepository } from '../ports/register-repository';
import { StorageError } from '../ports/storage-error';

const MAX_ATTEMPTS = 5;

/**
 * Moves a register entry to the status Jira now shows, right after the job's transition, so the exception leaves
 * every "active" view and feed at once instead of when the issue event arrives. The entry keeps Jira's last
 * `updated` time: the event's projection, which is newer, still replaces it with what Jira says.
 */
export const projectStatus = async (
  register: RegisterRepository,
  issueKey: string,
  status: Status,
  at: string,
): Promise<'updated' | 'unchanged' | 'absent'> => {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const current = await register.get(issueKey);
    if (current === null) return 'absent';
    if (current.status === status) return 'unchanged';
    const { version, nextReviewDue: _noLongerReviewed, expiresOn, ...rest } = current;
    // Only an exception that is or was in force keeps a last day, as the projection reads it from the issue.
    const keepsExpiry = status === 'active' || status === 'expired';
    const next: RegisterEntry = { ...rest, status, statusChangedAt: at, ...(keepsExpiry && expiresOn !== undefined ? { expiresOn } : {}) };
    if ((await register.save(next, version)).ok) return 'updated';
  }
  throw new StorageError('STORAGE.CONTENDED', `moving ${issueKey} to ${status} in the register lost ${MAX_ATTEMPTS} races in a row`, undefined);
};
