import { accessOperations } from './access-operations';
import { fieldOperations } from './field-ids';
import { groupOperations } from './group-operations';
import { issueLinkOperations } from './issue-link-operations';
import { issueOperations } from './issue-operations';
import { createJiraClient, type JiraClientDeps } from './jira-client';
import { propertyOperations } from './property-operations';
import { provisioningOperations } from './provisioning-operations';
import { userOperations } from './user-operations';

/**
 * Typed Jira REST operations for one caller: every operation goes through the same client, so retries,
 * error mapping and response parsing behave the same everywhere. Build one per identity (see
 * jira-gateway-factory.ts): the gateway itself does not know whether it speaks as the user or as the app.
 */
export const createJiraGateway = (deps: JiraClientDeps) => {
  const client = createJiraClient(deps);
  return {
    ...fieldOperations(client),
    ...issueOperations(client),
    ...propertyOperations(client),
    ...accessOperations(client),
    ...provisioningOperations(client),
    ...issueLinkOperations(client),
    ...groupOperations(client),
    ...userOperations(client),
  };
};

export type JiraGateway = ReturnType<typeof createJiraGateway>;
