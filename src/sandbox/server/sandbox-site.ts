import { createJiraStandIn, type JiraStandIn } from '../jira/jira-stand-in';
import { jiraSpecValidator } from '../jira/testing/jira-spec';
import { groupsOfCast, JIRA_ADMIN_GROUP, PEOPLE, PROJECT_TEAM_GROUP, CAST } from '../seed/cast';
import type { ManifestModules } from './manifest-modules';

/**
 * The Jira site the sandbox runs on: the cast and their groups, one company-managed project for security exceptions,
 * and the app deployed to it (its Forge custom fields exist, as Jira creates them on deploy). Everything else, from
 * the issue type to the workflow, is provisioned by the app's own set-up through the REST API.
 */

export const PROJECT_KEY = 'SEC';
export const ENVIRONMENT_ID = 'sandbox-development';

export type SandboxSite = {
  readonly jira: JiraStandIn;
  readonly projectKey: string;
  /** Field ids by the manifest's custom field module key. */
  readonly fieldIds: Readonly<Record<string, string>>;
};

export const createSandboxSite = (options: { readonly start: Date; readonly manifest: ManifestModules }): SandboxSite => {
  const jira = createJiraStandIn({
    validator: jiraSpecValidator(),
    app: { appId: options.manifest.appId, environmentId: ENVIRONMENT_ID, name: 'Security Exception Register' },
    start: options.start,
    adminGroups: [JIRA_ADMIN_GROUP],
  });
  for (const person of PEOPLE) {
    jira.seedUser({
      accountId: person.accountId,
      displayName: person.displayName,
      emailAddress: `${person.displayName.split(' ')[0]?.toLowerCase() ?? person.accountId}@example.com`,
      ...(person.timeZone === undefined ? {} : { timeZone: person.timeZone }),
    });
  }
  for (const [name, members] of groupsOfCast()) jira.seedGroup(name, members);
  const team = { anyoneWithSiteAccess: false, groups: [PROJECT_TEAM_GROUP] };
  jira.seedProject({
    key: PROJECT_KEY,
    name: 'Security Exceptions',
    leadAccountId: CAST.sam.accountId,
    description: 'Risk-accepted deviations from security policy, with their approvals and expiry.',
    permissions: {
      BROWSE_PROJECTS: { anyoneWithSiteAccess: true },
      CREATE_ISSUES: team,
      EDIT_ISSUES: team,
      TRANSITION_ISSUES: team,
      ADD_COMMENTS: team,
      ASSIGN_ISSUES: team,
    },
  });
  const fieldIds = Object.fromEntries(
    options.manifest.customFields.map((field) => [
      field.key,
      jira.registerForgeCustomField({ moduleKey: field.key, name: field.name, type: field.type, readOnly: field.readOnly }).id,
    ]),
  );
  return { jira, projectKey: PROJECT_KEY, fieldIds };
};
