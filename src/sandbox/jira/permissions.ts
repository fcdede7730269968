import type { GlobalPermission, JiraProject, PermissionGrant, ProjectPermission } from './jira-model';
import type { JiraState } from './jira-state';

/**
 * Who is calling: the app (Forge `asApp()`, holding the scopes of its manifest, which for this app include
 * `manage:jira-configuration`) or a person (`asUser()`), judged by the site's permission grants.
 */
export type Actor = { readonly kind: 'app'; readonly accountId: string } | { readonly kind: 'user'; readonly accountId: string };

export type PermissionPolicy = {
  /** Groups whose members hold *Administer Jira*. */
  readonly adminGroups: readonly string[];
};

/** New projects get Jira's default permission scheme: team work for everyone, deletion and admin for admins. */
export const defaultGrant = (permission: ProjectPermission, policy: PermissionPolicy): PermissionGrant =>
  permission === 'DELETE_ISSUES' || permission === 'ADMINISTER_PROJECTS'
    ? { anyoneWithSiteAccess: false, groups: policy.adminGroups, accountIds: [] }
    : { anyoneWithSiteAccess: true, groups: [], accountIds: [] };

const isActiveUser = (state: JiraState, accountId: string): boolean => state.users.get(accountId)?.active === true;

const isInAnyGroup = (state: JiraState, accountId: string, groupNames: readonly string[]): boolean =>
  [...state.groups.values()].some(
    (group) => group.members.has(accountId) && groupNames.some((name) => name.toLowerCase() === group.name.toLowerCase()),
  );

export const grantCovers = (state: JiraState, grant: PermissionGrant, accountId: string): boolean =>
  isActiveUser(state, accountId) &&
  (grant.anyoneWithSiteAccess || grant.accountIds.includes(accountId) || isInAnyGroup(state, accountId, grant.groups));

export const hasGlobalPermission = (
  state: JiraState,
  policy: PermissionPolicy,
  actor: Actor,
  permission: GlobalPermission,
): boolean => {
  if (actor.kind === 'app') return true;
  if (!isActiveUser(state, actor.accountId)) return false;
  return permission === 'USER_PICKER' || isInAnyGroup(state, actor.accountId, policy.adminGroups);
};

export const hasProjectPermission = (
  state: JiraState,
  policy: PermissionPolicy,
  actor: Actor,
  project: JiraProject,
  permission: ProjectPermission,
): boolean =>
  actor.kind === 'app' || grantCovers(state, project.permissions.get(permission) ?? defaultGrant(permission, policy), actor.accountId);
