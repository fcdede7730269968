import { formatJiraDateTime } from './jira-clock';
import type {
  FieldDefinition,
  JiraGroup,
  JiraIssueType,
  JiraProject,
  JiraStatus,
  JiraUser,
  StatusCategoryKey,
} from './jira-model';
import type { JiraState } from './jira-state';

/**
 * REST v3 representations of the stand-in's entities. Instants are rendered in the caller's time zone, as
 * Jira renders them for the authenticated account.
 */
export type ViewContext = { readonly state: JiraState; readonly baseUrl: string; readonly timeZone: string };

const avatarUrls = (ctx: ViewContext, kind: string, id: string): Record<string, string> => ({
  '48x48': `${ctx.baseUrl}/secure/viewavatar?size=large&avatarId=${id}&avatarType=${kind}`,
  '24x24': `${ctx.baseUrl}/secure/viewavatar?size=small&avatarId=${id}&avatarType=${kind}`,
  '16x16': `${ctx.baseUrl}/secure/viewavatar?size=xsmall&avatarId=${id}&avatarType=${kind}`,
  '32x32': `${ctx.baseUrl}/secure/viewavatar?size=medium&avatarId=${id}&avatarType=${kind}`,
});

export const dateTime = (ctx: ViewContext, instant: Date): string => formatJiraDateTime(instant, ctx.timeZone);

export const userView = (ctx: ViewContext, user: JiraUser): Record<string, unknown> => ({
  self: `${ctx.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
  accountId: user.accountId,
  ...(user.emailAddress === undefined ? {} : { emailAddress: user.emailAddress }),
  avatarUrls: avatarUrls(ctx, 'user', user.accountId),
  displayName: user.displayName,
  active: user.active,
  timeZone: user.timeZone,
  accountType: user.accountType,
});

/** A user reference as stored on an issue; an account the site no longer knows renders as Jira's "unknown". */
export const userRefView = (ctx: ViewContext, accountId: string | null | undefined): Record<string, unknown> | null => {
  if (accountId === null || accountId === undefined) return null;
  const user = ctx.state.users.get(accountId);
  return user === undefined
    ? { accountId, displayName: 'Former user', active: false, accountType: 'unknown' }
    : userView(ctx, user);
};

export const groupView = (ctx: ViewContext, group: JiraGroup): Record<string, unknown> => ({
  name: group.name,
  groupId: group.groupId,
  self: `${ctx.baseUrl}/rest/api/3/group?groupId=${group.groupId}`,
});

const CATEGORIES: Readonly<Record<StatusCategoryKey, { id: number; key: string; colorName: string; name: string }>> = {
  TODO: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  IN_PROGRESS: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  DONE: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
};

export const statusCategoryView = (ctx: ViewContext, category: StatusCategoryKey): Record<string, unknown> => {
  const details = CATEGORIES[category];
  return { self: `${ctx.baseUrl}/rest/api/3/statuscategory/${details.id}`, ...details };
};

export const statusView = (ctx: ViewContext, status: JiraStatus): Record<string, unknown> => ({
  self: `${ctx.baseUrl}/rest/api/3/status/${status.id}`,
  description: status.description,
  iconUrl: `${ctx.baseUrl}/images/icons/statuses/generic.png`,
  name: status.name,
  id: status.id,
  statusCategory: statusCategoryView(ctx, status.category),
  ...(status.projectId === undefined ? {} : { scope: { type: 'PROJECT', project: { id: status.projectId } } }),
});

export const projectRefView = (ctx: ViewContext, project: JiraProject): Record<string, unknown> => ({
  self: `${ctx.baseUrl}/rest/api/3/project/${project.id}`,
  id: project.id,
  key: project.key,
  name: project.name,
  projectTypeKey: project.projectTypeKey,
  simplified: project.style === 'team-managed',
  avatarUrls: avatarUrls(ctx, 'project', project.id),
});

export const issueTypeView = (ctx: ViewContext, type: JiraIssueType): Record<string, unknown> => {
  const project = type.projectId === undefined ? undefined : ctx.state.projects.get(type.projectId);
  return {
    self: `${ctx.baseUrl}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${ctx.baseUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`,
    name: type.name,
    subtask: type.hierarchyLevel < 0,
    avatarId: type.avatarId,
    hierarchyLevel: type.hierarchyLevel,
    ...(type.entityId === undefined ? {} : { entityId: type.entityId }),
    ...(project === undefined ? {} : { scope: { type: 'PROJECT', project: { id: project.id } } }),
  };
};

export const fieldView = (field: FieldDefinition): Record<string, unknown> => ({
  id: field.id,
  key: field.id,
  name: field.name,
  custom: field.custom,
  orderable: field.orderable,
  navigable: field.navigable,
  searchable: field.searchable,
  clauseNames: field.custom ? [`cf[${field.schema.customId ?? ''}]`, field.name] : [field.id],
  schema: field.schema,
});
