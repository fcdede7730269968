import { createJiraStandIn, type JiraStandIn } from '../jira-stand-in';
import type { JiraHttpResponse } from '../jira-http';
import { jiraSpecValidator } from './jira-spec';

/**
 * A small site for tests: a security team in a company-managed project SEC, an admin, and the app's Forge
 * custom fields. Everything else a test needs it sets up itself, through REST where the app would.
 */

export const APP = { appId: 'app-4f1c', environmentId: 'env-7a2b', cloudId: 'cloud-9d3e', accountId: 'app-account-1' } as const;

export const PEOPLE = {
  requester: 'acc-requester',
  lead: 'acc-lead',
  outsider: 'acc-outsider',
  admin: 'acc-admin',
} as const;

export const START = new Date('2026-03-02T09:00:00.000Z');

export type StandInWorld = {
  readonly jira: JiraStandIn;
  readonly riskTierField: string;
  readonly riskInputsField: string;
};

export function createStandInWorld(): StandInWorld {
  const jira = createJiraStandIn({ validator: jiraSpecValidator(), app: { ...APP, name: 'Security Exception Register' }, start: START });
  jira.seedUser({ accountId: PEOPLE.requester, displayName: 'Rita Requester', emailAddress: 'rita@example.com' });
  jira.seedUser({ accountId: PEOPLE.lead, displayName: 'Lee Lead', timeZone: 'Europe/Berlin' });
  jira.seedUser({ accountId: PEOPLE.outsider, displayName: 'Otto Outsider' });
  jira.seedUser({ accountId: PEOPLE.admin, displayName: 'Ada Admin' });
  jira.seedGroup('jira-admins', [PEOPLE.admin]);
  jira.seedGroup('security-leads', [PEOPLE.lead]);
  jira.seedProject({
    key: 'SEC',
    name: 'Security Exceptions',
    leadAccountId: PEOPLE.lead,
    permissions: {
      BROWSE_PROJECTS: { groups: ['security-leads', 'jira-admins'], accountIds: [PEOPLE.requester] },
      EDIT_ISSUES: { groups: ['security-leads'], accountIds: [PEOPLE.requester] },
      TRANSITION_ISSUES: { groups: ['security-leads'], accountIds: [PEOPLE.requester] },
      CREATE_ISSUES: { accountIds: [PEOPLE.requester] },
    },
  });
  const riskTier = jira.registerForgeCustomField({ moduleKey: 'risk-tier', name: 'Risk tier', type: 'string', readOnly: true });
  const riskInputs = jira.registerForgeCustomField({ moduleKey: 'risk-inputs', name: 'Risk inputs', type: 'object' });
  return { jira, riskTierField: riskTier.id, riskInputsField: riskInputs.id };
}

/** Sends a JSON request as the app (`asUser` null) or as a person. */
export const call = (
  jira: JiraStandIn,
  method: string,
  path: string,
  body?: unknown,
  asUser: string | null = null,
): Promise<JiraHttpResponse> =>
  jira.handle({
    method,
    path,
    asUser,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });

export const json = (response: JiraHttpResponse): unknown => (response.body === '' ? undefined : (JSON.parse(response.body) as unknown));
