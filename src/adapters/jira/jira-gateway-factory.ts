import type { JiraClientDeps } from './jira-client';
import { createJiraGateway, type JiraGateway } from './jira-gateway';
import type { RequestJira } from './request-jira';

export type JiraGateways = {
  /** Speaks as the user who invoked the resolver: Jira applies that user's permissions. */
  readonly asUser: JiraGateway;
  /** Speaks as the app, which can see and change far more than most users. */
  readonly asApp: JiraGateway;
};

export type JiraIdentities = {
  readonly asUser: RequestJira;
  readonly asApp: RequestJira;
} & Omit<JiraClientDeps, 'request'>;

/**
 * Which identity to use is a security decision, made here once:
 * - Anything a person does from the UI (read an exception, comment, transition, search the register) goes
 *   through `asUser`, so Jira's own permissions decide what that person may see and do.
 * - `asApp` is only for work with no user behind it or where Jira gives none: scheduled jobs, event
 *   triggers, workflow validators and the app-only writes (read-only custom fields, properties). Before acting
 *   for someone, such code first checks the permission that matters (`checkPermissions` with their accountId,
 *   or their group membership), because the app's own access would otherwise stand in for theirs.
 */
export const createJiraGateways = ({ asUser, asApp, ...shared }: JiraIdentities): JiraGateways => ({
  asUser: createJiraGateway({ ...shared, request: asUser }),
  asApp: createJiraGateway({ ...shared, request: asApp }),
});
