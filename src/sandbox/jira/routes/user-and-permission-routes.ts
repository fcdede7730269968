import { z } from 'zod';
import { badRequest, jiraError, notFound, ok, type RouteResult } from '../jira-http';
import {
  GLOBAL_PERMISSIONS,
  PROJECT_PERMISSIONS,
  type GlobalPermission,
  type JiraProject,
  type ProjectPermission,
} from '../jira-model';
import { findGroupByName, findIssue, findProject, projectOf } from '../jira-state';
import { groupView, userView } from '../jira-views';
import { hasGlobalPermission, hasProjectPermission, type Actor } from '../permissions';
import type { RouteContext, RouteTable } from '../route-context';
import { canGlobally, pageOf, parseBody } from './route-helpers';

/** Users, groups and permission checks: what the app's approver rules and resolvers authorise with. */

const PERMISSION_DETAILS: Readonly<Record<GlobalPermission | ProjectPermission, { id: string; name: string; type: 'GLOBAL' | 'PROJECT' }>> = {
  ADMINISTER: { id: '0', name: 'Administer Jira', type: 'GLOBAL' },
  USER_PICKER: { id: '27', name: 'Browse users and groups', type: 'GLOBAL' },
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', type: 'PROJECT' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', type: 'PROJECT' },
  DELETE_ISSUES: { id: '16', name: 'Delete Issues', type: 'PROJECT' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', type: 'PROJECT' },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', type: 'PROJECT' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', type: 'PROJECT' },
};

const isGlobal = (key: string): key is GlobalPermission => (GLOBAL_PERMISSIONS as readonly string[]).includes(key);
const isProject = (key: string): key is ProjectPermission => (PROJECT_PERMISSIONS as readonly string[]).includes(key);

const holds = (ctx: RouteContext, actor: Actor, key: GlobalPermission | ProjectPermission, projects: readonly JiraProject[]): boolean => {
  const { state, permissions } = ctx.services;
  if (isGlobal(key)) return hasGlobalPermission(state, permissions, actor, key);
  return projects.some((project) => hasProjectPermission(state, permissions, actor, project, key));
};

/** The projects `mypermissions` judges in: one project or issue when given, otherwise any project. */
const contextProjects = (ctx: RouteContext): JiraProject[] | RouteResult => {
  const { state } = ctx.services;
  const projectRef = ctx.query.get('projectKey') ?? ctx.query.get('projectId');
  const issueRef = ctx.query.get('issueKey') ?? ctx.query.get('issueId');
  const project = projectRef === undefined ? undefined : findProject(state, projectRef);
  const issue = issueRef === undefined ? undefined : findIssue(state, issueRef);
  if ((projectRef !== undefined && project === undefined) || (issueRef !== undefined && issue === undefined)) {
    return jiraError(404, ['The project or issue was not found or you do not have permission to view it.']);
  }
  if (issue !== undefined) return [projectOf(state, issue)];
  return project === undefined ? [...state.projects.values()] : [project];
};

const myPermissions = (ctx: RouteContext): RouteResult => {
  const keys = (ctx.query.get('permissions') ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '');
  if (keys.length === 0) return jiraError(400, ['The permissions parameter is required.']);
  const invalid = keys.filter((key) => !isGlobal(key) && !isProject(key));
  if (invalid.length > 0) return jiraError(400, [`Invalid permission keys: ${invalid.join(', ')}`]);
  const projects = contextProjects(ctx);
  if (!Array.isArray(projects)) return projects;
  return ok({
    permissions: Object.fromEntries(
      keys.map((key) => {
        const permission = key as GlobalPermission | ProjectPermission;
        const details = PERMISSION_DETAILS[permission];
        return [key, { ...details, key, description: details.name, havePermission: holds(ctx, ctx.actor, permission, projects) }];
      }),
    ),
  });
};

const bulkCheckSchema = z.object({
  accountId: z.string().optional(),
  globalPermissions: z.array(z.string()).optional(),
  projectPermissions: z
    .array(
      z.object({
        permissions: z.array(z.string()),
        projects: z.array(z.number().int()).optional(),
        issues: z.array(z.number().int()).optional(),
      }),
    )
    .optional(),
});

const bulkCheck = (ctx: RouteContext, body: z.infer<typeof bulkCheckSchema>): RouteResult => {
  const { state } = ctx.services;
  if (body.accountId !== undefined && body.accountId !== ctx.actor.accountId && !canGlobally(ctx, 'ADMINISTER')) {
    return jiraError(403, ['You need Administer Jira permission to check the permissions of other users.']);
  }
  const subject: Actor = body.accountId === undefined ? ctx.actor : { kind: 'user', accountId: body.accountId };
  const invalidGlobal = (body.globalPermissions ?? []).filter((key) => !isGlobal(key));
  if (invalidGlobal.length > 0) return jiraError(400, [`Invalid global permissions: ${invalidGlobal.join(', ')}`]);
  const requested = body.projectPermissions ?? [];
  const invalidProject = requested.flatMap((entry) => entry.permissions.filter((key) => key !== '' && !isProject(key)));
  if (invalidProject.length > 0) return jiraError(400, [`Invalid project permissions: ${invalidProject.join(', ')}`]);
  if (requested.some((entry) => (entry.projects?.length ?? 0) > 1000 || (entry.issues?.length ?? 0) > 1000)) {
    return jiraError(400, ['At most 1000 projects and 1000 issues can be checked.']);
  }
  const projectPermissions = requested.flatMap((entry) =>
    entry.permissions.filter(isProject).map((permission) => ({
      permission,
      projects: (entry.projects ?? []).filter((id) => {
        const project = state.projects.get(String(id));
        return project !== undefined && hasProjectPermission(state, ctx.services.permissions, subject, project, permission);
      }),
      issues: (entry.issues ?? []).filter((id) => {
        const issue = state.issues.get(String(id));
        return issue !== undefined && hasProjectPermission(state, ctx.services.permissions, subject, projectOf(state, issue), permission);
      }),
    })),
  );
  return ok({
    globalPermissions: (body.globalPermissions ?? []).filter(
      (key) => isGlobal(key) && hasGlobalPermission(state, ctx.services.permissions, subject, key),
    ),
    projectPermissions,
  });
};

export const userAndPermissionRoutes: RouteTable = {
  'GET /rest/api/3/user': {
    query: ['accountId'],
    handle: (ctx) => {
      if (!canGlobally(ctx, 'USER_PICKER')) return jiraError(403, ['You do not have the Browse users and groups permission.']);
      const user = ctx.services.state.users.get(ctx.query.get('accountId') ?? '');
      return user === undefined ? notFound('The user was not found.') : ok(userView(ctx.view, user));
    },
  },

  'GET /rest/api/3/user/bulk': {
    query: ['accountId', 'startAt', 'maxResults'],
    handle: (ctx) => {
      const { users } = ctx.services.state;
      const found = [...new Set(ctx.query.all('accountId'))].flatMap((accountId) => {
        const user = users.get(accountId);
        return user === undefined ? [] : [user];
      });
      // Jira pages a bulk user read ten at a time unless told otherwise, which code that forgets maxResults must meet here.
      return ok(pageOf(ctx, found, (user) => userView(ctx.view, user), '/rest/api/3/user/bulk', 10));
    },
  },

  'GET /rest/api/3/user/groups': {
    query: ['accountId'],
    handle: (ctx) => {
      if (!canGlobally(ctx, 'USER_PICKER')) return jiraError(403, ['You do not have the Browse users and groups permission.']);
      const accountId = ctx.query.get('accountId') ?? '';
      if (!ctx.services.state.users.has(accountId)) return notFound(`The user with account ID '${accountId}' was not found.`);
      const groups = [...ctx.services.state.groups.values()].filter((group) => group.members.has(accountId));
      return ok(groups.sort((a, b) => a.name.localeCompare(b.name)).map((group) => groupView(ctx.view, group)));
    },
  },

  'GET /rest/api/3/group/member': {
    query: ['groupname', 'groupId', 'includeInactiveUsers', 'startAt', 'maxResults'],
    handle: (ctx) => {
      if (!canGlobally(ctx, 'ADMINISTER')) return jiraError(403, ['You need Administer Jira permission to list group members.']);
      const groupId = ctx.query.get('groupId');
      const groupname = ctx.query.get('groupname');
      if (groupId === undefined && groupname === undefined) return badRequest('Either groupId or groupname must be specified.');
      const { state } = ctx.services;
      const group = groupId === undefined ? findGroupByName(state, groupname ?? '') : state.groups.get(groupId);
      if (group === undefined) return notFound('The group was not found.');
      const includeInactive = ctx.query.get('includeInactiveUsers') === 'true';
      const members = [...group.members]
        .flatMap((accountId) => {
          const user = state.users.get(accountId);
          return user === undefined || (!user.active && !includeInactive) ? [] : [user];
        })
        .sort((a, b) => a.accountId.localeCompare(b.accountId));
      return ok(pageOf(ctx, members, (user) => userView(ctx.view, user), '/rest/api/3/group/member'));
    },
  },

  'GET /rest/api/3/mypermissions': {
    query: ['projectKey', 'projectId', 'issueKey', 'issueId', 'permissions'],
    handle: myPermissions,
  },

  'POST /rest/api/3/permissions/check': {
    handle: (ctx) => {
      const body = parseBody(bulkCheckSchema, ctx.body);
      return body.ok ? bulkCheck(ctx, body.value) : body.response;
    },
  },
};
