import { z } from 'zod';
import { jiraError, ok, type RouteResult } from '../jira-http';
import type { JiraStatus } from '../jira-model';
import { findProject } from '../jira-state';
import type { RouteContext, RouteTable } from '../route-context';
import { andThen, can, canGlobally, pageOf, parseBody } from './route-helpers';

/**
 * Statuses: `GLOBAL` ones for company-managed workflows, `PROJECT` ones belonging to a team-managed project.
 * The spec answers 401 (not 403) to callers without the administration permissions.
 */

const statusCreateSchema = z.object({
  scope: z.object({ type: z.enum(['PROJECT', 'GLOBAL']), project: z.object({ id: z.string() }).optional() }),
  statuses: z.array(
    z.object({
      name: z.string().trim().min(1).max(255),
      statusCategory: z.enum(['TODO', 'IN_PROGRESS', 'DONE']),
      description: z.string().optional(),
    }),
  ),
});

export const jiraStatusView = (status: JiraStatus): Record<string, unknown> => ({
  id: status.id,
  name: status.name,
  description: status.description,
  statusCategory: status.category,
  scope: status.projectId === undefined ? { type: 'GLOBAL' } : { type: 'PROJECT', project: { id: status.projectId } },
});

const sameScope = (status: JiraStatus, projectId: string | undefined): boolean => status.projectId === projectId;

const createStatuses = (ctx: RouteContext, body: z.infer<typeof statusCreateSchema>): RouteResult => {
  const { state } = ctx.services;
  let projectId: string | undefined;
  if (body.scope.type === 'PROJECT') {
    const project = findProject(state, body.scope.project?.id ?? '');
    if (project === undefined || project.style !== 'team-managed') {
      return jiraError(400, ['A PROJECT scope needs the id of a team-managed project.']);
    }
    if (!can(ctx, project, 'ADMINISTER_PROJECTS')) return jiraError(401, ['You need Administer projects permission to create statuses.']);
    projectId = project.id;
  } else if (!canGlobally(ctx, 'ADMINISTER')) {
    return jiraError(401, ['You need Administer Jira permission to create global statuses.']);
  }
  const names = body.statuses.map((status) => status.name.toLowerCase());
  const clash = [...state.statuses.values()].find((status) => sameScope(status, projectId) && names.includes(status.name.toLowerCase()));
  if (clash !== undefined || new Set(names).size !== names.length) {
    return jiraError(400, [`A status with the name '${clash?.name ?? 'duplicate'}' already exists in this scope.`]);
  }
  const createdStatuses = body.statuses.map((input): JiraStatus => {
    const status: JiraStatus = {
      id: String(state.nextId('status')),
      name: input.name,
      description: input.description ?? '',
      category: input.statusCategory,
      ...(projectId === undefined ? {} : { projectId }),
    };
    state.statuses.set(status.id, status);
    return status;
  });
  return ok(createdStatuses.map(jiraStatusView));
};

export const statusRoutes: RouteTable = {
  'GET /rest/api/3/statuses/search': {
    query: ['projectId', 'startAt', 'maxResults', 'searchString', 'statusCategory'],
    handle: (ctx) => {
      const projectId = ctx.query.get('projectId');
      const search = ctx.query.get('searchString')?.toLowerCase();
      const category = ctx.query.get('statusCategory');
      const statuses = [...ctx.services.state.statuses.values()].filter(
        (status) =>
          (projectId === undefined ? status.projectId === undefined : status.projectId === projectId) &&
          (search === undefined || status.name.toLowerCase().includes(search)) &&
          (category === undefined || status.category === category),
      );
      return ok(pageOf(ctx, statuses, jiraStatusView, '/rest/api/3/statuses/search'));
    },
  },

  'GET /rest/api/3/statuses/byNames': {
    query: ['name', 'projectId'],
    handle: (ctx) => {
      const names = new Set(ctx.query.all('name').map((name) => name.toLowerCase()));
      const projectId = ctx.query.get('projectId');
      const statuses = [...ctx.services.state.statuses.values()].filter(
        (status) => names.has(status.name.toLowerCase()) && status.projectId === projectId,
      );
      return ok(statuses.map(jiraStatusView));
    },
  },

  'POST /rest/api/3/statuses': {
    handle: (ctx) => andThen(parseBody(statusCreateSchema, ctx.body), (body) => createStatuses(ctx, body)),
  },
};
