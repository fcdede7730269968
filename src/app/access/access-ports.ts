import type { Remote } from '../projection/projection-ports';

/**
 * What deciding a caller's roles needs from outside: Jira's answer about the caller's groups and permissions, and
 * the app's own record of time-bound auditor grants. Every question is about the account the platform named, never
 * about an account a request payload names.
 */

export type CallerPermissions = {
  /** Holds *Administer Jira*. */
  readonly jiraAdmin: boolean;
  /** May browse the project the call is about; false when the call is about no project. */
  readonly browseProject: boolean;
};

export interface AccessDirectory {
  /** Names of the Jira groups the account belongs to. */
  groupsOf(accountId: string): Promise<Remote<readonly string[]>>;
  /** The caller's global and project permissions, as Jira answers for the caller. */
  permissionsOf(accountId: string, projectKey: string | null): Promise<Remote<CallerPermissions>>;
}

/** Read-only access for one auditor until a set instant; renewing it is a new grant. */
export type AuditorGrant = {
  readonly accountId: string;
  /** ISO instant at which the access ends. */
  readonly until: string;
  readonly grantedBy: string;
  readonly grantedAt: string;
};

export type AuditorSettings = {
  /** Only members of this Jira group can hold an auditor grant. */
  readonly group: string;
};

export interface AuditorGrants {
  settings(): Promise<AuditorSettings>;
  grantOf(accountId: string): Promise<AuditorGrant | null>;
  /** Replaces any earlier grant of the same account. */
  save(grant: AuditorGrant): Promise<void>;
  list(): Promise<readonly AuditorGrant[]>;
}
