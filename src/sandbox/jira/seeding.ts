import type {
  FieldDefinition,
  ForgeFieldValueType,
  JiraGroup,
  JiraIssue,
  JiraProject,
  JiraUser,
  PermissionGrant,
  ProjectPermission,
  ProjectStyle,
} from './jira-model';
import { findGroupByName, findProject, findWorkflowByName } from './jira-state';
import type { StandInServices } from './route-context';
import { extensionAri } from './workflow-validators';
import { initialTransitionOf, issueTypesOf, workflowFor } from './workflow-resolution';

/**
 * Setting up the site directly, as an administrator would in Jira's UI before the app runs: people, groups,
 * projects, the app's Forge custom fields (Jira creates them on deploy) and existing issues. Seeding fires
 * no events and bypasses REST validation; it describes the world the app finds, not actions it observes.
 */

export type SeedUser = {
  readonly accountId: string;
  readonly displayName: string;
  readonly emailAddress?: string;
  readonly active?: boolean;
  readonly timeZone?: string;
};

export type SeedProject = {
  readonly key: string;
  readonly name: string;
  readonly leadAccountId: string;
  readonly style?: ProjectStyle;
  readonly description?: string;
  /** Replaces the default grant of a permission. */
  readonly permissions?: Partial<Record<ProjectPermission, Partial<PermissionGrant>>>;
  /** Team-managed projects own their issue types: the names to create for the project. */
  readonly issueTypes?: readonly string[];
};

export type SeedForgeField = {
  readonly moduleKey: string;
  readonly name: string;
  readonly type: ForgeFieldValueType;
  readonly collection?: boolean;
  readonly readOnly?: boolean;
};

export type SeedIssue = {
  readonly projectKey: string;
  readonly issueType: string;
  readonly summary: string;
  readonly reporterAccountId: string;
  /** Stored values by field id (users by account id, dates as `YYYY-MM-DD`). */
  readonly values?: Readonly<Record<string, unknown>>;
  /** Status name; the workflow's initial status when absent. */
  readonly status?: string;
  readonly created?: Date;
  readonly updated?: Date;
  readonly properties?: Readonly<Record<string, unknown>>;
};

export const seedUser = (services: StandInServices, input: SeedUser): JiraUser => {
  const user: JiraUser = {
    accountId: input.accountId,
    displayName: input.displayName,
    ...(input.emailAddress === undefined ? {} : { emailAddress: input.emailAddress }),
    active: input.active ?? true,
    accountType: 'atlassian',
    timeZone: input.timeZone ?? services.siteTimeZone,
  };
  services.state.users.set(user.accountId, user);
  return user;
};

export const seedGroup = (services: StandInServices, name: string, members: readonly string[] = []): JiraGroup => {
  const existing = findGroupByName(services.state, name);
  const group = existing ?? { groupId: services.state.nextUuid(), name, members: new Set<string>() };
  for (const accountId of members) {
    if (!services.state.users.has(accountId)) throw new Error(`cannot add unknown account ${accountId} to group ${name}`);
    group.members.add(accountId);
  }
  services.state.groups.set(group.groupId, group);
  return group;
};

export const seedProject = (services: StandInServices, input: SeedProject): JiraProject => {
  const { state } = services;
  if (findProject(state, input.key) !== undefined) throw new Error(`project ${input.key} already exists`);
  if (!state.users.has(input.leadAccountId)) throw new Error(`project lead ${input.leadAccountId} is not a user`);
  const style = input.style ?? 'company-managed';
  const permissions = new Map<ProjectPermission, PermissionGrant>();
  for (const [key, grant] of Object.entries(input.permissions ?? {})) {
    permissions.set(key as ProjectPermission, { anyoneWithSiteAccess: false, groups: [], accountIds: [], ...grant });
  }
  const project: JiraProject = {
    id: String(state.nextId('project')),
    key: input.key.toUpperCase(),
    name: input.name,
    style,
    projectTypeKey: 'software',
    leadAccountId: input.leadAccountId,
    description: input.description ?? '',
    properties: new Map(),
    permissions,
    teamManagedWorkflows: new Map(),
    nextIssueNumber: 1,
  };
  state.projects.set(project.id, project);
  if (style === 'team-managed') {
    for (const name of input.issueTypes ?? ['Task']) {
      const id = String(state.nextId('issueType'));
      state.issueTypes.set(id, { id, name, description: '', hierarchyLevel: 0, avatarId: 10318, entityId: state.nextUuid(), projectId: project.id });
    }
  }
  return project;
};

/** Team-managed projects map their own issue types to workflows; there is no public REST API for it. */
export const assignTeamManagedWorkflow = (services: StandInServices, projectKey: string, issueTypeName: string, workflowName: string): void => {
  const project = findProject(services.state, projectKey);
  if (project?.style !== 'team-managed') throw new Error(`${projectKey} is not a team-managed project`);
  const type = issueTypesOf(services.state, project).find((candidate) => candidate.name === issueTypeName);
  const workflow = findWorkflowByName(services.state, workflowName);
  if (type === undefined || workflow === undefined) throw new Error(`unknown issue type ${issueTypeName} or workflow ${workflowName}`);
  project.teamManagedWorkflows.set(type.id, workflow.id);
};

export const registerForgeField = (services: StandInServices, input: SeedForgeField): FieldDefinition => {
  const { state, app } = services;
  const customId = state.nextId('customField');
  const ari = extensionAri({ appId: app.appId, environmentId: app.environmentId, moduleKey: input.moduleKey });
  const collection = input.collection ?? false;
  const field: FieldDefinition = {
    id: `customfield_${customId}`,
    name: input.name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    schema: collection ? { type: 'array', items: input.type, custom: ari, customId } : { type: input.type, custom: ari, customId },
    forge: { extensionAri: ari, appId: app.appId, moduleKey: input.moduleKey, valueType: input.type, collection, readOnly: input.readOnly ?? false },
  };
  state.fields.set(field.id, field);
  return field;
};

export const seedIssue = (services: StandInServices, input: SeedIssue): JiraIssue => {
  const { state, clock } = services;
  const project = findProject(state, input.projectKey);
  if (project === undefined) throw new Error(`unknown project ${input.projectKey}`);
  const type = issueTypesOf(state, project).find((candidate) => candidate.name === input.issueType || candidate.id === input.issueType);
  if (type === undefined) throw new Error(`issue type ${input.issueType} is not available in ${project.key}`);
  const workflow = workflowFor(state, project, type.id);
  const statusId =
    input.status === undefined
      ? initialTransitionOf(workflow).toStatusId
      : workflow.statuses.map((layout) => layout.statusId).find((id) => state.statuses.get(id)?.name === input.status);
  if (statusId === undefined) throw new Error(`status ${input.status ?? ''} is not in workflow ${workflow.name}`);
  const created = input.created ?? clock.now();
  const issue: JiraIssue = {
    id: String(state.nextId('issue')),
    key: `${project.key}-${project.nextIssueNumber++}`,
    projectId: project.id,
    issueTypeId: type.id,
    statusId,
    values: new Map<string, unknown>([
      ['summary', input.summary],
      ['reporter', input.reporterAccountId],
      ['labels', []],
      ...Object.entries(input.values ?? {}),
    ]),
    creatorAccountId: input.reporterAccountId,
    created,
    updated: input.updated ?? created,
    statusCategoryChanged: created,
    changelog: [],
    comments: [],
    properties: new Map(Object.entries(input.properties ?? {})),
  };
  state.issues.set(issue.id, issue);
  return issue;
};
