import { securityLeadLevel } from '../../domain/lifecycle/actor-roles';
import type { Policy } from '../../domain/policy/policy-config';
import type { AuditorGrant, CallerPermissions } from './access-ports';

/**
 * The roles of one caller, derived on the server from what Jira says about the account the platform named. Every
 * resolver decides from these; what the UI shows is a courtesy built from the same values.
 */
export type Roles = {
  /** May browse the project the call is about, and so raise and read its exceptions. */
  readonly requester: boolean;
  /** Ids of the approval levels whose group the caller belongs to, in policy order. */
  readonly approverLevels: readonly string[];
  readonly peerReviewer: boolean;
  /** Member of the quarterly review group. */
  readonly reviewer: boolean;
  /** Member of the group of the level every tier starts with. */
  readonly securityLead: boolean;
  /** Holds Administer Jira. */
  readonly admin: boolean;
  /** Holds an auditor grant that has not run out and is in the auditor group: reads everything, changes nothing. */
  readonly auditor: boolean;
};

export type AuditorStanding =
  | { readonly state: 'none' }
  | { readonly state: 'active'; readonly until: string }
  /** A grant that ran out, or whose holder has left the auditor group. */
  | { readonly state: 'lapsed'; readonly until: string };

export type Caller = {
  readonly accountId: string;
  readonly projectKey: string | null;
  /** The caller's Jira groups, for the rules that check a group themselves (approval, review). */
  readonly groups: readonly string[];
  readonly roles: Roles;
  readonly auditorGrant: AuditorStanding;
};

export type CallerFacts = {
  readonly accountId: string;
  readonly projectKey: string | null;
  readonly groups: readonly string[];
  readonly permissions: CallerPermissions;
  readonly grant: AuditorGrant | null;
  readonly auditorGroup: string;
};

const inGroup = (groups: readonly string[], group: string): boolean => {
  const wanted = group.toLowerCase();
  // Jira group names are case-insensitive.
  return groups.some((name) => name.toLowerCase() === wanted);
};

export const auditorStanding = (grant: AuditorGrant | null, inAuditorGroup: boolean, now: Date): AuditorStanding => {
  if (grant === null) return { state: 'none' };
  const current = inAuditorGroup && Date.parse(grant.until) > now.getTime();
  return { state: current ? 'active' : 'lapsed', until: grant.until };
};

/**
 * `policy` is null when the stored policy cannot be used: then no group-based role can be known, and only what Jira
 * itself says (administrator, project access) counts, so an administrator can still repair the policy.
 */
export const callerOf = (facts: CallerFacts, policy: Policy | null, now: Date): Caller => {
  const { groups } = facts;
  const auditorGrant = auditorStanding(facts.grant, inGroup(groups, facts.auditorGroup), now);
  return {
    accountId: facts.accountId,
    projectKey: facts.projectKey,
    groups,
    auditorGrant,
    roles: {
      requester: facts.permissions.browseProject,
      approverLevels: policy === null ? [] : policy.levels.filter((level) => inGroup(groups, level.group)).map((level) => level.id),
      peerReviewer: policy !== null && inGroup(groups, policy.peerReview.group),
      reviewer: policy !== null && inGroup(groups, policy.review.group),
      securityLead: policy !== null && inGroup(groups, securityLeadLevel(policy).group),
      admin: facts.permissions.jiraAdmin,
      auditor: auditorGrant.state === 'active',
    },
  };
};
